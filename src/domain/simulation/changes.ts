/**
 * What-if changes: what happens to which spend, from which day. Parsed from what people type
 * (parse-changes.ts), applied to a forecast path (apply-changes.ts).
 */
import type { Day } from '../days';
import type { Nanos } from '../money';

export type SimScope =
  | { kind: 'total' }
  | { kind: 'provider' | 'account' | 'service' | 'region'; value: string }
  | { kind: 'tag'; key: string; value: string };

export type SimChange =
  /** "EC2 -20% from 2026-12": the scope's spend changes by `percent` from `from`. */
  | { kind: 'percent'; scope: SimScope; percent: number; from: Day; text: string }
  /** "add 500/month for service:BigQuery from 2027-01": a fixed amount a month, spread over its days. */
  | { kind: 'add'; scope: SimScope; monthly: Nanos; from: Day; text: string }
  /** "stop account:Sandbox from next month": the scope's spend ends. */
  | { kind: 'stop'; scope: SimScope; from: Day; text: string }
  /** "apply recommendation rec-…": its monthly saving comes off, from `from`. */
  | { kind: 'recommendation'; id: string; from: Day; text: string };

/** A change ready for the math: recommendations resolved to their saving and scope. */
export type ResolvedChange = Exclude<SimChange, { kind: 'recommendation' }> & { label?: string };

export function scopeKey(scope: SimScope): string {
  if (scope.kind === 'total') return 'total';
  if (scope.kind === 'tag') return `tag\u001f${scope.key}\u001f${scope.value}`;
  return `${scope.kind}\u001f${scope.value.toLowerCase()}`;
}

export function scopeText(scope: SimScope): string {
  if (scope.kind === 'total') return 'all spend';
  if (scope.kind === 'tag') return `tag ${scope.key}=${scope.value}`;
  return `${scope.kind} ${scope.value}`;
}
