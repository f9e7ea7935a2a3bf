/**
 * Write batch sizes. FerretDB v1.24 keeps every statement's query open until an update command
 * ends (msg_update.go defers closer.Close() inside its loop), so an update or replace command
 * with many statements exhausts its SQLite connections and hangs with the database locked
 * (seen from ~60 statements up). Updates therefore go in small batches; inserts are not affected.
 */
export const UPDATE_BATCH = 25;
export const INSERT_BATCH = 1000;

export function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** Two bulk inserts in flight: measured ~30% faster than one at a time on FerretDB, and harmless on MongoDB. */
export const INSERT_CONCURRENCY = 2;

/** Runs `work` over the batches with at most `concurrency` in flight, stopping at the first error. */
export async function forEachConcurrently<T>(batches: Iterable<T>, concurrency: number, work: (batch: T) => Promise<void>): Promise<void> {
  const iterator = batches[Symbol.iterator]();
  const worker = async (): Promise<void> => {
    for (let next = iterator.next(); !next.done; next = iterator.next()) await work(next.value);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/**
 * Pulls the next item while the caller writes the current one, so producing and writing overlap.
 * The pull is deferred with setImmediate: a generator's synchronous work would otherwise run
 * before the caller's write is even sent, and nothing would overlap.
 */
export async function* prefetch<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let pending = iterator.next();
  while (true) {
    const current = await pending;
    if (current.done) return;
    pending = new Promise<IteratorResult<T>>((resolve, reject) => setImmediate(() => iterator.next().then(resolve, reject)));
    // Keep a rejected prefetch from going unhandled while the caller is still busy.
    pending.catch(() => undefined);
    yield current.value;
  }
}
