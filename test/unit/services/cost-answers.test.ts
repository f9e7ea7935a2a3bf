/** CostAnswers over the in-memory store: which days a comparison takes, and the configured currency. */
import { fixedClock } from '../../../src/ports/clock';
import { CostReports } from '../../../src/services/cost-reports';
import { CostAnswers } from '../../../src/services/cost-answers';
import { CostService } from '../../../src/services/cost-service';
import { InMemoryCostStore } from '../../fakes/in-memory-cost-store';
import { rec } from '../../fixtures/records';

const B = 1_000_000_000n; // nanos per currency unit

async function answersOn(now: string, currency: string, records = [rec('2026-10-01', 100n * B), rec('2026-10-02', 50n * B), rec('2026-11-01', 120n * B)]) {
  const store = new InMemoryCostStore();
  if (records.length > 0) await store.writeRecords(records);
  const costs = new CostService({ store, clock: fixedClock(now), timeZone: 'UTC', currency });
  return new CostAnswers(costs, new CostReports({ costs, hasProjects: async () => false }));
}

describe('CostAnswers.compare', () => {
  it('ends "this month" at the last day with data, so Nov 1 compares with Oct 1 only', async () => {
    // Today is Nov 2 and Nov 2 has no data yet: comparing Nov 1–2 with Oct 1–2 would set 120 against 150.
    const v = await (await answersOn('2026-11-02T12:00:00Z', 'USD')).compare('this month', undefined);
    expect(v.periodLabel).toBe('this month (2026-11, to 2026-11-01)');
    expect(v.vsLabel).toBe('same days last month (Oct 1, 2026)');
    expect(v.total).toBe(120n * B);
    expect(v.previousTotal).toBe(100n * B);
    expect(v.coverage).toEqual({ days: 1, previousDays: 1, unit: 'month' });
    expect(v.change).toEqual({ previous: 100n * B, heldBack: 'few-days' });
  });
});

describe('PENNY_CURRENCY', () => {
  it('is the currency of every answer that has no costs to take one from', async () => {
    const answers = await answersOn('2026-11-02T12:00:00Z', 'EUR', []);
    expect((await answers.summary('last month')).currency).toBe('EUR');
    expect((await answers.top('service', 'last month')).currency).toBe('EUR');
    expect((await answers.compare('last month', undefined)).currency).toBe('EUR');
    expect((await answers.daily('7d')).currency).toBe('EUR');
    expect((await answers.home()).currency).toBe('EUR');
    expect((await answers.digest('2026-11-02', [])).currency).toBe('EUR');
  });

  it('never replaces the currency the costs are in', async () => {
    const answers = await answersOn('2026-11-02T12:00:00Z', 'EUR');
    const top = await answers.top('service', 'last month');
    expect(top.currency).toBe('USD');
    expect(top.chart?.currency).toBe('USD');
  });
});
