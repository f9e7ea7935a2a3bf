/**
 * Cost Explorer failures as faults: SDK error names first (they say more than the status),
 * then the HTTP status, then Node network errors.
 */
import { faultFromNodeError, faultFromStatus, UNKNOWN_FAULT } from '../shared/faults';
import type { Fault } from '../shared/retry';

const THROTTLING = new Set(['ThrottlingException', 'LimitExceededException', 'TooManyRequestsException', 'RequestLimitExceeded']);
const CREDENTIALS: Record<string, string> = {
  ExpiredTokenException: 'the security token has expired',
  ExpiredToken: 'the security token has expired',
  UnrecognizedClientException: 'the access key is not recognized',
  InvalidClientTokenId: 'the access key is not recognized',
  InvalidSignatureException: 'the request signature does not match',
  AccessDeniedException: 'the identity may not call ce:GetCostAndUsage',
  CredentialsProviderError: 'no AWS credentials were found',
};

export function classifyAwsError(error: unknown): Fault {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  const name = e?.name ?? '';
  const status = e?.$metadata?.httpStatusCode;
  if (THROTTLING.has(name)) return { code: 'SOURCE_THROTTLED', retryable: true, what: `throttled the request (${name}${status ? `, HTTP ${status}` : ''})` };
  if (name in CREDENTIALS) return { code: 'SOURCE_AUTH', retryable: false, what: `refused the credentials: ${CREDENTIALS[name]} (${name})` };
  if (name === 'DataUnavailableException' || name === 'BillExpirationException') return { code: 'SOURCE_REJECTED', retryable: false, what: `has no data for those days (${name})` };
  const node = faultFromNodeError(error);
  if (node && (!status || node.code === 'SOURCE_BAD_RESPONSE')) return node;
  return (status ? faultFromStatus(status, name) : undefined) ?? node ?? UNKNOWN_FAULT;
}
