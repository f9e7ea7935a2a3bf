/**
 * The API's error shape, {"error": {"code", "message"}}, and the HTTP status of each coded error.
 * The message is the AppError's sentence for people; causes and details only go to the log.
 */
import { isAppError, type ErrorCode } from '../domain/errors';

export interface ApiErrorBody {
  error: { code: string; message: string };
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  QUERY_INVALID: 400,
  PERIOD_INVALID: 400,
  BUDGET_INVALID: 400,
  UNKNOWN_DIMENSION_VALUE: 400,
  MIXED_CURRENCIES: 400,
  ALREADY_EXISTS: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  NOT_AVAILABLE: 501,
  NOT_CONFIGURED: 501,
  DB_UNAVAILABLE: 503,
  STORE_BUSY: 503,
};

export function errorResponse(error: unknown): { status: number; body: ApiErrorBody } {
  if (isAppError(error)) return { status: STATUS[error.code] ?? 500, body: { error: { code: error.code, message: error.message } } };
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'Something went wrong on our side. The details are in the log.' } } };
}
