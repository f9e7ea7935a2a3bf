/**
 * Is the database answering right now? A ping with its own short limit, for /healthz: a health
 * check must answer quickly even while MongoDB does not. One ping at a time; callers that come
 * while one is in flight share its answer.
 */
import type { Connection } from 'mongoose';
import { dbLimitsOf } from './connection';
import { describeDbFailure } from './db-errors';

export interface DbHealth {
  up: boolean;
  /** Why it is down, in a sentence (no addresses or credentials). */
  reason?: string;
  checkedAt: Date;
}

export function dbHealthCheck(conn: Connection, timeoutMs = 2_000): () => Promise<DbHealth> {
  let inFlight: Promise<DbHealth> | undefined;
  const ping = async (): Promise<DbHealth> => {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<DbHealth>((resolve) => {
      timer = setTimeout(() => resolve({ up: false, reason: `MongoDB did not answer a ping within ${timeoutMs / 1000} s.`, checkedAt: new Date() }), timeoutMs);
    });
    const answered = (async (): Promise<DbHealth> => {
      try {
        if (!conn.db) throw new Error('not connected');
        await conn.db.admin().command({ ping: 1 }, { socketTimeoutMS: timeoutMs } as never);
        return { up: true, checkedAt: new Date() };
      } catch (error) {
        const known = describeDbFailure(error, dbLimitsOf(conn));
        return { up: false, reason: known ? known.code === 'DB_TIMEOUT' ? 'MongoDB does not answer in time.' : 'MongoDB cannot be reached.' : 'MongoDB refused the ping.', checkedAt: new Date() };
      }
    })();
    try {
      return await Promise.race([answered, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  };
  return () => {
    inFlight ??= ping().finally(() => (inFlight = undefined));
    return inFlight;
  };
}
