/**
 * The MongoDB store answers from monthly rollups, daily rollups or records depending on the
 * question. Whatever it picks must equal a plain scan of the records (the in-memory oracle).
 */
import type { Connection } from 'mongoose';
import type { CostRecord } from '../../src/domain/cost-record';
import type { CostQuery, GroupDim } from '../../src/domain/cost-query';
import { pickKind, MongoCostStore } from '../../src/store/mongo-cost-store';
import { WriteLock } from '../../src/store/write-lock';
import { DemoCostSource } from '../../src/sources/demo/demo-source';
import { norm } from '../contract/cost-store.contract';
import { InMemoryCostStore } from '../fakes/in-memory-cost-store';
import { rec } from '../fixtures/records';
import { dropTestDb, openTestDb } from '../support/mongo';
import { recordingLogger } from '../support/silent-logger';

let conn: Connection;
let store: MongoCostStore;
const oracle = new InMemoryCostStore();

beforeAll(async () => {
  conn = await openTestDb('planner');
  store = new MongoCostStore(conn, { logger: recordingLogger() });
  await store.init();
  const source = new DemoCostSource('2024-11-15');
  for await (const batch of source.fetch({ start: '2024-10-18', end: '2024-11-15' })) {
    await store.writeRecords(batch, { importId: 'demo' });
    await oracle.writeRecords(batch);
  }
  // a second, overlapping write exercises the "existing partition" path
  const again: CostRecord[] = [];
  for await (const batch of source.fetch({ start: '2024-10-28', end: '2024-11-03' })) again.push(...batch.map((r) => ({ ...r, billed: r.billed + 1_000n })));
  await store.writeRecords(again, { importId: 'restated' });
  await oracle.writeRecords(again);
}, 180_000);
afterAll(async () => {
  await dropTestDb(conn);
});

const RANGES = [
  { start: '2024-10-01', end: '2024-11-01' }, // whole month
  { start: '2024-10-19', end: '2024-11-10' }, // partial months on both sides
  { start: '2024-10-28', end: '2024-11-04' }, // the restated week
  { start: '2024-11-14', end: '2024-11-15' }, // one day
];
const DIMS: (GroupDim | undefined)[] = [undefined, 'day', 'month', 'service', 'region', 'account', 'provider', 'charge-category', 'tag:team'];

describe('every plan gives the same answer as scanning the records', () => {
  const cases: [string, CostQuery][] = [];
  for (const range of RANGES) {
    for (const groupBy of DIMS) cases.push([`${range.start}..${range.end} by ${groupBy ?? 'total'}`, { range, groupBy, filters: {}, metric: 'billed' }]);
  }
  const r = RANGES[1]!;
  cases.push(['effective by service, aws only', { range: r, groupBy: 'service', filters: { providers: ['aws'] }, metric: 'effective' }]);
  cases.push(['list, no credits, by account', { range: r, groupBy: 'account', filters: { excludeChargeCategories: ['credit'] }, metric: 'list' }]);
  cases.push(['tag filter by provider', { range: r, groupBy: 'provider', filters: { tags: [{ key: 'team', value: 'data' }] }, metric: 'billed' }]);
  cases.push(['two services by day', { range: r, groupBy: 'day', filters: { services: ['BigQuery', 'Amazon Elastic Compute Cloud'] }, metric: 'billed' }]);
  cases.push(['region + account filter', { range: r, groupBy: 'service', filters: { regionIds: ['us-east-1', 'eu-central-1', 'us-west-2'], subAccountIds: ['111111111111', '222222222222'] }, metric: 'billed' }]);

  it.each(cases)('%s', async (_name, query) => {
    const expected = norm(await oracle.groupCosts(query));
    expect(expected.length).toBeGreaterThan(0);
    expect(norm(await store.groupCosts(query))).toEqual(expected);
  });
});

describe('plan choice', () => {
  const base: CostQuery = { range: { start: '2024-10-01', end: '2024-11-01' }, filters: {}, metric: 'billed', groupBy: 'service' };
  it('uses the smallest collection that can answer', () => {
    expect(pickKind(base, true, false)).toBe('monthly');
    expect(pickKind(base, false, false)).toBe('daily');
    expect(pickKind({ ...base, groupBy: 'day' }, true, false)).toBe('daily');
    expect(pickKind({ ...base, groupBy: 'tag:team' }, true, false)).toBe('records');
    expect(pickKind({ ...base, filters: { tags: [{ key: 'a', value: 'b' }] } }, true, false)).toBe('records');
    expect(pickKind(base, true, true)).toBe('records');
  });
});

