/** MongoDB's duplicate key error (11000): a unique insert that someone else won. */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: number } | undefined)?.code === 11000;
}
