/** Is the database answering? For health checks. */
export interface DatabaseProbe {
  /** Resolves when the server answered a ping; rejects otherwise. */
  ping(): Promise<void>;
}
