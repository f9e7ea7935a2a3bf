import mongoose, { type Connection } from 'mongoose';
import { AppError } from '../domain/errors';

/** Hides credentials when a URI goes into a message or a log line. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/([^@/]+)@/, '//***@');
}

export async function connectMongo(uri: string, options: { serverSelectionTimeoutMS?: number } = {}): Promise<Connection> {
  const conn = mongoose.createConnection(uri, {
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 8000,
    autoIndex: false,
    autoCreate: false,
    dbName: dbNameFromUri(uri),
  });
  try {
    await conn.asPromise();
    return conn;
  } catch (error) {
    await conn.close().catch(() => undefined);
    throw new AppError(
      'DB_UNAVAILABLE',
      `Could not reach MongoDB at ${redactUri(uri)}. Check MONGODB_URI and that the server is running.`,
      { cause: error },
    );
  }
}

/** The database named in the URI path, or "penny". */
export function dbNameFromUri(uri: string): string {
  const match = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]+)/.exec(uri);
  return match?.[1] ? decodeURIComponent(match[1]) : 'penny';
}
