/**
 * Where a budget stands: its period, how much of it is used, which thresholds are crossed and
 * the key that makes each crossing fire once, and when the forecast says it will be exceeded.
 * All comparisons are exact (bigint); percentages are for display.
 */
import { addMonths, type DateRange, type Day } from '../days';
import type { Nanos } from '../money';
import type { Budget, BudgetPeriod } from './budget';

/** The calendar period (UTC, half-open) of kind `period` that contains `day`. */
export function budgetPeriodContaining(period: BudgetPeriod, day: Day): DateRange {
  const year = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  const first =
    period === 'year' ? `${year}-01-01` : period === 'quarter' ? `${year}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0')}-01` : `${day.slice(0, 7)}-01`;
  return { start: first, end: addMonths(first, period === 'year' ? 12 : period === 'quarter' ? 3 : 1) };
}

/** spent / amount × 100, to 1e-4 of a percent. */
export function percentUsed(amount: Nanos, spent: Nanos): number {
  if (amount <= 0n) return NaN;
  return Number((spent * 1_000_000n) / amount) / 10_000;
}

export type ThresholdKind = 'actual' | 'forecast';

export interface ThresholdCrossing {
  kind: ThresholdKind;
  threshold: number;
}

/** True when spent >= threshold% of amount, exactly (thresholds to 1/1000 of a percent). */
export function reaches(amount: Nanos, spent: Nanos, threshold: number): boolean {
  return spent * 100_000n >= amount * BigInt(Math.round(threshold * 1000));
}

/**
 * Every threshold the actual spend (and the period-end forecast, when given) has reached, in
 * ascending order. The caller fires each one once, guarded by thresholdFiringKey.
 */
export function crossedThresholds(budget: Budget, actual: Nanos, forecast?: Nanos): ThresholdCrossing[] {
  const out: ThresholdCrossing[] = budget.actualThresholds.filter((t) => reaches(budget.amount, actual, t)).map((threshold) => ({ kind: 'actual', threshold }));
  if (forecast !== undefined) {
    for (const threshold of budget.forecastThresholds) if (reaches(budget.amount, forecast, threshold)) out.push({ kind: 'forecast', threshold });
  }
  return out;
}

/**
 * The identity of one firing: budget, period, kind and threshold. Store it under a unique index
 * and insert before notifying, so a rerun job or a second worker cannot notify twice.
 */
export function thresholdFiringKey(budgetName: string, periodStart: Day, crossing: ThresholdCrossing): string {
  return `${encodeURIComponent(budgetName)}|${periodStart}|${crossing.kind}|${crossing.threshold}`;
}

export type BreachProjection =
  | { status: 'exceeded' }
  | { status: 'projected'; day: Day }
  | { status: 'within' };

/**
 * When the budget runs out: already (actual spend reached the amount), on the first day of the
 * forecast path whose cumulative spend reaches it, or not within the path.
 */
export function projectedBreach(amount: Nanos, actualToDate: Nanos, path: readonly { day: Day; cumulative: Nanos }[]): BreachProjection {
  if (actualToDate >= amount) return { status: 'exceeded' };
  const hit = path.find((p) => p.cumulative >= amount);
  return hit ? { status: 'projected', day: hit.day } : { status: 'within' };
}
