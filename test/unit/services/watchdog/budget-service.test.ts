/**
 * Budget status and firing over an in-memory store. Expected numbers by hand: $20 of usage every
 * day from January, a $100 purchase on March 1, as of March 16 (15 days of March known).
 */
import { daysIn } from '../../../../src/domain/days';
import { fixedClock } from '../../../../src/ports/clock';
import { CostService } from '../../../../src/services/cost-service';
import { BudgetService, type RaisedAlert } from '../../../../src/services/watchdog/budget-service';
import { ForecastService } from '../../../../src/services/watchdog/forecast-service';
import { SeriesLoader } from '../../../../src/services/watchdog/series-loader';
import { rec } from '../../../fixtures/records';
import { InMemoryCostStore } from '../../../fakes/in-memory-cost-store';
import { InMemoryBudgets, InMemoryFirings } from '../../../fakes/in-memory-watchdog';
import { InMemoryWriteLog } from '../../../fakes/in-memory-write-log';

const D = 1_000_000_000n;
const ASOF = '2026-03-16';

async function setup() {
  const store = new InMemoryCostStore();
  const records = [...daysIn({ start: '2026-01-01', end: '2026-03-20' })].map((d) => rec(d, 20n * D));
  records.push(rec('2026-03-01', 100n * D, { chargeCategory: 'purchase', resourceId: '' }));
  records.push(rec('2026-03-05', 7n * D, { provider: 'gcp', service: 'BigQuery', subAccountId: 'P1', resourceId: 'q' }));
  await store.writeRecords(records);
  const clock = fixedClock(`${ASOF}T08:00:00Z`);
  const costs = new CostService({ store, clock, timeZone: 'UTC', currency: 'USD' });
  const loader = new SeriesLoader(store);
  const forecast = new ForecastService({ loader, today: () => costs.today(), defaultCurrency: 'USD' });
  const firings = new InMemoryFirings();
  const writes = new InMemoryWriteLog();
  const budgets = new BudgetService({ budgets: new InMemoryBudgets(), firings, costs, loader, forecast, clock, writes });
  return { budgets, firings, writes };
}

