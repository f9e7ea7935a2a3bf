/**
 * Azure failures as faults. On 429 the wait is the longest of Retry-After and the
 * x-ms-ratelimit-microsoft.costmanagement-*-retry-after headers (seconds).
 */
import { faultFromNodeError, faultFromStatus, UNKNOWN_FAULT } from '../shared/faults';
import type { Fault } from '../shared/retry';

interface HeadersLike {
  [Symbol.iterator](): Iterator<[string, string]>;
}

interface AzureErrorLike {
  name?: string;
  code?: string;
  statusCode?: number;
  message?: string;
  response?: { status?: number; headers?: HeadersLike; bodyAsText?: string };
}

const RATE_HEADER = /^x-ms-ratelimit-microsoft\.costmanagement-[a-z0-9-]+-retry-after$/i;

/** The longest wait the throttling headers ask for, in ms. */
export function retryAfterMs(headers: HeadersLike | undefined, now = Date.now()): number | undefined {
  let longest: number | undefined;
  for (const [name, value] of headers ?? []) {
    if (!RATE_HEADER.test(name) && name.toLowerCase() !== 'retry-after') continue;
    const seconds = Number(value);
    const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now; // Retry-After may be a date
    if (Number.isFinite(ms) && ms >= 0 && (longest === undefined || ms > longest)) longest = ms;
  }
  return longest;
}

export function classifyAzureError(error: unknown): Fault {
  const e = error as AzureErrorLike;
  const status = e?.statusCode ?? e?.response?.status;
  const armCode = armErrorCode(e);
  if (status === 429) return { code: 'SOURCE_THROTTLED', retryable: true, what: 'throttled the request (HTTP 429)', waitMs: retryAfterMs(e.response?.headers) };
  if (status === 401 || e?.name === 'AuthenticationError' || e?.name === 'CredentialUnavailableError' || e?.name === 'AggregateAuthenticationError') {
    const why = armCode === 'ExpiredAuthenticationToken' ? 'the access token has expired' : 'no valid credential was accepted';
    return { code: 'SOURCE_AUTH', retryable: false, what: `refused the credentials: ${why} (${armCode || e?.name || 'HTTP 401'})` };
  }
  if (e?.code === 'PARSE_ERROR') return { code: 'SOURCE_BAD_RESPONSE', retryable: true, what: 'sent a response that is not valid JSON' };
  const node = faultFromNodeError(error);
  if (node && !status) return node;
  return (status ? faultFromStatus(status, armCode) : undefined) ?? node ?? UNKNOWN_FAULT;
}

function armErrorCode(e: AzureErrorLike): string {
  if (e?.code && e.code !== 'REQUEST_SEND_ERROR' && e.code !== 'PARSE_ERROR' && !/^\d+$/.test(e.code)) return e.code;
  try {
    const body = JSON.parse(e?.response?.bodyAsText ?? '') as { error?: { code?: string } };
    return body.error?.code ?? '';
  } catch {
    return '';
  }
}
