/**
 * What people decided about a recommendation: dismissed, or snoozed until a day. A dismissal
 * keeps a fingerprint of the evidence (the saving and the material key), and the advice comes
 * back only when that changes materially: a different material key (instance type, expiry
 * date…) or a saving at least 25% and at least 1 unit away from the dismissed one.
 */
import type { Day } from '../days';
import type { Nanos } from '../money';
import type { Recommendation } from './recommendation';

export type RecommendationStatus = 'open' | 'dismissed' | 'snoozed';

export interface Fingerprint {
  monthlySaving: Nanos;
  currency: string;
  materialKey: string;
}

export interface RecommendationMark {
  id: string;
  state: 'dismissed' | 'snoozed';
  /** Who decided (a Slack user id, or "cli"), and when. */
  by: string;
  at: Date;
  /** Snoozed: the first day it shows again. */
  until?: Day;
  fingerprint: Fingerprint;
}

export interface ResolvedState {
  state: RecommendationStatus;
  /** Why a dismissed or snoozed one is open again. */
  reopened?: 'evidence-changed' | 'snooze-over';
  mark?: RecommendationMark;
}

const MATERIAL_SHARE = 4n; // a change of at least 1/4 (25%)
const MATERIAL_MIN: Nanos = 1_000_000_000n;

export function fingerprintOf(r: Recommendation): Fingerprint {
  return { monthlySaving: r.monthlySaving, currency: r.currency, materialKey: r.materialKey };
}

export function materiallyChanged(before: Fingerprint, now: Fingerprint): boolean {
  if (before.materialKey !== now.materialKey || before.currency !== now.currency) return true;
  const diff = now.monthlySaving > before.monthlySaving ? now.monthlySaving - before.monthlySaving : before.monthlySaving - now.monthlySaving;
  const base = before.monthlySaving < 0n ? -before.monthlySaving : before.monthlySaving;
  return diff >= MATERIAL_MIN && diff * MATERIAL_SHARE >= base;
}

/** The state a recommendation shows today, given the mark people left on it. */
export function resolveState(r: Recommendation, mark: RecommendationMark | undefined, today: Day): ResolvedState {
  if (!mark) return { state: 'open' };
  if (mark.state === 'snoozed') return mark.until && mark.until > today ? { state: 'snoozed', mark } : { state: 'open', reopened: 'snooze-over', mark };
  return materiallyChanged(mark.fingerprint, fingerprintOf(r)) ? { state: 'open', reopened: 'evidence-changed', mark } : { state: 'dismissed', mark };
}
