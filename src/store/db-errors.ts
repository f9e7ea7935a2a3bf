/**
 * Turns the driver's failures into coded errors with one sentence naming the cause. The raw
 * error stays as `cause`, for the log.
 *
 * Which time limit applied is not in a socket timeout's error, so bulk paths tag their errors
 * with the limit they ran under (withinLimit); everything else ran under the query limit.
 */
import { MongoBulkWriteError, MongoNetworkError, MongoNetworkTimeoutError, MongoNotConnectedError, MongoServerError, MongoServerSelectionError, MongoTopologyClosedError } from 'mongodb';
import type { DbLimits } from '../ports/db-limits';
import { AppError, isAppError } from '../domain/errors';

const LIMIT_MS = Symbol('penny.dbLimitMs');
const MAX_TIME_EXPIRED = 50;

/** Runs `work`; a failure leaving it is tagged with the reply limit it ran under. */
export async function withinLimit<T>(limitMs: number, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw withLimit(error, limitMs);
  }
}

function withLimit<E>(error: E, limitMs: number): E {
  if (error && typeof error === 'object' && !(LIMIT_MS in error)) Object.defineProperty(error, LIMIT_MS, { value: limitMs });
  return error;
}

export function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

/**
 * A coded error for a database failure, or undefined when `error` is something else.
 * `where`: the server's address (credentials hidden), when the caller knows it.
 */
export function describeDbFailure(error: unknown, limits: DbLimits, where?: string): AppError | undefined {
  if (isAppError(error)) return error.code === 'DB_TIMEOUT' || error.code === 'DB_UNAVAILABLE' ? error : undefined;
  const replyMs = (error as { [LIMIT_MS]?: number } | undefined)?.[LIMIT_MS] ?? limits.queryMs;
  // A bulk write (insertMany too) wraps the network failure that ended it.
  const inner = error instanceof MongoBulkWriteError ? error.errorResponse : undefined;
  if (inner instanceof Error) return describeDbFailure(withLimit(inner, replyMs), limits, where);
  const short = shortReason(error);
  // The driver's own words, for logs that record `detail` but not `cause`.
  const detail = { driverError: `${(error as Error | undefined)?.name ?? 'Error'}: ${String((error as Error | undefined)?.message ?? error).slice(0, 500)}` };
  // Mongoose wraps the driver's selection error when it first connects.
  if (error instanceof MongoServerSelectionError || (error as Error | undefined)?.name === 'MongooseServerSelectionError') {
    const at = where ? ` at ${where}` : '';
    const why = /timed out/i.test(short) ? `no server answered${at}` : `no server could be reached${at} (${short})`;
    return new AppError('DB_UNAVAILABLE', `MongoDB did not answer within ${seconds(limits.connectMs)}: ${why}.`, { cause: error, detail });
  }
  if (error instanceof MongoNetworkTimeoutError || (error instanceof MongoServerError && error.code === MAX_TIME_EXPIRED)) {
    return new AppError('DB_TIMEOUT', `MongoDB did not answer within ${seconds(replyMs)}: the server took the request but sent no reply in time (overloaded, stuck or failing over).`, { cause: error, detail });
  }
  if (error instanceof MongoNetworkError) {
    return new AppError('DB_UNAVAILABLE', `The connection to MongoDB broke during a request (${short}); the server may have stopped, restarted or failed over.`, { cause: error, detail });
  }
  if (error instanceof MongoTopologyClosedError || error instanceof MongoNotConnectedError) {
    return new AppError('DB_UNAVAILABLE', 'The connection to MongoDB was already closed.', { cause: error, detail });
  }
  return undefined;
}

/** Runs `work`, turning database failures into coded errors (others pass through). */
export async function guardDb<T>(limits: DbLimits, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw describeDbFailure(error, limits) ?? error;
  }
}

function shortReason(error: unknown): string {
  const message = String((error as Error)?.message ?? error).split('\n')[0]!;
  // The driver repeats the same cause once per server ("a: x: a: x"); the first is enough.
  const first = message.split(/: (?=connect |getaddrinfo |connection )/)[0]!;
  return first.length > 160 ? `${first.slice(0, 157)}…` : first;
}
