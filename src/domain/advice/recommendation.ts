/**
 * A recommendation: what to change, where, the numbers it rests on, and what it would save a
 * month (exact nanos, with how that was estimated). Rules on stored data and the clouds' own
 * advisers (AWS) produce the same shape, so they can be ranked and merged together.
 */
import { createHash } from 'node:crypto';
import type { Day } from '../days';
import { divRoundHalfEven, type Nanos } from '../money';

export const RECOMMENDATION_KINDS = [
  'idle-resource',
  'non-production-schedule',
  'commitment',
  'previous-generation',
  'rightsizing',
  'cost-rise',
  'purchase-renewal',
  'credit-expiry',
] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

/** Where the advice comes from: Penny's rules on stored data, or a cloud's own adviser. */
export type RecommendationOrigin = 'penny' | 'aws';

export interface RecommendationScope {
  provider: string;
  /** Sub-account id (AWS account, GCP project, Azure subscription); '' when the advice spans accounts. */
  account: string;
  accountName: string;
  service: string;
  region: string;
  /** '' when the advice is not about one resource. */
  resourceId: string;
}

/** One number or fact a recommendation rests on. Money stays exact; days are UTC YYYY-MM-DD. */
export type EvidenceValue =
  | { type: 'money'; nanos: Nanos; currency: string }
  | { type: 'number'; value: number }
  | { type: 'percent'; value: number }
  | { type: 'day'; value: Day }
  | { type: 'text'; value: string };

export interface EvidenceFact {
  /** snake_case, stable: the JSON key. */
  key: string;
  label: string;
  value: EvidenceValue;
}

export interface Evidence {
  /** One sentence a person can check against the facts. */
  summary: string;
  facts: EvidenceFact[];
  /** The days the numbers come from, [start, end). */
  from?: Day;
  to?: Day;
}

export interface Recommendation {
  id: string;
  kind: RecommendationKind;
  origin: RecommendationOrigin;
  title: string;
  scope: RecommendationScope;
  currency: string;
  /** Estimated saving per month; 0 for advice that is a decision point rather than a measured saving. */
  monthlySaving: Nanos;
  /** How the saving was estimated, in a sentence. */
  savingMethod: string;
  evidence: Evidence;
  /**
   * What must change for a dismissed recommendation to come back besides its saving: the instance
   * type, the commitment size… ('' when only the saving counts).
   */
  materialKey: string;
  /** Other advice about the same dollars, merged into this one (ranking.ts). */
  alsoSuggested?: { id: string; kind: RecommendationKind; origin: RecommendationOrigin; monthlySaving: Nanos }[];
}

/** Hours in a month as AWS counts them (8,760 / 12): the month every saving here is stated in. */
export const HOURS_PER_MONTH = 730;

/** A daily amount as a monthly one: × 730 / 24, rounded half-even to the nano. */
export function monthlyFromDaily(daily: Nanos): Nanos {
  return divRoundHalfEven(daily * BigInt(HOURS_PER_MONTH), 24n);
}

/** amount × part / whole, half-even. */
export function share(amount: Nanos, part: bigint, whole: bigint): Nanos {
  return divRoundHalfEven(amount * part, whole);
}

/** amount × percent / 100 with percent to 1e-4, half-even. */
export function percentOf(amount: Nanos, percent: number): Nanos {
  return divRoundHalfEven(amount * BigInt(Math.round(percent * 10_000)), 1_000_000n);
}

/** A stable id from what the advice is about, never from its numbers: the same advice keeps its id. */
export function recommendationId(kind: RecommendationKind, origin: RecommendationOrigin, scope: RecommendationScope, extra = ''): string {
  const parts = [kind, origin, scope.provider, scope.account, scope.service, scope.region, scope.resourceId, extra];
  return `rec-${createHash('sha256').update(parts.join('\u001f')).digest('hex').slice(0, 10)}`;
}

export const money = (nanos: Nanos, currency: string): EvidenceValue => ({ type: 'money', nanos, currency });
export const num = (value: number): EvidenceValue => ({ type: 'number', value });
export const pct = (value: number): EvidenceValue => ({ type: 'percent', value });
export const day = (value: Day): EvidenceValue => ({ type: 'day', value });
export const text = (value: string): EvidenceValue => ({ type: 'text', value });

export function fact(key: string, label: string, value: EvidenceValue): EvidenceFact {
  return { key, label, value };
}

export function emptyScope(provider: string): RecommendationScope {
  return { provider, account: '', accountName: '', service: '', region: '', resourceId: '' };
}
