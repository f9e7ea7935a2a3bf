/**
 * What a fake server recorded, in arrival order, with a wait for the first entry that matches.
 * Both fakes (Web API, response_url) record this way so tests can await what the app sends.
 */
export interface RecordedLog<T> {
  /** Live: cleared in place, so arrays a test already holds stay current. */
  readonly entries: T[];
  add(entry: T): void;
  /** Resolves with the first matching entry, now or when it arrives; rejects after timeoutMs. */
  waitFor(match: (entry: T) => boolean, timeoutMs: number, describeMiss: () => string): Promise<T>;
}

export function createRecordedLog<T>(): RecordedLog<T> {
  const entries: T[] = [];
  const waiters = new Set<() => void>();
  return {
    entries,
    add(entry) {
      entries.push(entry);
      waiters.forEach((wake) => wake());
    },
    waitFor(match, timeoutMs, describeMiss) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = entries.find(match);
          if (found === undefined) return false;
          done();
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(describeMiss()));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        if (!check()) waiters.add(check);
      });
    },
  };
}
