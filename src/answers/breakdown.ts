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

/** One group's cost on one day (a daily breakdown split by a dimension). */
export interface SeriesRow {
  day: Day;
  key: string;
  label: string;
  currency: string;
  amount: bigint;
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
  /** Daily answers split by a dimension: each day's cost per group, by day then largest first. */
  series?: { groupBy: string; rows: SeriesRow[] };
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
  if (a.series) {
    const rows = a.series.rows.map((r) => ({ day: r.day, key: r.key, label: r.label, currency: r.currency, cost: nanosToDecimalString(r.amount) }));
    json.series = { groupBy: a.series.groupBy, rows };
  }
  return json;
}
