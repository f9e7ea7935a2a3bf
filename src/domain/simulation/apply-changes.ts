/**
 * The what-if math, exact to the nano: changes applied to today's forecast path, day by day.
 * - Each scope's own forecast is changed in the order the changes were given (so "stop EC2"
 *   after "EC2 -20%" leaves nothing, not less than nothing); a scope never goes below zero.
 * - A change adds its scope's difference to the total. Changes on different dimensions
 *   (an account and a service) are each counted in full: where they overlap, the overlap counts
 *   twice, and the answer says so.
 * - "add X/month" spreads X over the days of each month so that a whole month adds exactly X:
 *   day k (0-based) of a D-day month gets round(X(k+1)/D) − round(Xk/D).
 * - Days before as-of are spent: a change starting earlier starts at as-of.
 */
import { budgetPeriodContaining, projectedBreach, type BreachProjection } from '../budget/budget-status';
import type { Budget, BudgetPeriod } from '../budget/budget';
import { daysIn, firstDayOfMonth, monthOf, nextMonth, rangeLength, type DateRange, type Day } from '../days';
import { divRoundHalfEven, type Nanos } from '../money';
import { scopeKey, type ResolvedChange } from './changes';

export type DailyPath = ReadonlyMap<Day, Nanos>;

export interface SimulationMathInput {
  /** The first day not spent yet. */
  asOf: Day;
  /** [asOf, end): the days the forecast covers. */
  horizon: DateRange;
  /** Today's forecast of all spend, per day of the horizon. */
  total: DailyPath;
  /** Today's forecast of each change's scope, by scopeKey ('total' may be left out). */
  scopes: ReadonlyMap<string, DailyPath>;
  changes: readonly ResolvedChange[];
}

export interface SimulatedDay {
  day: Day;
  base: Nanos;
  simulated: Nanos;
}

export interface SimulationPath {
  days: SimulatedDay[];
  /** Each changed scope's difference per day (simulated − forecast). */
  deltas: Map<string, Map<Day, Nanos>>;
}

/** The share of a monthly amount that falls on `day`. */
export function monthlyShare(monthly: Nanos, day: Day): Nanos {
  const month = monthOf(day);
  const length = BigInt(rangeLength({ start: firstDayOfMonth(month), end: firstDayOfMonth(nextMonth(month)) }));
  const k = BigInt(Number(day.slice(8, 10)) - 1);
  return divRoundHalfEven(monthly * (k + 1n), length) - divRoundHalfEven(monthly * k, length);
}

function changed(current: Nanos, change: ResolvedChange, day: Day): Nanos {
  switch (change.kind) {
    case 'percent':
      return current + divRoundHalfEven(current * BigInt(Math.round(change.percent * 10_000)), 1_000_000n);
    case 'stop':
      return 0n;
    case 'add':
      return current + monthlyShare(change.monthly, day);
  }
}

export function simulatePath(input: SimulationMathInput): SimulationPath {
  const days = [...daysIn(input.horizon)];
  const byScope = new Map<string, ResolvedChange[]>();
  for (const c of input.changes) {
    const key = scopeKey(c.scope);
    byScope.set(key, [...(byScope.get(key) ?? []), c]);
  }
  const deltas = new Map<string, Map<Day, Nanos>>();
  for (const [key, changes] of byScope) {
    const original = key === 'total' ? input.total : input.scopes.get(key) ?? new Map<Day, Nanos>();
    const delta = new Map<Day, Nanos>();
    for (const day of days) {
      const before = original.get(day) ?? 0n;
      let current = before;
      for (const c of changes) if (day >= c.from && day >= input.asOf) current = max0(changed(current, c, day));
      if (current !== before) delta.set(day, current - before);
    }
    deltas.set(key, delta);
  }
  return {
    days: days.map((day) => {
      const base = input.total.get(day) ?? 0n;
      let simulated = base;
      for (const delta of deltas.values()) simulated += delta.get(day) ?? 0n;
      return { day, base, simulated: max0(simulated) };
    }),
    deltas,
  };
}

export interface PeriodProjection {
  period: BudgetPeriod;
  range: DateRange;
  /** Spent before as-of within the period. */
  actualToDate: Nanos;
  /** actualToDate + today's forecast for the rest. */
  forecast: Nanos;
  /** actualToDate + the simulated rest. */
  simulated: Nanos;
}

/** The calendar month, quarter and year containing `anchor`, today's forecast beside the simulation. */
export function projectPeriods(anchor: Day, actuals: DailyPath, path: SimulationPath): PeriodProjection[] {
  return (['month', 'quarter', 'year'] as const).map((period) => {
    const range = budgetPeriodContaining(period, anchor);
    const actualToDate = sumIn(actuals, range);
    let forecast = actualToDate;
    let simulated = actualToDate;
    for (const d of path.days) {
      if (d.day < range.start || d.day >= range.end) continue;
      forecast += d.base;
      simulated += d.simulated;
    }
    return { period, range, actualToDate, forecast, simulated };
  });
}

export interface BudgetInput {
  budget: Budget;
  /** The budget scope's actual daily spend before as-of. */
  actuals: DailyPath;
  /** Today's forecast of the budget's scope from as-of. */
  forecast: DailyPath;
}

export interface BudgetImpact {
  budget: Budget;
  range: DateRange;
  actualToDate: Nanos;
  forecastBefore: Nanos;
  forecastAfter: Nanos;
  before: BreachProjection;
  after: BreachProjection;
}

/**
 * A budget's period containing `anchor`, and when it runs out with today's forecast and with the
 * changes. Affected budgets only: a total budget by any change, another by changes to its own scope.
 */
export function budgetImpact(b: BudgetInput, anchor: Day, path: SimulationPath): BudgetImpact | undefined {
  const key = b.budget.scope.kind === 'total' ? 'total' : scopeKey(b.budget.scope);
  const deltas = key === 'total' ? [...path.deltas.values()] : [path.deltas.get(key)].filter((d): d is Map<Day, Nanos> => d !== undefined);
  if (deltas.length === 0) return undefined;
  const range = budgetPeriodContaining(b.budget.period, anchor);
  const actualToDate = sumIn(b.actuals, range);
  const before: { day: Day; cumulative: Nanos }[] = [];
  const after: { day: Day; cumulative: Nanos }[] = [];
  let cumBefore = actualToDate;
  let cumAfter = actualToDate;
  for (const { day } of path.days) {
    if (day < range.start || day >= range.end) continue;
    const base = b.forecast.get(day) ?? 0n;
    let changedDay = base;
    for (const d of deltas) changedDay += d.get(day) ?? 0n;
    cumBefore += base;
    cumAfter += max0(changedDay);
    before.push({ day, cumulative: cumBefore });
    after.push({ day, cumulative: cumAfter });
  }
  return {
    budget: b.budget, range, actualToDate, forecastBefore: cumBefore, forecastAfter: cumAfter,
    before: projectedBreach(b.budget.amount, actualToDate, before), after: projectedBreach(b.budget.amount, actualToDate, after),
  };
}

function sumIn(path: DailyPath, range: DateRange): Nanos {
  let total = 0n;
  for (const [day, v] of path) if (day >= range.start && day < range.end) total += v;
  return total;
}

const max0 = (n: Nanos): Nanos => (n < 0n ? 0n : n);
