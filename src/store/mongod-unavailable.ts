/**
 * Remembers, in the data directory, that mongod could not be had here. Trying costs about 8 s
 * (mongodb-memory-server retries its download three times), so for a day after a failure the
 * embedded database goes straight to FerretDB. Deleting the file makes Penny try again at once.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const MONGOD_UNAVAILABLE_FILE = 'mongod-unavailable.json';
/** How long a failure is believed before mongod is tried again. */
export const RETRY_MONGOD_AFTER_MS = 24 * 60 * 60 * 1000;

export interface MongodUnavailable {
  /** When it failed (ISO time). */
  at: string;
  reason: string;
}

/** The remembered failure, if there is one younger than RETRY_MONGOD_AFTER_MS. */
export function recentMongodFailure(dataDir: string, now: Date): MongodUnavailable | undefined {
  let note: Partial<MongodUnavailable>;
  try {
    note = JSON.parse(readFileSync(join(dataDir, MONGOD_UNAVAILABLE_FILE), 'utf8')) as Partial<MongodUnavailable>;
  } catch {
    return undefined; // no file, or not ours to read: try mongod
  }
  const at = Date.parse(note.at ?? '');
  const age = now.getTime() - at;
  if (Number.isNaN(at) || age < 0 || age >= RETRY_MONGOD_AFTER_MS) return undefined;
  return { at: note.at!, reason: String(note.reason ?? 'unknown') };
}

export function rememberMongodFailure(dataDir: string, now: Date, reason: string): void {
  mkdirSync(dataDir, { recursive: true });
  const note: MongodUnavailable = { at: now.toISOString(), reason };
  writeFileSync(join(dataDir, MONGOD_UNAVAILABLE_FILE), `${JSON.stringify(note, null, 2)}\n`);
}
