/**
 * A scope's daily spend from the store (through the cost service, so "EC2" and "Sandbox" are
 * read the way every other command reads them) and today's forecast of it from the domain's
 * forecastPeriod: the forecast input built from the store.
 */
import type { FilterNote } from '../../answers/types';
import { singleCurrency, type CostFilters } from '../../domain/cost-query';
import { addDays, daysIn, type DateRange, type Day } from '../../domain/days';
import { forecastPeriod } from '../../domain/forecast/forecast-period';
import type { Nanos } from '../../domain/money';
import { periodFromBounds } from '../../domain/period';
import type { SimScope } from '../../domain/simulation/changes';
import type { CostRequest, CostService } from '../cost-service';

/** Days of history the forecast learns from: a year and a bit, for the weekly and monthly patterns. */
export const HISTORY_DAYS = 400;

export interface ScopeSeries {
  /** The scope as the store resolved it, so scopes typed differently ("EC2", the full name) compare equal. */
  canonical: SimScope;
  currency?: string;
  applied: FilterNote[];
  /** Actual spend per day before as-of. */
  actuals: Map<Day, Nanos>;
  /** Today's forecast per day of the horizon. */
  forecast: Map<Day, Nanos>;
}

function filtersOf(scope: SimScope): Partial<CostRequest> {
  switch (scope.kind) {
    case 'total':
      return {};
    case 'provider':
      return { providers: [scope.value] };
    case 'account':
      return { accounts: [scope.value] };
    case 'service':
      return { services: [scope.value] };
    case 'region':
      return { regions: [scope.value] };
    case 'tag':
      return { tags: [`${scope.key}=${scope.value}`] };
  }
}

export async function scopeSeries(costs: CostService, scope: SimScope, asOf: Day, horizon: DateRange, currency?: string): Promise<ScopeSeries> {
  const start = addDays(asOf, -HISTORY_DAYS);
  const period = periodFromBounds(start, addDays(asOf, -1));
  const base: CostRequest = { period, groupBy: 'day', ...filtersOf(scope), ...(currency ? { currency } : {}) };
  const [usage, other] = await Promise.all([
    costs.query({ ...base, chargeCategories: ['usage'] }),
    costs.query({ ...base, chargeCategories: ['purchase', 'tax', 'credit', 'adjustment'] }),
  ]);
  const seen = [...usage.breakdown.currencies, ...other.breakdown.currencies].map((c) => c.currency);
  const used = currency ?? seen[0];
  const byDay = (groups: { key: string; amount: Nanos }[]) => new Map(groups.map((g) => [g.key, g.amount]));
  const u = byDay(singleCurrency(usage.breakdown, used ?? costs.defaultCurrency).groups);
  const o = byDay(singleCurrency(other.breakdown, used ?? costs.defaultCurrency).groups);
  const days = [...daysIn({ start, end: asOf })];
  const fc = forecastPeriod({ start, usage: days.map((d) => u.get(d) ?? 0n), nonUsage: days.map((d) => o.get(d) ?? 0n), asOf, period: horizon });
  const actuals = new Map<Day, Nanos>();
  for (const d of days) {
    const v = (u.get(d) ?? 0n) + (o.get(d) ?? 0n);
    if (v !== 0n) actuals.set(d, v);
  }
  return { canonical: canonicalScope(scope, usage.query.filters), currency: used, applied: usage.applied, actuals, forecast: new Map(fc.path.map((p) => [p.day, p.expected])) };
}

function canonicalScope(scope: SimScope, f: CostFilters): SimScope {
  if (scope.kind === 'total' || scope.kind === 'tag') return scope;
  const values = { provider: f.providers, account: f.subAccountIds, service: f.services, region: f.regionIds }[scope.kind] ?? [scope.value];
  return { kind: scope.kind, value: [...values].sort().join(' + ') };
}
