/** The JSON of `penny simulate --json` (and the API later): exact decimal strings, UTC days. */
import type { BreachProjection } from '../domain/budget/budget-status';
import { nanosToDecimalString } from '../domain/money';
import type { SimulationAnswer } from './simulation';

function breachJson(b: BreachProjection): Record<string, string> {
  return b.status === 'projected' ? { status: b.status, day: b.day } : { status: b.status };
}

export function simulationJson(a: SimulationAnswer): Record<string, unknown> {
  const money = nanosToDecimalString;
  return {
    as_of: a.asOf,
    currency: a.currency,
    changes: a.changes.map((c) => ({ text: c.text, kind: c.kind, description: c.description, from: c.from })),
    periods: a.periods.map((p) => ({
      period: p.period, label: p.label, from: p.from, to: p.to, actual_to_date: money(p.actualToDate), forecast: money(p.forecast), simulated: money(p.simulated), difference: money(p.simulated - p.forecast),
    })),
    budgets: a.budgets.map((b) => ({
      name: b.name, scope: b.scope, period: b.periodLabel, amount: money(b.amount), forecast_before: money(b.forecastBefore), forecast_after: money(b.forecastAfter),
      breach_before: breachJson(b.before), breach_after: breachJson(b.after),
    })),
    ...(a.budgetNote ? { budget_note: a.budgetNote } : {}),
    notes: a.notes,
  };
}