describe('interrupted writes', () => {
  it('reads records while a month is dirty (saying so once), and the repair rebuilds its rollups', async () => {
    const other = await openTestDb('dirty');
    try {
      const s = new MongoCostStore(other, { logger: recordingLogger() });
      await s.writeRecords([rec('2025-01-05', 100n), rec('2025-01-06', 50n, { resourceId: 'x' })], { importId: 'a' });
      // simulate a crash: a record written behind the rollups' back, partition left dirty
      await other.db!.collection('cost_records_2025_01').insertOne({ ...(await other.db!.collection('cost_records_2025_01').findOne({}, { projection: { _id: 0 } })), _id: 'manual' as never, billed: 7n, resourceId: 'y' } as never);
      await other.db!.collection('cost_partitions').updateOne({ _id: '2025-01' as never }, { $set: { dirty: true } });
      const q: CostQuery = { range: { start: '2025-01-01', end: '2025-02-01' }, filters: {}, metric: 'billed' };
      const logger = recordingLogger();
      const restarted = new MongoCostStore(other, { logger });
      await restarted.init();
      expect(await restarted.dirtyMonths()).toEqual(['2025-01']); // init() leaves the repair to writers and the repair job
      expect(norm(await restarted.groupCosts(q))).toEqual([['USD', '', 157n]]);
      expect(norm(await restarted.groupCosts(q))).toEqual([['USD', '', 157n]]);
      expect(logger.entries.filter((e) => e.level === 'warn' && /answering from the records/.test(e.msg ?? ''))).toHaveLength(1);
      expect(await restarted.repairRollups()).toEqual(['2025-01']);
      expect(logger.entries.some((e) => /rebuilding rollups/.test(e.msg ?? ''))).toBe(true);
      expect(await other.db!.collection('cost_partitions').findOne({ _id: '2025-01' as never })).toMatchObject({ dirty: false });
      expect(norm(await restarted.groupCosts(q))).toEqual([['USD', '', 157n]]);
      expect(norm(await restarted.groupCosts({ ...q, groupBy: 'day' }))).toEqual([['USD', '2025-01-05', 107n], ['USD', '2025-01-06', 50n]]);
    } finally {
      await dropTestDb(other);
    }
  });

  it('of many writers racing for an expired lease, exactly one gets it', async () => {
    const other = await openTestDb('lockrace');
    try {
      await other.db!.collection('store_locks').insertOne({ _id: 'race#1' as never, name: 'race', seq: 1, owner: 'gone', expiresAt: new Date(Date.now() - 1000), released: false });
      for (let round = 0; round < 5; round++) {
        const locks = Array.from({ length: 8 }, () => new WriteLock(other, 'race'));
        const won = (await Promise.all(locks.map((l, i) => l.tryAcquire(`o${round}-${i}`, 'test')))).map((r) => r.taken);
        expect(won.filter(Boolean)).toHaveLength(1);
        await locks[won.indexOf(true)]!.release();
      }
    } finally {
      await dropTestDb(other);
    }
  });

  it('a second writer says once why it waits, then gives up with a clear error', async () => {
    const other = await openTestDb('lock');
    try {
      const a = new MongoCostStore(other, { logger: recordingLogger(), limits: { writeWaitMs: 600 } });
      const startedAt = new Date('2024-10-02T12:01:00Z');
      await other.db!.collection('store_locks').insertOne({
        _id: 'cost-writes#1' as never, name: 'cost-writes', seq: 1, owner: 'someone-else', expiresAt: new Date(Date.now() + 60_000), released: false,
        activity: 'import', host: 'box-7', pid: 4242, startedAt,
      });
      const waits: string[] = [];
      await expect(a.writeRecords([rec('2025-01-05', 1n)], { importId: 'x', onWait: (w) => waits.push(w) })).rejects.toThrow(
        'Another writer is still at work: an import (started 12:01 UTC on host box-7, pid 4242)',
      );
      expect(waits).toEqual(['waiting for an import (started 12:01 UTC on host box-7, pid 4242) to finish']);
      await other.db!.collection('store_locks').updateOne({ _id: 'cost-writes#1' as never }, { $set: { expiresAt: new Date(Date.now() - 1000) } });
      await expect(a.writeRecords([rec('2025-01-05', 1n)], { importId: 'y' })).resolves.toMatchObject({ records: 1, inserted: 1 });
    } finally {
      await dropTestDb(other);
    }
  });
});
