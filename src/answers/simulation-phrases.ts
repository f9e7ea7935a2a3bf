/** The words every face uses for a simulation's budgets. */
import type { BreachProjection } from '../domain/budget/budget-status';
import { formatMoney } from '../domain/money';
import type { SimulatedBudget } from './simulation';

export function breachText(b: BreachProjection): string {
  if (b.status === 'exceeded') return 'already over';
  if (b.status === 'projected') return `runs out on ${b.day}`;
  return 'stays within';
}

/** "All of December (total, December 2026, $2,900.00): runs out on 2026-12-29 → stays within ($2,860.00 forecast)". */
export function budgetLine(b: SimulatedBudget, currency: string): string {
  return `${b.name} (${b.scope}, ${b.periodLabel}, ${formatMoney(b.amount, currency)}): ${breachText(b.before)} → ${breachText(b.after)} (${formatMoney(b.forecastBefore, currency)} → ${formatMoney(b.forecastAfter, currency)} forecast)`;
}
