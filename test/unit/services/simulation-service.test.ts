/**
 * What-if through the service, on a small store whose every day is the same: $40 EC2 and $45 S3
 * in prod-core, $10 BigQuery, $5 Lambda in the sandbox account ($100 a day in all, 400 days up
 * to today, 2026-12-02). Today's forecast of a flat history is flat, so every number below is a
 * hand computation; the answers are checked to the cent (here exact to the nano).
 */
import { defineBudget, type Budget } from '../../../src/domain/budget/budget';
import { emptyScope, type Recommendation } from '../../../src/domain/advice/recommendation';
import { addDays, daysIn } from '../../../src/domain/days';
import { decimalToNanos } from '../../../src/domain/money';
import { fixedClock } from '../../../src/ports/clock';
import { CostService } from '../../../src/services/cost-service';
import { SimulationService } from '../../../src/services/simulation/simulation-service';
import { InMemoryCostStore } from '../../fakes/in-memory-cost-store';
import { rec } from '../../fixtures/records';

const usd = (t: string) => decimalToNanos(t)!;
const TODAY = '2026-12-02';

async function store(): Promise<InMemoryCostStore> {
  const s = new InMemoryCostStore();
  const lines = [
    { amount: '40', over: { service: 'Amazon Elastic Compute Cloud', resourceId: 'i-1' } },
    { amount: '45', over: { service: 'Amazon Simple Storage Service', resourceId: 'bucket-1' } },
    { amount: '10', over: { provider: 'gcp', providerName: 'Google Cloud', subAccountId: 'acme-analytics', subAccountName: 'acme-analytics', service: 'BigQuery', resourceId: '' } },
    { amount: '5', over: { subAccountId: '444444444444', subAccountName: 'sandbox', service: 'AWS Lambda', resourceId: 'fn-1' } },
  ];
  const records = [...daysIn({ start: addDays(TODAY, -400), end: TODAY })].flatMap((d) => lines.map((l) => rec(d, usd(l.amount), l.over)));
  await s.writeRecords(records);
  return s;
}

async function service(budgets?: Budget[], recs: Recommendation[] = []) {
  const costs = new CostService({ store: await store(), clock: fixedClock(`${TODAY}T09:00:00Z`), timeZone: 'UTC', currency: 'USD' });
  return new SimulationService({ costs, budgets: budgets && { list: async () => budgets }, advice: { recommendations: async () => recs } });
}

const periods = (a: { periods: { label: string; forecast: bigint; simulated: bigint }[] }) => a.periods.map((p) => [p.label, p.forecast, p.simulated]);

describe('SimulationService', () => {
  it('combines a cut, an addition and a stop, and projects the month, quarter and year they reach', async () => {
    const sim = await service();
    const a = await sim.simulate('EC2 -20% from 2026-12; add 500/month for service:BigQuery from 2027-01; stop account:sandbox from next month');
    // December: 100 spent on the 1st, 30 days at 100 → 3,100; EC2 −20% is −8 a day → 100 + 30 × 92 = 2,860.
    // Q4: October and November spent (61 × 100) + December → 9,200 and 8,960. 2026: 335 days spent → 36,500 and 36,260.
    expect(periods(a)).toEqual([
      ['December 2026', usd('3100'), usd('2860')],
      ['Q4 2026', usd('9200'), usd('8960')],
      ['2026', usd('36500'), usd('36260')],
    ]);
    expect(a.changes.map((c) => c.description)).toEqual([
      'EC2 (Amazon Elastic Compute Cloud) -20% from 2026-12-02 (the days before are spent)',
      '+$500.00 a month for BigQuery from 2027-01-01',
      'account sandbox stopped from 2027-01-01',
    ]);
    expect(a.budgetNote).toBe('Budgets are not connected to simulations yet, so no budget is checked.');
    expect(a.chart?.series.map((s) => s.name)).toEqual(["Today's forecast", 'With the changes']);
  });

  it('shows the months a later change reaches: January, Q1 and 2027', async () => {
    const a = await (await service()).simulate('add 500/month for service:BigQuery from 2027-01; stop account:sandbox from 2027-01');
    // Each day 100 − 5 = 95, plus 500 a month: January 31 × 95 + 500 = 3,445; Q1 90 × 95 + 1,500 = 10,050; 2027 365 × 95 + 6,000 = 40,675.
    expect(periods(a)).toEqual([
      ['January 2027', usd('3100'), usd('3445')],
      ['Q1 2027', usd('9000'), usd('10050')],
      ['2027', usd('36500'), usd('40675')],
    ]);
  });

  it('holds the changes against every affected budget, before and after', async () => {
    const budgets = [
      defineBudget({ name: 'All of it', scope: { kind: 'total' }, period: 'month', amount: usd('2900') }),
      defineBudget({ name: 'Compute', scope: { kind: 'service', value: 'Amazon Elastic Compute Cloud' }, period: 'month', amount: usd('1220') }),
      defineBudget({ name: 'Azure', scope: { kind: 'provider', value: 'azure' }, period: 'month', amount: usd('10') }),
    ];
    const a = await (await service(budgets)).simulate('EC2 -20%');
    // All: 100 + 100n ≥ 2,900 at n = 28 (Dec 29); with −8 a day 100 + 92 × 30 = 2,860 stays within.
    // Compute, typed "EC2" in the change and in full in the budget: 40 + 40n ≥ 1,220 at n = 30 (Dec 31); 40 + 32 × 30 = 1,000 stays within.
    expect(a.budgets.map((b) => [b.name, b.before, b.after, b.forecastBefore, b.forecastAfter])).toEqual([
      ['All of it', { status: 'projected', day: '2026-12-29' }, { status: 'within' }, usd('3100'), usd('2860')],
      ['Compute', { status: 'projected', day: '2026-12-31' }, { status: 'within' }, usd('1240'), usd('1000')],
    ]);
  });

  it('applies a recommendation\'s monthly saving', async () => {
    const saving: Recommendation = {
      id: 'rec-abcdef1234', kind: 'idle-resource', origin: 'penny', title: 'Delete the idle volume vol-1', scope: { ...emptyScope('aws'), resourceId: 'vol-1' }, currency: 'USD',
      monthlySaving: usd('300'), savingMethod: '', evidence: { summary: '', facts: [] }, materialKey: '',
    };
    const a = await (await service(undefined, [saving])).simulate('apply recommendation rec-abcdef1234');
    // 300 a month, December 2–31: 300 × 30/31 = 290.322580645 → 3,100 − 290.32 = 2,809.68.
    expect(a.periods[0]!.simulated).toBe(usd('2809.677419355'));
    expect(a.changes[0]!.description).toBe('“Delete the idle volume vol-1”: $300.00 a month less from 2026-12-02');
    await expect((await service()).simulate('apply recommendation rec-0000000000')).rejects.toThrow(/no recommendation rec-0000000000/);
  });

  it('says which name it could not find', async () => {
    await expect((await service()).simulate('stop service:Dynamo Thingy')).rejects.toThrow(/I don't see any service called "Dynamo Thingy"/);
  });
});
