/**
 * The faults every cloud API shares, read from an HTTP status or a Node network error.
 * Each adapter adds what only its SDK knows (error names, headers) on top.
 */
import type { Fault } from './retry';

export function faultFromStatus(status: number, hint = ''): Fault | undefined {
  const why = hint ? `: ${hint}` : '';
  if (status === 429) return { code: 'SOURCE_THROTTLED', retryable: true, what: `throttled the request (HTTP 429)${why}` };
  if (status >= 500) return { code: 'SOURCE_UNAVAILABLE', retryable: true, what: `failed on its side (HTTP ${status})${why}` };
  if (status === 401 || status === 403) return { code: 'SOURCE_AUTH', retryable: false, what: `refused the credentials (HTTP ${status})${why}` };
  if (status >= 400) return { code: 'SOURCE_REJECTED', retryable: false, what: `rejected the request (HTTP ${status})${why}` };
  return undefined;
}

const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'TimeoutError', 'RequestTimeout', 'AbortError', 'REQUEST_SEND_ERROR_TIMEOUT']);
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET']);

export function faultFromNodeError(error: unknown): Fault | undefined {
  const e = error as { name?: string; code?: string; message?: string; type?: string };
  const message = String(e?.message ?? '');
  if (TIMEOUT_CODES.has(e?.code ?? '') || TIMEOUT_CODES.has(e?.name ?? '') || e?.type === 'request-timeout' || /timed? ?out|timeout/i.test(message)) {
    return { code: 'SOURCE_TIMEOUT', retryable: true, what: 'did not answer in time (request timed out)' };
  }
  if (NETWORK_CODES.has(e?.code ?? '') || /socket hang up|ECONNRESET|ECONNREFUSED/.test(message)) {
    return { code: 'SOURCE_NETWORK', retryable: true, what: `could not be reached (${e?.code ?? 'network error'})` };
  }
  if (e?.name === 'SyntaxError' || /JSON|Unexpected token|Deserialization/i.test(message)) {
    return { code: 'SOURCE_BAD_RESPONSE', retryable: true, what: 'sent a response that is not valid JSON' };
  }
  return undefined;
}

export const UNKNOWN_FAULT: Fault = { code: 'SOURCE_UNAVAILABLE', retryable: false, what: 'failed in an unexpected way' };
