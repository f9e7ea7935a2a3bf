/**
 * Bounds how many answers are computed at once. Acks never wait for it: a burst of commands is
 * acknowledged at once, and the queries behind them run a few at a time instead of all
 * competing with the acks (and the database) for CPU.
 */
export type Limiter = <T>(work: () => Promise<T>) => Promise<T>;

export function createLimiter(concurrency: number): Limiter {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (active >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await work();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}
