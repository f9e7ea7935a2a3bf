/**
 * The one place where Penny's MongoDB connection is made, and where its time limits are set:
 * no request may wait forever on a server that is down, stuck, or failing over.
 * - finding a server and connecting: `connectMs` (serverSelectionTimeoutMS, connectTimeoutMS);
 * - one reply to any request: `queryMs` (socketTimeoutMS), and queries also carry maxTimeMS so
 *   that a server that is merely slow gives up first and keeps the connection;
 * - bulk writes and scans of imports and repairs pass `writeMs` per operation (bulkOptions).
 */
import mongoose, { type Connection } from 'mongoose';
import { DEFAULT_DB_LIMITS, type DbLimits } from '../ports/db-limits';
import { AppError } from '../domain/errors';
import { describeDbFailure } from './db-errors';

export { DEFAULT_DB_LIMITS };

const limitsByConnection = new WeakMap<Connection, DbLimits>();

/** The limits a connection was opened with (the defaults for one made elsewhere). */
export function dbLimitsOf(conn: Connection): DbLimits {
  return limitsByConnection.get(conn) ?? DEFAULT_DB_LIMITS;
}

/** Hides credentials when a URI goes into a message or a log line. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/([^@/]+)@/, '//***@');
}

export type ConnectOptions = Partial<DbLimits> & {
  /** Older spelling of `connectMs`. */
  serverSelectionTimeoutMS?: number;
};

export async function connectMongo(uri: string, options: ConnectOptions = {}): Promise<Connection> {
  const { serverSelectionTimeoutMS, ...given } = options;
  const limits: DbLimits = { ...DEFAULT_DB_LIMITS, ...(serverSelectionTimeoutMS ? { connectMs: serverSelectionTimeoutMS } : {}), ...given };
  const conn = mongoose.createConnection(uri, {
    serverSelectionTimeoutMS: limits.connectMs,
    connectTimeoutMS: limits.connectMs,
    socketTimeoutMS: limits.queryMs,
    // Fail at once while disconnected (the driver then waits connectMs for a server) instead of
    // queueing in mongoose behind a second, hidden limit.
    bufferCommands: false,
    autoIndex: false,
    autoCreate: false,
    dbName: dbNameFromUri(uri),
  });
  limitsByConnection.set(conn, limits);
  try {
    await conn.asPromise();
    return conn;
  } catch (error) {
    await conn.close(true).catch(() => undefined);
    const known = describeDbFailure(error, limits, redactUri(uri));
    throw new AppError(
      'DB_UNAVAILABLE',
      known ? known.message : `Could not reach MongoDB at ${redactUri(uri)}. Check MONGODB_URI and that the server is running.`,
      { cause: error, detail: { uri: redactUri(uri) } },
    );
  }
}

/** Closes a connection without waiting on a server that no longer answers. */
export async function closeMongo(conn: Connection, waitMs = 5_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const graceful = conn.close().then(() => true, () => false);
  const done = await Promise.race([graceful, new Promise<boolean>((r) => (timer = setTimeout(() => r(false), waitMs)))]);
  clearTimeout(timer);
  if (!done) await conn.close(true).catch(() => undefined);
}

/**
 * Per-operation options for bulk writes and long scans: a longer wait for their reply. The driver
 * honours socketTimeoutMS per operation (its types only list it for the client), but not for a
 * cursor's later batches, which each get the query limit.
 */
export function bulkOptions<T extends object>(limits: DbLimits, options?: T): T {
  return { ...options, socketTimeoutMS: limits.writeMs } as T;
}

/** maxTimeMS for queries: the server stops a little before the socket limit, keeping the connection. */
export function queryMaxTimeMs(limits: DbLimits): number {
  return Math.max(1, limits.queryMs - Math.min(1_000, Math.floor(limits.queryMs / 10)));
}

/** The database named in the URI path, or "penny". */
export function dbNameFromUri(uri: string): string {
  const match = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]+)/.exec(uri);
  return match?.[1] ? decodeURIComponent(match[1]) : 'penny';
}
