/**
 * Coded errors. `message` is the short sentence a person may see (Slack, CLI);
 * `detail` and `cause` are for the log only.
 */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'DB_UNAVAILABLE'
  | 'EMBEDDED_DB_UNAVAILABLE'
  | 'PERIOD_INVALID'
  | 'QUERY_INVALID'
  | 'UNKNOWN_DIMENSION_VALUE'
  | 'MIXED_CURRENCIES'
  | 'IMPORT_FILE_UNREADABLE'
  | 'IMPORT_HEADER_INVALID'
  | 'IMPORT_ABORTED'
  | 'STORE_BUSY'
  | 'NOT_CONFIGURED'
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

/** The sentence safe to show a person for any error: coded errors keep theirs, others get a generic one. */
export function userMessage(error: unknown): string {
  return isAppError(error) ? error.message : 'Something went wrong on our side. The details are in the log.';
}
