import type { Clock } from '../../../../src/ports/clock';
import type { CatalogDim } from '../../../../src/ports/cost-store';
import { AskService, allNumbersSupported, type AskAnswer, type AskReply, type LaterAnswerer } from '../../../../src/services/ask';
import { CostService } from '../../../../src/services/cost-service';
import { InMemoryCostStore } from '../../../fakes/in-memory-cost-store';
import { rec } from '../../../fixtures/records';

const B = 1_000_000_000n; // one currency unit in nanos
const S3 = { service: 'Amazon Simple Storage Service', resourceId: 'b-1' };
const RECORDS = [
  rec('2024-08-05', 10n * B), rec('2024-08-20', 5n * B, S3),
  rec('2024-09-03', 12n * B, { tags: { env: 'prod' } }), rec('2024-09-17', 8n * B), rec('2024-09-18', 9n * B, S3),
  rec('2024-09-25', 1n * B, { service: 'AWS Lambda', resourceId: 'fn', tags: { env: 'dev' } }),
];

class Ticking implements Clock {
  constructor(public ms = Date.parse('2024-10-16T09:00:00Z')) {}
  now(): Date {
    return new Date(this.ms);
  }
}

async function setup(later?: Partial<Record<'forecast', LaterAnswerer>>) {
  const store = new InMemoryCostStore();
  await store.writeRecords(RECORDS);
  const clock = new Ticking();
  const calls: CatalogDim[] = [];
  const names = { dimensionValues: (dim: CatalogDim) => (calls.push(dim), store.dimensionValues(dim)) };
  const costs = new CostService({ store, clock, timeZone: 'UTC', currency: 'USD' });
  return { store, clock, calls, ask: new AskService({ costs, names, clock, later, catalogTtlMs: 60_000 }) };
}

const answered = (r: AskReply): AskAnswer => {
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r;
};

describe('AskService', () => {
  it('answers totals with the exact sum and says it in words', async () => {
    const { ask } = await setup();
    const r = answered(await ask.ask('What did EC2 cost us in September?'));
    expect(r.total).toBe(20n * B);
    expect(r.query).toMatchObject({ kind: 'totals', metric: 'billed', period: { start: '2024-09-01', end: '2024-10-01', last: '2024-09-30' } });
    expect(r.text).toBe('EC2 (Amazon Elastic Compute Cloud) costs for September 2024: $20.00.');
    expect(allNumbersSupported(r.text, r)).toBe(true);
  });

  it('ranks movers by their change, and explains a change by its drivers', async () => {
    const { ask } = await setup();
    const movers = answered(await ask.ask('which services grew the most in September vs August?'));
    expect(movers.groups?.map((g) => [g.label, g.change])).toEqual([['Amazon Elastic Compute Cloud', 10n * B], ['Amazon Simple Storage Service', 4n * B], ['AWS Lambda', 1n * B]]);
    expect(movers.change).toBe(15n * B);
    const why = answered(await ask.ask('why did costs go up in September?'));
    expect(why.drivers?.find((d) => d.dim === 'service')?.groups.map((g) => g.key)).toEqual(['Amazon Elastic Compute Cloud', 'Amazon Simple Storage Service', 'AWS Lambda']);
    expect(why.text).toContain('up $15.00 (100.0%) from $15.00 in August 2024');
    for (const r of [movers, why]) expect(allNumbersSupported(r.text, r)).toBe(true);
  });

  it('finds the stored spelling of a tag value, and refuses one that no cost carries', async () => {
    const { ask } = await setup();
    const prod = answered(await ask.ask('costs tagged env production in september'));
    expect(prod.query.filters.tags).toEqual([{ key: 'env', value: 'prod' }]);
    expect(prod.total).toBe(12n * B);
    expect(await ask.ask('costs tagged env qa in september')).toMatchObject({ ok: false, code: 'unknown-name', reason: expect.stringContaining('env=dev') });
  });

  it('says plainly where forecasts are not set up, and calls the answerer once plugged in', async () => {
    const { ask } = await setup();
    const r = answered(await ask.ask('what will we spend this month?'));
    expect(r).toMatchObject({ available: false, total: null, groups: null });
    expect(r.text).toMatch(/^Forecasts are not set up in this Penny\./);
    const seen: string[] = [];
    const forecast: LaterAnswerer = async (intent, { today }) => {
      seen.push(`${intent.kind} ${today}`);
      return { ...r, available: true, text: 'plugged' };
    };
    const plugged = (await setup({ forecast })).ask;
    expect(answered(await plugged.ask('forecast for october', { asOf: '2024-10-10' })).text).toBe('plugged');
    expect(seen).toEqual(['forecast 2024-10-10']);
  });

  it('reads the names once per TTL, and again before refusing a name that may be new', async () => {
    const { ask, store, clock, calls } = await setup();
    await ask.ask('EC2 last month');
    await ask.ask('S3 last month');
    expect(calls).toHaveLength(5);
    await store.writeRecords([rec('2024-09-20', 3n * B, { service: 'Amazon DynamoDB', resourceId: 't' })]);
    expect(await ask.ask('dynamodb last month')).toMatchObject({ ok: false, code: 'not-in-data' }); // catalog read moments ago
    clock.ms += 11_000;
    expect(answered(await ask.ask('dynamodb last month')).total).toBe(3n * B);
    expect(calls).toHaveLength(10);
    clock.ms += 61_000;
    await ask.ask('EC2 last month');
    expect(calls).toHaveLength(15);
  });

  it('turns a coded engine error into a refusal a person can read', async () => {
    const { ask, store } = await setup();
    await store.writeRecords([rec('2024-09-04', 2n * B, { currency: 'EUR' })]);
    expect(await ask.ask('spend last month')).toMatchObject({ ok: false, code: 'unsupported', reason: expect.stringContaining('several currencies') });
  });
});
