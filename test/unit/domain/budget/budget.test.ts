import { forecastPeriod } from '../../../../src/domain/forecast/forecast-period';
import { BudgetError, defineBudget, formatBudgetScope, parseBudgetScope } from '../../../../src/domain/budget/budget';
import { budgetPeriodContaining, crossedThresholds, percentUsed, projectedBreach, thresholdFiringKey } from '../../../../src/domain/budget/budget-status';

const D = 1_000_000_000n;
const budget = defineBudget({ name: 'Platform', scope: { kind: 'total' }, period: 'month', amount: 10_000n * D });

describe('defineBudget', () => {
  it('fills in the default thresholds', () => {
    expect(budget).toMatchObject({ actualThresholds: [50, 80, 100], forecastThresholds: [100] });
  });

  it('sorts and de-duplicates thresholds, and trims the name', () => {
    expect(defineBudget({ name: ' x ', scope: { kind: 'total' }, period: 'year', amount: D, actualThresholds: [90, 25, 90] })).toMatchObject({ name: 'x', actualThresholds: [25, 90] });
  });

  it.each([
    [{ name: ' ', amount: D }, 'needs a name'],
    [{ name: 'a', amount: 0n }, 'more than zero'],
    [{ name: 'a', amount: D, actualThresholds: [0] }, 'threshold'],
    [{ name: 'a', amount: D, forecastThresholds: [Number.NaN] }, 'threshold'],
  ])('refuses %p', (partial, message) => {
    expect(() => defineBudget({ scope: { kind: 'total' }, period: 'month', ...partial })).toThrow(message);
    expect(() => defineBudget({ scope: { kind: 'total' }, period: 'month', ...partial })).toThrow(BudgetError);
  });
});

describe('scopes', () => {
  it.each([
    ['total', { kind: 'total' }],
    ['provider aws', { kind: 'provider', value: 'aws' }],
    ['account=prod-core', { kind: 'account', value: 'prod-core' }],
    ['Service Amazon Elastic Compute Cloud', { kind: 'service', value: 'Amazon Elastic Compute Cloud' }],
    ['tag team=data', { kind: 'tag', key: 'team', value: 'data' }],
    ['tag:cost-center = cc-101', { kind: 'tag', key: 'cost-center', value: 'cc-101' }],
  ])('reads %s', (text, scope) => {
    expect(parseBudgetScope(text)).toEqual(scope);
  });

  it('rejects what it cannot read, saying what works', () => {
    expect(() => parseBudgetScope('team data')).toThrow('tag team=data');
    expect(() => parseBudgetScope('tag team')).toThrow(BudgetError);
  });

  it('formats back to the typed form', () => {
    expect(formatBudgetScope(parseBudgetScope('tag team=data'))).toBe('tag team=data');
    expect(formatBudgetScope({ kind: 'provider', value: 'gcp' })).toBe('provider gcp');
  });
});

describe('budget status', () => {
  it('finds the UTC calendar period containing a day, half-open', () => {
    expect(budgetPeriodContaining('month', '2024-02-29')).toEqual({ start: '2024-02-01', end: '2024-03-01' });
    expect(budgetPeriodContaining('quarter', '2025-06-30')).toEqual({ start: '2025-04-01', end: '2025-07-01' });
    expect(budgetPeriodContaining('quarter', '2025-12-31')).toEqual({ start: '2025-10-01', end: '2026-01-01' });
    expect(budgetPeriodContaining('year', '2025-01-01')).toEqual({ start: '2025-01-01', end: '2026-01-01' });
  });

  it('percent used', () => {
    expect(percentUsed(10_000n * D, 8_000n * D)).toBe(80);
    expect(percentUsed(3n * D, 1n * D)).toBeCloseTo(33.3333, 4);
  });

  it('crossing is exact: one nano short of 80% is not 80%', () => {
    expect(crossedThresholds(budget, 8_000n * D - 1n)).toEqual([{ kind: 'actual', threshold: 50 }]);
    expect(crossedThresholds(budget, 8_000n * D)).toEqual([
      { kind: 'actual', threshold: 50 },
      { kind: 'actual', threshold: 80 },
    ]);
  });

  it('forecast thresholds only when a forecast is given', () => {
    expect(crossedThresholds(budget, 6_000n * D, 10_500n * D)).toEqual([
      { kind: 'actual', threshold: 50 },
      { kind: 'forecast', threshold: 100 },
    ]);
    expect(crossedThresholds(budget, 6_000n * D, 9_999n * D)).toEqual([{ kind: 'actual', threshold: 50 }]);
  });

  it('a firing key names budget, period, kind and threshold, and cannot be confused by the name', () => {
    expect(thresholdFiringKey('Platform', '2025-05-01', { kind: 'actual', threshold: 80 })).toBe('Platform|2025-05-01|actual|80');
    expect(thresholdFiringKey('a|b', '2025-05-01', { kind: 'forecast', threshold: 100 })).toBe('a%7Cb|2025-05-01|forecast|100');
    expect(thresholdFiringKey('x', '2025-05-01', { kind: 'actual', threshold: 100 })).not.toBe(thresholdFiringKey('x', '2025-05-01', { kind: 'forecast', threshold: 100 }));
  });

  it('projects the breach day from a forecast path', () => {
    const path = [
      { day: '2025-05-20', cumulative: 9_000n * D },
      { day: '2025-05-21', cumulative: 10_000n * D },
      { day: '2025-05-22', cumulative: 11_000n * D },
    ];
    expect(projectedBreach(10_000n * D, 8_500n * D, path)).toEqual({ status: 'projected', day: '2025-05-21' });
    expect(projectedBreach(20_000n * D, 8_500n * D, path)).toEqual({ status: 'within' });
    expect(projectedBreach(8_000n * D, 8_500n * D, path)).toEqual({ status: 'exceeded' });
  });
});

describe('budget with a forecast', () => {
  it('a flat $100 a day against $2,500 for May runs out on May 25', () => {
    const usage = Array.from({ length: 130 }, () => 100n * D);
    const f = forecastPeriod({ start: '2025-01-01', usage, asOf: '2025-05-11', period: budgetPeriodContaining('month', '2025-05-11') });
    const may = defineBudget({ name: 'May', scope: { kind: 'total' }, period: 'month', amount: 2_500n * D });
    expect(projectedBreach(may.amount, f.actualToDate, f.path)).toEqual({ status: 'projected', day: '2025-05-25' });
    expect(crossedThresholds(may, f.actualToDate, f.forecast)).toEqual([{ kind: 'forecast', threshold: 100 }]);
  });
});
