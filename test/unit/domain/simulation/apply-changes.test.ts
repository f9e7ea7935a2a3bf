/**
 * The what-if math against hand computation, to the cent (and here to the nano): a flat forecast
 * of $100 a day, EC2 $40 of it, BigQuery $10, the Sandbox account $5; today is 2026-12-02.
 */
import { defineBudget } from '../../../../src/domain/budget/budget';
import { daysIn, type DateRange, type Day } from '../../../../src/domain/days';
import { decimalToNanos, type Nanos } from '../../../../src/domain/money';
import { budgetImpact, monthlyShare, projectPeriods, simulatePath } from '../../../../src/domain/simulation/apply-changes';
import { scopeKey, type ResolvedChange } from '../../../../src/domain/simulation/changes';
import { parseChanges } from '../../../../src/domain/simulation/parse-changes';

const usd = (t: string): Nanos => decimalToNanos(t)!;
const AS_OF = '2026-12-02';
const HORIZON: DateRange = { start: AS_OF, end: '2028-01-01' };
const flat = (range: DateRange, amount: string) => new Map<Day, Nanos>([...daysIn(range)].map((d) => [d, usd(amount)]));

const total = flat(HORIZON, '100');
const scopes = new Map([
  [scopeKey({ kind: 'service', value: 'EC2' }), flat(HORIZON, '40')],
  [scopeKey({ kind: 'service', value: 'BigQuery' }), flat(HORIZON, '10')],
  [scopeKey({ kind: 'account', value: 'Sandbox' }), flat(HORIZON, '5')],
]);
// Spent so far: November and December 1st, $100 a day.
const actuals = flat({ start: '2026-11-01', end: AS_OF }, '100');

const changes = parseChanges('EC2 -20% from 2026-12; add 500/month for service:BigQuery from 2027-01; stop account:Sandbox from next month', AS_OF) as ResolvedChange[];
const path = simulatePath({ asOf: AS_OF, horizon: HORIZON, total, scopes, changes });

describe('what-if math', () => {
  it('spreads a monthly amount so that each whole month adds exactly that', () => {
    const jan = [...daysIn({ start: '2027-01-01', end: '2027-02-01' })].reduce((s, d) => s + monthlyShare(usd('500'), d), 0n);
    const feb = [...daysIn({ start: '2027-02-01', end: '2027-03-01' })].reduce((s, d) => s + monthlyShare(usd('500'), d), 0n);
    expect([jan, feb]).toEqual([usd('500'), usd('500')]);
    // From the 16th: 300 × 16/31 = 154.8387096774… (the last 16 of 31 shares)
    const late = [...daysIn({ start: '2027-01-16', end: '2027-02-01' })].reduce((s, d) => s + monthlyShare(usd('300'), d), 0n);
    expect(late).toBe(usd('154.838709677'));
  });

  it('projects this month, quarter and year beside today\'s forecast', () => {
    // December: spent 100 (the 1st); 30 days left at 100 → 3,100; with EC2 −20% (−8 a day) → 100 + 30 × 92 = 2,860.
    // Q4 and 2026: November's 3,000 spent too → 6,100 and 5,860.
    expect(projectPeriods(AS_OF, actuals, path).map((p) => [p.period, p.range.start, p.actualToDate, p.forecast, p.simulated])).toEqual([
      ['month', '2026-12-01', usd('100'), usd('3100'), usd('2860')],
      ['quarter', '2026-10-01', usd('3100'), usd('6100'), usd('5860')],
      ['year', '2026-01-01', usd('3100'), usd('6100'), usd('5860')],
    ]);
  });

  it('combines changes from later months: January, Q1 and 2027', () => {
    // From January each day is 100 − 8 (EC2) − 5 (Sandbox stopped) = 87, plus 500 a month for BigQuery.
    // January: 31 × 87 + 500 = 3,197. Q1: 90 × 87 + 3 × 500 = 9,330. 2027: 365 × 87 + 12 × 500 = 37,755.
    expect(projectPeriods('2027-01-15', actuals, path).map((p) => [p.period, p.forecast, p.simulated])).toEqual([
      ['month', usd('3100'), usd('3197')],
      ['quarter', usd('9000'), usd('9330')],
      ['year', usd('36500'), usd('37755')],
    ]);
  });

  it('applies changes to one scope in order, and never below zero', () => {
    const stacked = parseChanges('EC2 -20%; stop EC2 from 2027-01; EC2 +50% from 2027-02', AS_OF) as ResolvedChange[];
    const p = simulatePath({ asOf: AS_OF, horizon: { start: AS_OF, end: '2027-03-01' }, total, scopes, changes: stacked });
    const at = (day: string) => p.days.find((d) => d.day === day)!.simulated;
    // December: 100 − 8; January: EC2 stopped (−40); February: +50% of nothing is nothing.
    expect([at('2026-12-31'), at('2027-01-31'), at('2027-02-28')]).toEqual([usd('92'), usd('60'), usd('60')]);
    const cut = simulatePath({ asOf: AS_OF, horizon: { start: AS_OF, end: '2027-01-01' }, total, scopes, changes: parseChanges('remove 5000/month for service:BigQuery', AS_OF) as ResolvedChange[] });
    expect(cut.days[0]!.simulated).toBe(usd('90')); // BigQuery's $10 a day goes, no further
  });

  it('says when each affected budget runs out, before and after', () => {
    const december = defineBudget({ name: 'All of December', scope: { kind: 'total' }, period: 'month', amount: usd('2900') });
    // Before: 100 + 100n ≥ 2,900 at n = 28 → the 28th day from Dec 2 is Dec 29. After: 100 + 92 × 30 = 2,860 < 2,900.
    const total2 = budgetImpact({ budget: december, actuals, forecast: total }, AS_OF, path)!;
    expect([total2.before, total2.after, total2.forecastBefore, total2.forecastAfter]).toEqual([{ status: 'projected', day: '2026-12-29' }, { status: 'within' }, usd('3100'), usd('2860')]);

    const bigquery = defineBudget({ name: 'BigQuery', scope: { kind: 'service', value: 'BigQuery' }, period: 'month', amount: usd('700') });
    // January: 10k + 500k/31 ≥ 700 first at k = 27 (270 + 435.48 = 705.48; k = 26 gives 679.35).
    const bq = budgetImpact({ budget: bigquery, actuals: new Map(), forecast: scopes.get(scopeKey({ kind: 'service', value: 'BigQuery' }))! }, '2027-01-01', path)!;
    expect([bq.before, bq.after, bq.forecastAfter]).toEqual([{ status: 'within' }, { status: 'projected', day: '2027-01-27' }, usd('810')]);

    const prod = defineBudget({ name: 'Prod', scope: { kind: 'account', value: 'prod' }, period: 'month', amount: usd('1') });
    expect(budgetImpact({ budget: prod, actuals: new Map(), forecast: new Map() }, AS_OF, path)).toBeUndefined();
  });
});
