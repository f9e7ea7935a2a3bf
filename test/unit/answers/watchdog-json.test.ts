/** The CLI's JSON contracts for the watchdog: shapes from the issue, amounts as exact decimal strings. */
import { anomaliesJson, budgetScopeArg, budgetStatusJson, forecastJson } from '../../../src/answers/watchdog-json';
import { anomaly, budgetLine, D, forecast } from '../blocks/watchdog-fixtures';

it('anomalies: day, scope, actual, expected, impact, severity, drivers', () => {
  const json = anomaliesJson({ kind: 'anomalies', range: { start: '2026-03-01', end: '2026-03-15' }, rangeLabel: 'x', anomalies: [anomaly({ actual: 950_000_000_001n, impact: 800_000_000_001n })], actions: [] });
  expect(json).toEqual({
    from: '2026-03-01', to: '2026-03-14',
    anomalies: [{
      day: '2026-03-14', start_day: '2026-03-14', kind: 'spike', scope: { provider: 'aws', service: 'Amazon EC2' }, currency: 'USD',
      actual: '950.000000001', expected: '150', impact: '800.000000001', deviation_pct: 533.3, severity: 'high', status: 'open',
      drivers: [{ dimension: 'account', key: 'A1', label: 'prod', impact: '800' }],
    }],
  });
});

it('budget status: name, scope, period, amount, actual, percent, forecast, projected_breach, fired', () => {
  const json = budgetStatusJson({ kind: 'budget-status', asOf: '2026-03-15', currency: 'USD', budgets: [budgetLine({ amount: 1000n * D + 1n })], actions: [] });
  expect(json.budgets).toEqual([{
    name: 'aws', scope: 'provider:aws', period: 'month', from: '2026-03-01', to: '2026-03-31', amount: '1000.000000001', actual: '400', percent: 40,
    forecast: '1240', projected_breach: '2026-03-25', thresholds: [50, 80, 100], forecast_thresholds: [100],
    fired: [{ kind: 'forecast', threshold: 100, at: '2026-03-15T06:00:00.000Z' }],
  }]);
  expect(budgetScopeArg({ kind: 'tag', key: 'team', value: 'data' })).toBe('tag:team=data');
  expect(budgetScopeArg({ kind: 'total' })).toBe('total');
});

it('forecast: period, actual_to_date, forecast, low, high, plus groups with --by', () => {
  const json = forecastJson(forecast({ by: 'provider', groups: [{ key: 'aws', name: 'AWS', period: forecast().month.period, label: 'March 2026', actualToDate: 1n, forecast: 2n, low: 1n, high: 3n }] }));
  expect(json).toMatchObject({ period: '2026-03', actual_to_date: '1400', forecast: '3100', low: '2900', high: '3400', as_of: '2026-03-15', by: 'provider' });
  expect(json.groups).toEqual([{ key: 'aws', name: 'AWS', actual_to_date: '0.000000001', forecast: '0.000000002', low: '0.000000001', high: '0.000000003' }]);
  expect(forecastJson(forecast())).not.toHaveProperty('groups');
});
