/**
 * A period's costs, optionally grouped and compared: the answer behind `penny cost` and (later)
 * the REST API's /costs endpoints. Every currency stands apart; amounts are never added across them.
 */
import type { Day } from '../domain/days';
import type { Metric } from '../domain/cost-record';
import { nanosToDecimalString } from '../domain/money';
import type { FilterNote } from './types';

export interface BreakdownGroup {
  key: string;
  label: string;
  amount: bigint;
  /** The same key's amount in the compared period (0 when it had none); only when compared. */
  previous?: bigint;
}

export interface BreakdownCurrency {
  currency: string;
  total: bigint;
  /** Only when compared. */
  previousTotal?: bigint;
  groups: BreakdownGroup[];
}

export interface BreakdownAnswer {
  kind: 'breakdown';
  periodLabel: string;
  from: Day;
  /** Inclusive. */
  to: Day;
  metric: Metric;
  groupBy?: string;
  /** Largest first; empty when there are no costs. */
  currencies: BreakdownCurrency[];
  previous?: { label: string; from: Day; to: Day; currencies: { currency: string; total: bigint }[] };
  filters: FilterNote[];
  /** What an empty answer is shown in (PENNY_CURRENCY unless a filter or the previous period says otherwise). */
  currency: string;
}

/** The JSON contract (`penny cost --json`, the API): exact decimal strings, `to` inclusive, one currency at the top level. */
export function breakdownJson(a: BreakdownAnswer): Record<string, unknown> {
  const single = a.currencies.length <= 1;
  const only = a.currencies[0];
  const json: Record<string, unknown> = {
    from: a.from,
    to: a.to,
    metric: a.metric,
    currency: single ? (only?.currency ?? a.currency) : null,
    total: single ? nanosToDecimalString(only?.total ?? 0n) : null,
    groupBy: a.groupBy ?? null,
    groups: a.currencies.flatMap((c) =>
      c.groups.map((g) => ({
        key: g.key,
        label: g.label,
        currency: c.currency,
        cost: nanosToDecimalString(g.amount),
        ...(a.previous ? { previous: nanosToDecimalString(g.previous ?? 0n) } : {}),
      })),
    ),
    currencies: a.currencies.map((c) => ({ currency: c.currency, total: nanosToDecimalString(c.total) })),
  };
  if (a.previous) {
    json.previous = { from: a.previous.from, to: a.previous.to, currencies: a.previous.currencies.map((c) => ({ currency: c.currency, total: nanosToDecimalString(c.total) })) };
  }
  if (a.filters.length > 0) json.filters = a.filters;
  return json;
}
