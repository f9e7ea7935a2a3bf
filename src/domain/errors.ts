/**
 * Coded errors. `message` is the short sentence a person may see (Slack, CLI);
 * `detail` and `cause` are for the log only.
 */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'DB_UNAVAILABLE'
  | 'DB_TIMEOUT'
  | 'EMBEDDED_DB_UNAVAILABLE'
  | 'PERIOD_INVALID'
  | 'QUERY_INVALID'
  | 'BUDGET_INVALID'
  | 'UNKNOWN_DIMENSION_VALUE'
  | 'MIXED_CURRENCIES'
  | 'IMPORT_FILE_UNREADABLE'
  | 'IMPORT_HEADER_INVALID'
  | 'IMPORT_ABORTED'
  | 'STORE_BUSY'
  | 'LEASE_LOST'
  | 'NOT_CONFIGURED'
  | 'SOURCE_THROTTLED'
  | 'SOURCE_UNAVAILABLE'
  | 'SOURCE_TIMEOUT'
  | 'SOURCE_BAD_RESPONSE'
  | 'SOURCE_AUTH'
  | 'SOURCE_REJECTED'
  | 'SOURCE_NETWORK'
  | 'SOURCE_REQUEST_CAP'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_AVAILABLE'
  | 'INTERNAL';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail?: unknown;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; detail?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.detail = options.detail;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Database outages: the person can only wait and ask again; the cause is for the log and the CLI. */
const OUTAGE_CODES: ReadonlySet<ErrorCode> = new Set(['DB_UNAVAILABLE', 'DB_TIMEOUT']);

export function isOutage(error: unknown): boolean {
  return isAppError(error) && OUTAGE_CODES.has(error.code);
}

export const TRY_AGAIN_MESSAGE = 'Penny could not get an answer from its database just now. Please try again in a minute.';

/** The sentence safe to show a person for any error: coded errors keep theirs, others get a generic one. */
export function userMessage(error: unknown): string {
  if (isOutage(error)) return TRY_AGAIN_MESSAGE;
  return isAppError(error) ? error.message : 'Something went wrong on our side. The details are in the log.';
}
