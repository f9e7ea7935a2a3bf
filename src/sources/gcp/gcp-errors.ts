/** BigQuery REST failures as faults: the error body's reason says more than the status. */
import { faultFromNodeError, faultFromStatus, UNKNOWN_FAULT } from '../shared/faults';
import type { Fault } from '../shared/retry';

interface ApiErrorLike {
  code?: number | string;
  message?: string;
  errors?: { reason?: string; message?: string }[];
  response?: { statusCode?: number };
}

export function classifyGcpError(error: unknown): Fault {
  const e = error as ApiErrorLike;
  const status = typeof e?.code === 'number' ? e.code : e?.response?.statusCode;
  const reason = e?.errors?.[0]?.reason ?? '';
  if (reason === 'rateLimitExceeded') return { code: 'SOURCE_THROTTLED', retryable: true, what: `throttled the request (HTTP ${status ?? 429}, ${reason})` };
  if (reason === 'backendError' || reason === 'internalError') return { code: 'SOURCE_UNAVAILABLE', retryable: true, what: `failed on its side (HTTP ${status ?? 500}, ${reason})` };
  if (status === 401) return { code: 'SOURCE_AUTH', retryable: false, what: 'refused the credentials: the access token is invalid or has expired (HTTP 401)' };
  if (status === 403 && reason === 'accessDenied') return { code: 'SOURCE_AUTH', retryable: false, what: 'refused access: the identity needs BigQuery Job User and Data Viewer on the billing dataset (HTTP 403)' };
  const node = faultFromNodeError(error);
  if (node && !status) return node;
  return (status ? faultFromStatus(status, reason || e?.message?.slice(0, 120)) : undefined) ?? node ?? UNKNOWN_FAULT;
}
