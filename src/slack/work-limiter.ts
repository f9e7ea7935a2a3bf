/**
 * Bounds how many answers are computed at once, and lets a burst of requests be acknowledged
 * before answering starts. Acks never wait for it; the answers behind them run a few at a time.
 *
 * Why the settle: answering one `/cost` costs the database a full scan of a rollup, which on a
 * small host takes the CPU the next acks need (Slack gives 3 s, and users see a lag). So work
 * starts only once no new request has arrived for `quietMs`, or after `maxDelayMs` at most.
 */
export type Limiter = <T>(work: () => Promise<T>) => Promise<T>;

export interface LimiterOptions {
  concurrency: number;
  /** Start work only after this long without a new arrival. 0 starts at once. */
  quietMs?: number;
  /** The longest an arrival burst may hold work back. */
  maxDelayMs?: number;
}

export function createLimiter(options: LimiterOptions): Limiter {
  const { concurrency, quietMs = 0, maxDelayMs = 0 } = options;
  let active = 0;
  let lastArrival = 0;
  const waiting: (() => void)[] = [];
  const settle = async () => {
    const arrived = Date.now();
    for (;;) {
      const now = Date.now();
      const wait = Math.min(quietMs - (now - lastArrival), maxDelayMs - (now - arrived));
      if (wait <= 0) return;
      await new Promise((r) => setTimeout(r, wait));
    }
  };
  return async <T>(work: () => Promise<T>): Promise<T> => {
    lastArrival = Date.now();
    await settle();
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
