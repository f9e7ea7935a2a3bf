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
