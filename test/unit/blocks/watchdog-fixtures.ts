/** Hand-made watchdog answers for the builder and serializer tests. */
import type { AlertAnswer, AnomalyView, BudgetLine, ForecastAnswer } from '../../../src/answers/watchdog';

export const D = 1_000_000_000n;

export function anomaly(over: Partial<AnomalyView> = {}): AnomalyView {
  return {
    id: 'provider=aws|service=Amazon EC2|2026-03-14', day: '2026-03-14', startDay: '2026-03-14', kind: 'spike', severity: 'high',
    scope: { provider: 'aws', service: 'Amazon EC2' }, scopeText: 'AWS · Amazon EC2', currency: 'USD',
    actual: 950n * D, expected: 150n * D, impact: 800n * D, deviationPct: 533.33,
    drivers: [{ dimension: 'account', key: 'A1', label: 'prod', actual: 900n * D, expected: 100n * D, impact: 800n * D }],
    status: 'open', feedback: [], ...over,
  };
}

export function budgetLine(over: Partial<BudgetLine> = {}): BudgetLine {
  return {
    name: 'aws', scope: { kind: 'provider', value: 'aws' }, scopeText: 'provider aws', period: 'month', range: { start: '2026-03-01', end: '2026-04-01' },
    amount: 1000n * D, actual: 400n * D, percent: 40, forecast: 1240n * D, breachDay: '2026-03-25', breached: false,
    actualThresholds: [50, 80, 100], forecastThresholds: [100], fired: [{ kind: 'forecast', threshold: 100, at: '2026-03-15T06:00:00.000Z' }], ...over,
  };
}

export function forecast(over: Partial<ForecastAnswer> = {}): ForecastAnswer {
  const month = { period: { start: '2026-03-01', end: '2026-04-01' }, label: 'March 2026', actualToDate: 1400n * D, forecast: 3100n * D, low: 2900n * D, high: 3400n * D };
  return {
    kind: 'forecast', asOf: '2026-03-15', currency: 'USD', month,
    quarter: { period: { start: '2026-01-01', end: '2026-04-01' }, label: 'Q1 2026', actualToDate: 7300n * D, forecast: 9000n * D, low: 8800n * D, high: 9300n * D },
    coverage: 0.8, calibrated: true, accuracy: { within80Pct: 3.94, forecasts: 88, months: 3 }, actions: [], ...over,
  };
}

export function anomalyAlert(over: Partial<AnomalyView> = {}): AlertAnswer {
  return { kind: 'alert', subject: 'anomaly', alertKey: 'anomaly:x', anomaly: anomaly(over), revision: 1 };
}
