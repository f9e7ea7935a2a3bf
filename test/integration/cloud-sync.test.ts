/**
 * The cloud sync service against the real store on the test server: AWS through the real SDK
 * and the local Cost Explorer fake, runs and request counts in MongoDB.
 */
import type { Connection } from 'mongoose';
import { mergeRows, type CostQuery, type GroupDim } from '../../src/domain/cost-query';
import { CloudSyncService } from '../../src/services/cloud-sync';
import { createAwsCostSource } from '../../src/sources/aws/aws-factory';
import { MongoCostStore } from '../../src/store/mongo-cost-store';
import { MongoRequestCountRepository } from '../../src/store/request-counts';
import { MongoSyncRunRepository } from '../../src/store/sync-runs';
import { MutableClock } from '../contract/cost-source.contract';
import { FakeAwsCostExplorer } from '../fakes/fake-aws-ce';
import { generateRows, nanosOf, type FakeCostRow } from '../fakes/fake-cost-rows';
import { dropTestDb, openTestDb } from '../support/mongo';
import { recordingLogger } from '../support/silent-logger';

const CAP = { limit: 12, setting: 'PENNY_AWS_CE_MONTHLY_REQUEST_CAP', api: 'Cost Explorer' };

describe('cloud sync into the real store (AWS)', () => {
  let conn: Connection;
  let fake: FakeAwsCostExplorer;
  let clock: MutableClock;
  let store: MongoCostStore;
  let runs: MongoSyncRunRepository;
  let counts: MongoRequestCountRepository;

  beforeAll(async () => {
    fake = await new FakeAwsCostExplorer().start();
    process.env.AWS_ENDPOINT_URL_COST_EXPLORER = fake.url;
    process.env.AWS_ACCESS_KEY_ID = fake.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = 'test-secret';
  });
  afterAll(() => fake.close());

  beforeEach(async () => {
    conn = await openTestDb('cloudsync');
    store = new MongoCostStore(conn, { logger: recordingLogger() });
    await store.init();
    runs = new MongoSyncRunRepository(conn);
    counts = new MongoRequestCountRepository(conn);
    clock = new MutableClock('2024-10-20T06:00:00Z');
    fake.requests.length = 0;
    fake.pageSize = 200;
    fake.estimatedFrom = '2024-10-01';
    fake.rows = generateRows({
      from: '2024-08-15', days: 70, accounts: [{ id: '111111111111', name: 'prod-core' }, { id: '222222222222', name: 'sandbox' }],
      services: ['Amazon Elastic Compute Cloud - Compute', 'Amazon Simple Storage Service', 'AWS Lambda', 'Amazon Relational Database Service'],
      regions: ['us-east-1', 'eu-west-1', 'ap-southeast-2'], extras: ['credit', 'tax', 'purchase'], distinctEffective: true,
    });
  });
  afterEach(() => dropTestDb(conn));

  const service = (caps = {}) => new CloudSyncService({
    store, runs, requestCounts: counts, clock, logger: recordingLogger(), settings: { backfillDays: 60, reviseDays: 3 }, caps, sleep: async () => undefined,
  });

  async function sums(groupBy: GroupDim, start: string, end: string, filters: CostQuery['filters'] = {}): Promise<Record<string, bigint>> {
    const rows = mergeRows(await store.groupCosts({ range: { start, end }, groupBy, filters, metric: 'billed' })).filter((r) => r.amount !== 0n);
    return Object.fromEntries(rows.map((r) => [r.key, r.amount]).sort(([a], [b]) => String(a).localeCompare(String(b))));
  }

  function oracle(rows: FakeCostRow[], key: (r: FakeCostRow) => string, start: string, end: string, keep: (r: FakeCostRow) => boolean = () => true): Record<string, bigint> {
    const out: Record<string, bigint> = {};
    for (const r of rows) if (r.day >= start && r.day < end && keep(r)) out[key(r)] = (out[key(r)] ?? 0n) + nanosOf(r.billed);
    return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== 0n).sort(([a], [b]) => a.localeCompare(b)));
  }

  it('backfills exactly: whole months from rollups, days, regions, and credits left out on request', async () => {
    const run = await service().syncSource(createAwsCostSource({ clock }));
    expect(run).toMatchObject({ from: '2024-08-21', to: '2024-10-19', status: 'ok', errors: [] });
    expect(run.requests).toBe(fake.requests.length);
    expect(await sums('month', '2024-09-01', '2024-10-01')).toEqual(oracle(fake.rows, (r) => r.day.slice(0, 7), '2024-09-01', '2024-10-01'));
    expect(await sums('region', '2024-09-01', '2024-10-01')).toEqual(oracle(fake.rows, (r) => r.region, '2024-09-01', '2024-10-01'));
    expect(await sums('service', '2024-08-21', '2024-10-20')).toEqual(oracle(fake.rows, (r) => r.service, '2024-08-21', '2024-10-20'));
    const noCredits = { excludeChargeCategories: ['credit' as const] };
    expect(await sums('region', '2024-09-01', '2024-10-01', noCredits)).toEqual(oracle(fake.rows, (r) => r.region, '2024-09-01', '2024-10-01', (r) => r.category !== 'credit'));
    expect(await sums('account', '2024-09-03', '2024-09-05', noCredits)).toEqual(oracle(fake.rows, (r) => r.account, '2024-09-03', '2024-09-05', (r) => r.category !== 'credit'));
    // Account names come from DimensionValueAttributes; region names from the code.
    expect((await store.dimensionValues('account')).map((a) => a.label).sort()).toEqual(['prod-core', 'sandbox']);
    expect((await store.dimensionValues('region')).find((r) => r.value === 'eu-west-1')?.label).toBe('Europe (Ireland)');
    const [saved] = await runs.recent('aws', 1);
    expect(saved).toMatchObject({ status: 'ok', rows: run.rows, requests: run.requests, explicit: false });
    expect(saved!.estimatedDays[0]).toBe('2024-10-01'); // Cost Explorer still estimates October
    expect(saved!.estimatedDays).toHaveLength(19);
  });

  it('a later sync replaces revised days in the store and removes what vanished', async () => {
    await service().syncSource(createAwsCostSource({ clock }));
    const vanishing = fake.rows.filter((r) => r.day === '2024-10-19' && r.service === 'AWS Lambda');
    fake.rows = fake.rows.filter((r) => !vanishing.includes(r));
    clock.set('2024-10-21T06:00:00Z');
    const before = fake.requests.length;
    const run = await service().syncSource(createAwsCostSource({ clock }));
    expect(run).toMatchObject({ from: '2024-10-18', to: '2024-10-20', status: 'ok' });
    expect(fake.requests.slice(before).every((r) => r.from === '2024-10-18' && r.to === '2024-10-21')).toBe(true);
    expect(await sums('service', '2024-10-19', '2024-10-20')).toEqual(oracle(fake.rows, (r) => r.service, '2024-10-19', '2024-10-20'));
    expect((await sums('service', '2024-10-19', '2024-10-20'))['AWS Lambda']).toBeUndefined();
    expect(await sums('month', '2024-10-01', '2024-11-01')).toEqual(oracle(fake.rows, (r) => r.day.slice(0, 7), '2024-10-01', '2024-10-21'));
  });

  it('stops at the monthly request cap with one clear sentence, and counts what it spent', async () => {
    const first = await service({ aws: CAP }).syncSource(createAwsCostSource({ clock }));
    expect(first.requests).toBe(CAP.limit);
    expect(fake.requests).toHaveLength(CAP.limit);
    expect(first.status).toBe('partial'); // the first 31 days fit under the cap; the rest wait
    const capped = first.errors.find((e) => e.code === 'SOURCE_REQUEST_CAP')!;
    expect(capped.message).toMatch(/^Stopped before the next Cost Explorer request: this month's cap of 12 requests \(PENNY_AWS_CE_MONTHLY_REQUEST_CAP\) is used up, so syncing resumes on 2024-11-01 or when the cap is raised\./);
    expect(await service({ aws: CAP }).usage('aws')).toEqual({ today: 12, month: 12, cap: 12 });
    // The next run this month asks for nothing; a new month starts afresh.
    const again = await service({ aws: CAP }).syncSource(createAwsCostSource({ clock }));
    expect(again).toMatchObject({ requests: 0, status: 'failed', errors: [expect.objectContaining({ code: 'SOURCE_REQUEST_CAP' })] });
    expect(fake.requests).toHaveLength(CAP.limit);
    clock.set('2024-11-01T06:00:00Z');
    expect(await service({ aws: CAP }).usage('aws')).toEqual({ today: 0, month: 0, cap: 12 });
  });
});
