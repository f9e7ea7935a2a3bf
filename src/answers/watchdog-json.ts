/**
 * The watchdog's JSON contracts (`penny anomalies|budget status|forecast --json`, later the API).
 * Amounts are exact decimal strings; days are UTC YYYY-MM-DD; `to` is inclusive.
 */
import type { Budget, BudgetScope } from '../domain/budget/budget';
import { lastDay } from '../domain/days';
import { nanosToDecimalString } from '../domain/money';
import type { AnomaliesAnswer, BudgetStatusAnswer, ForecastAnswer, PeriodEstimate, ScopedForecast } from './watchdog';

const dec = nanosToDecimalString;

/** The scope as `--scope` takes it: total, provider:aws, account:ID, service:NAME, tag:KEY=VALUE. */
export function budgetScopeArg(scope: BudgetScope): string {
  if (scope.kind === 'total') return 'total';
  if (scope.kind === 'tag') return `tag:${scope.key}=${scope.value}`;
  return `${scope.kind}:${scope.value}`;
}

/** A budget as it is set (`penny budget list --json`, the API's POST/PUT answer): what was given, defaults filled in. */
export function budgetJson(b: Budget): Record<string, unknown> {
  return { name: b.name, scope: budgetScopeArg(b.scope), period: b.period, amount: dec(b.amount), thresholds: [...b.actualThresholds], forecast_thresholds: [...b.forecastThresholds] };
}

export function budgetStatusJson(a: BudgetStatusAnswer): Record<string, unknown> {
  return {
    as_of: a.asOf,
    currency: a.currency,
    budgets: a.budgets.map((b) => ({
      name: b.name,
      scope: budgetScopeArg(b.scope),
      period: b.period,
      from: b.range.start,
      to: lastDay(b.range),
      amount: dec(b.amount),
      actual: dec(b.actual),
      percent: Number.isFinite(b.percent) ? b.percent : null,
      forecast: b.forecast !== undefined ? dec(b.forecast) : null,
      projected_breach: b.breachDay ?? null,
      thresholds: b.actualThresholds,
      forecast_thresholds: b.forecastThresholds,
      fired: b.fired.map((f) => ({ kind: f.kind, threshold: f.threshold, at: f.at })),
      ...(b.unmatched ? { unmatched: true } : {}),
    })),
  };
}

function estimateJson(e: PeriodEstimate): Record<string, unknown> {
  return { from: e.period.start, to: lastDay(e.period), actual_to_date: dec(e.actualToDate), forecast: dec(e.forecast), low: dec(e.low), high: dec(e.high) };
}

export function forecastJson(a: ForecastAnswer): Record<string, unknown> {
  const json: Record<string, unknown> = {
    period: a.month.period.start.slice(0, 7),
    as_of: a.asOf,
    currency: a.currency,
    ...estimateJson(a.month),
    coverage: a.coverage,
    calibrated: a.calibrated,
    quarter: { period: a.quarter.label, ...estimateJson(a.quarter) },
    accuracy: a.accuracy ? { within_pct: round(a.accuracy.within80Pct, 2), share: 0.8, months: a.accuracy.months, forecasts: a.accuracy.forecasts } : null,
  };
  if (a.groups) {
    json.by = a.by;
    json.groups = a.groups.map((g) => ({ key: g.key, name: g.name, actual_to_date: dec(g.actualToDate), forecast: dec(g.forecast), low: dec(g.low), high: dec(g.high) }));
  }
  return json;
}

/** One scope's forecast of one period (`penny ask --json` puts it under "forecast"). */
export function scopedForecastJson(a: ScopedForecast): Record<string, unknown> {
  const json: Record<string, unknown> = { period: a.estimate.label, as_of: a.asOf, currency: a.currency, ...estimateJson(a.estimate), coverage: a.coverage, calibrated: a.calibrated };
  if (a.groups) {
    json.by = a.by;
    json.groups = a.groups.map((g) => ({ key: g.key, name: g.name, actual_to_date: dec(g.actualToDate), forecast: dec(g.forecast), low: dec(g.low), high: dec(g.high) }));
  }
  return json;
}

export function anomaliesJson(a: AnomaliesAnswer): Record<string, unknown> {
  return {
    from: a.range.start,
    to: lastDay(a.range),
    anomalies: a.anomalies.map((x) => ({
      day: x.day,
      start_day: x.startDay,
      kind: x.kind,
      scope: { ...x.scope, ...(x.scope.tag ? { tag: `${x.scope.tag.key}=${x.scope.tag.value}` } : {}) },
      currency: x.currency,
      actual: dec(x.actual),
      expected: dec(x.expected),
      impact: dec(x.impact),
      deviation_pct: x.deviationPct === null ? null : round(x.deviationPct, 1),
      severity: x.severity,
      status: x.status,
      drivers: x.drivers.map((d) => ({ dimension: d.dimension, key: d.key, label: d.label, impact: dec(d.impact) })),
    })),
  };
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
