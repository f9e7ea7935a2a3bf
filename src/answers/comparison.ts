/**
 * When a percentage change means something, and the words that say how much a comparison covers.
 *
 * The rule for holding back a percentage (the amounts and differences are always shown):
 * - Fewer than 7 days in either period: day-to-day swings (weekends, a batch job, a late
 *   invoice line) dominate one or two days, so on the 2nd of the month "+481%" says nothing
 *   about the month. A week is the shortest span that has every weekday once.
 * - A positive previous amount under a tenth of the current one: a rise from a small base
 *   ("$40 → $900, +2,150%") is better read as the difference itself.
 * Falls are never held back for their base: the base is the larger amount, so -95% is plain.
 */
import type { Change, Coverage, PercentHeldBack } from './types';

export const MIN_DAYS_FOR_PERCENT = 7;
/** The previous amount must be at least current / 10 for a percentage to be shown. */
export const SMALL_BASE_DIVISOR = 10n;

/** Why a change's percentage should not be shown, or undefined when it can be. */
export function percentHeldBack(previous: bigint, current: bigint, coverage?: Coverage): PercentHeldBack | undefined {
  if (coverage && Math.min(coverage.days, coverage.previousDays) < MIN_DAYS_FOR_PERCENT) return 'few-days';
  if (previous > 0n && previous * SMALL_BASE_DIVISOR < current) return 'small-base';
  return undefined;
}

/** The change with its percentage removed when the rule says so; the base stays. */
export function withPercentRule(change: Change, current: bigint, coverage?: Coverage): Change {
  if (change.pct === undefined) return change; // nothing before: already "new", no percentage
  const heldBack = percentHeldBack(change.previous, current, coverage);
  return heldBack ? { previous: change.previous, heldBack } : change;
}

function days(n: number): string {
  return `${n} ${n === 1 ? 'day' : 'days'}`;
}

/** "Covers 1 day of each month", "Covers 7 days in each period", "Compares 7 days with 31 days". */
export function coverageText(c: Coverage): string {
  if (c.days === c.previousDays) return c.unit ? `Covers ${days(c.days)} of each ${c.unit}` : `Covers ${days(c.days)} in each period`;
  return `Compares ${days(c.days)} with ${days(c.previousDays)}`;
}

/**
 * The note that goes with a comparison: how much it covers when that is not obvious (part of a
 * month, or spans of different lengths), and why a percentage is missing. '' when all is plain.
 */
export function comparisonNote(coverage: Coverage | undefined, changes: readonly (Change | undefined)[]): string {
  const held = new Set(changes.map((c) => c?.heldBack));
  const parts: string[] = [];
  const differentSpans = coverage !== undefined && coverage.days !== coverage.previousDays && !coverage.wholeUnits;
  if (coverage && (coverage.unit || differentSpans || held.has('few-days'))) parts.push(`${coverageText(coverage)}.`);
  if (held.has('few-days')) parts.push(`Percentages are left out below ${MIN_DAYS_FOR_PERCENT} days, as a day or two swings too much to mean anything.`);
  if (held.has('small-base')) parts.push('Where the earlier amount was under a tenth of the current one, the difference is shown instead of a percentage.');
  return parts.join(' ');
}

/** For dashboards (Home, digest): the note only when a percentage is missing, to say why. */
export function heldBackNote(coverage: Coverage | undefined, changes: readonly (Change | undefined)[]): string {
  return changes.some((c) => c?.heldBack) ? comparisonNote(coverage, changes) : '';
}