describe('BudgetService', () => {
  it('reports spend to date, the forecast and the breach day, from days before as-of only', async () => {
    const { budgets } = await setup();
    await budgets.set({ name: 'AWS', scope: { kind: 'provider', value: 'aws' }, period: 'month', amount: 700n * D }, 'U1');
    const status = await budgets.status(ASOF);
    const line = status.budgets[0]!;
    // 15 days × $20 + $100 purchase; March 16 onwards (in the store) is not read.
    expect(line.actual).toBe(400n * D);
    expect(line.percent).toBeCloseTo(57.1429, 3);
    // 16 remaining days × $20; the purchase seen in one month only is not projected.
    expect(line.forecast).toBe(720n * D);
    // 400 + 20 × 15 = 700 on March 30.
    expect(line.breachDay).toBe('2026-03-30');
    expect(line.breached).toBe(false);
    expect(line.range).toEqual({ start: '2026-03-01', end: '2026-04-01' });
  });

  it('fires each crossed threshold once, announcing the highest of each kind', async () => {
    const { budgets, firings } = await setup();
    await budgets.set({ name: 'AWS', scope: { kind: 'provider', value: 'aws' }, period: 'month', amount: 700n * D, actualThresholds: [10, 50, 80] }, 'U1');
    const seen = (raised: RaisedAlert[]) => raised.map((r) => (r.alert.subject === 'budget' ? `${r.alert.crossing.kind}:${r.alert.crossing.threshold}:${r.fresh}` : ''));
    expect(seen(await budgets.fire(ASOF, 'me'))).toEqual(['actual:50:true', 'forecast:100:true']);
    expect([...firings.items.keys()].sort()).toEqual(['AWS|2026-03-01|actual|10', 'AWS|2026-03-01|actual|50', 'AWS|2026-03-01|forecast|100']);
    // Run again (a rerun, or another instance): nothing fires, the same alerts come back to deliver.
    expect(seen(await budgets.fire(ASOF, 'other'))).toEqual(['actual:50:false', 'forecast:100:false']);
    expect(firings.items.size).toBe(3);
    const status = await budgets.status(ASOF);
    expect(status.budgets[0]!.fired.map((f) => f.threshold).sort((a, b) => a - b)).toEqual([10, 50, 100]);
  });

  it('on the first of a month still fires the month that just ended', async () => {
    const { budgets } = await setup();
    await budgets.set({ name: 'feb', scope: { kind: 'total' }, period: 'month', amount: 500n * D }, 'U1');
    // February: 28 × $20 = $560, over the $500 budget (reached on the 25th: 25 × 20 = 500).
    // March 1 is as-of, so nothing of March is known: its forecast is 31 × $20 = $620, over too.
    const alerts = (await budgets.fire('2026-03-01', 'me')).map((r) => r.alert);
    const seen = alerts.map((a) => (a.subject === 'budget' ? [a.budget.range.start, a.crossing.kind, a.crossing.threshold, a.budget.actual, a.budget.breachDay] : []));
    expect(seen).toEqual([
      ['2026-02-01', 'actual', 100, 560n * D, '2026-02-25'],
      ['2026-03-01', 'forecast', 100, 0n, '2026-03-25'],
    ]);
  });

  it('a scope that matches no costs is reported, not an error, and never fires', async () => {
    const { budgets } = await setup();
    await budgets.set({ name: 'azure', scope: { kind: 'provider', value: 'azure' }, period: 'quarter', amount: 1n * D }, 'U1');
    const line = (await budgets.status(ASOF)).budgets[0]!;
    expect(line).toMatchObject({ actual: 0n, unmatched: true, range: { start: '2026-01-01', end: '2026-04-01' } });
    expect(await budgets.fire(ASOF, 'me')).toEqual([]);
  });

  it('creates, replaces and removes by name (any case), logging each change as a write', async () => {
    const { budgets, writes } = await setup();
    const generation = () => writes.generation();
    const g0 = await generation();
    await budgets.create({ name: 'AWS', scope: { kind: 'provider', value: 'aws' }, period: 'month', amount: 700n * D }, 'api:f');
    const g1 = await generation();
    expect(g1).not.toBe(g0);
    await expect(budgets.create({ name: 'aws', scope: { kind: 'total' }, period: 'month', amount: 1n * D }, 'api:f')).rejects.toMatchObject({
      code: 'ALREADY_EXISTS', message: 'There is already a budget called "AWS". Change it instead, or pick another name.',
    });
    expect(await generation()).toBe(g1);
    const replaced = await budgets.replace('aws', { scope: { kind: 'total' }, period: 'quarter', amount: 900n * D }, 'api:g');
    expect(replaced).toMatchObject({ name: 'AWS', period: 'quarter', amount: 900n * D, updatedBy: 'api:g' });
    expect(await budgets.get('AWS')).toEqual(replaced);
    const g2 = await generation();
    expect(g2).not.toBe(g1);
    await budgets.remove('Aws');
    expect(await budgets.list()).toEqual([]);
    expect(await generation()).not.toBe(g2);
  });

  it('says NOT_FOUND with a near name when there is no such budget, and writes nothing', async () => {
    const { budgets, writes } = await setup();
    await budgets.set({ name: 'Production', scope: { kind: 'total' }, period: 'month', amount: 1n * D }, 'U1');
    const g = await writes.generation();
    const missing = { code: 'NOT_FOUND', message: 'There is no budget called "Producton". Did you mean "Production"?' };
    await expect(budgets.replace('Producton', { scope: { kind: 'total' }, period: 'month', amount: 1n * D }, 'U1')).rejects.toMatchObject(missing);
    await expect(budgets.remove('Producton')).rejects.toMatchObject(missing);
    await expect(budgets.statusOf('Producton', ASOF)).rejects.toMatchObject(missing);
    expect(await writes.generation()).toBe(g);
  });

  it('statusOf gives the one line status() gives for that budget', async () => {
    const { budgets } = await setup();
    await budgets.set({ name: 'AWS', scope: { kind: 'provider', value: 'aws' }, period: 'month', amount: 700n * D }, 'U1');
    await budgets.set({ name: 'all', scope: { kind: 'total' }, period: 'year', amount: 9000n * D }, 'U1');
    const all = await budgets.status(ASOF);
    const one = await budgets.statusOf('aws', ASOF);
    expect(one).toEqual({ ...all, budgets: [all.budgets.find((b) => b.name === 'AWS')] });
  });
});
