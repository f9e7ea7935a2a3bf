/**
 * How the store's writes survive being cut off, on the real wire server: day digests that skip
 * only what is truly unchanged, months closed as a write moves on (a crash leaves at most one
 * dirty), dirty months rebuilt by the next writer, and a lease that follows its holder's life.
 */
import type { Connection } from 'mongoose';
import type { CostRecord } from '../../src/domain/cost-record';
import type { CostQuery } from '../../src/domain/cost-query';
import { MongoCostStore } from '../../src/store/mongo-cost-store';
import { WriteLock } from '../../src/store/write-lock';
import { norm } from '../contract/cost-store.contract';
import { InMemoryCostStore } from '../fakes/in-memory-cost-store';
import { rec } from '../fixtures/records';
import { dropTestDb, openTestDb } from '../support/mongo';
import { recordingLogger } from '../support/silent-logger';

let conn: Connection;
beforeEach(async () => {
  conn = await openTestDb('recovery');
});
afterEach(async () => {
  await dropTestDb(conn);
});

const month = (m: string): CostQuery => ({ range: { start: `${m}-01`, end: `${m}-28` }, groupBy: 'day', filters: {}, metric: 'billed' });

/** Three resources a day for the first days of three months. */
function records(adjust: (r: CostRecord) => CostRecord = (r) => r): CostRecord[] {
  const out: CostRecord[] = [];
  for (const m of ['2025-01', '2025-02', '2025-03']) {
    for (let d = 1; d <= 5; d++) {
      for (const resourceId of ['i-1', 'i-2', 'i-3']) out.push(adjust(rec(`${m}-0${d}`, BigInt(d * 1000 + resourceId.length), { resourceId })));
    }
  }
  return out;
}

async function* inChunks(list: CostRecord[], failAfterMonth?: string): AsyncGenerator<CostRecord[]> {
  for (const m of ['2025-01', '2025-02', '2025-03']) {
    if (failAfterMonth && m > failAfterMonth) throw new Error('the importer died');
    yield list.filter((r) => r.month === m);
  }
}

async function expectSameAs(store: MongoCostStore, oracle: InMemoryCostStore): Promise<void> {
  for (const m of ['2025-01', '2025-02', '2025-03']) expect(norm(await store.groupCosts(month(m)))).toEqual(norm(await oracle.groupCosts(month(m))));
}

it('re-writing unchanged records skips them by their day digests, and a changed amount is still found', async () => {
  const store = new MongoCostStore(conn, { logger: recordingLogger() });
  await store.init();
  const oracle = new InMemoryCostStore();
  await store.writeRecords(records(), { importId: 'a' });
  expect(await store.writeRecords(records(), { importId: 'b' })).toMatchObject({ records: 45, inserted: 0, replaced: 0, unchanged: 45 });

  const restated = records((r) => (r.day === '2025-02-03' && r.resourceId === 'i-2' ? { ...r, billed: r.billed + 7n } : r));
  expect(await store.writeRecords(restated, { importId: 'c' })).toMatchObject({ inserted: 0, replaced: 1, unchanged: 44 });
  await oracle.writeRecords(restated);
  await expectSameAs(store, oracle);
});

it('a write that changes a record of another file forgets that day, so the first file written again restores it', async () => {
  const store = new MongoCostStore(conn, { logger: recordingLogger() });
  await store.init();
  const original = records();
  await store.writeRecords(original, { importId: 'file-a' });
  // Another export restates one record of 2025-01-02 (a different set of records for that day).
  const other = [{ ...original.find((r) => r.day === '2025-01-02' && r.resourceId === 'i-1')!, billed: 1n }, rec('2025-01-02', 5n, { resourceId: 'other' })];
  await store.writeRecords(other, { importId: 'file-b' });
  // The first file again: its digest for 2025-01-02 must not be trusted any more.
  expect(await store.writeRecords(original, { importId: 'file-a-again' })).toMatchObject({ replaced: 1 });
  const oracle = new InMemoryCostStore();
  await oracle.writeRecords(original);
  await oracle.writeRecords(other);
  await oracle.writeRecords(original);
  await expectSameAs(store, oracle);
});

it('a write cut off mid-way leaves only the month in progress dirty, and the next write repairs it exactly', async () => {
  const logger = recordingLogger();
  const store = new MongoCostStore(conn, { logger });
  await store.init();
  await expect(store.writeRecords(inChunks(records(), '2025-02'), { importId: 'cut' })).rejects.toThrow('the importer died');
  // Finished months were closed as the write moved on; the lease was given back.
  expect(await store.dirtyMonths()).toEqual(['2025-02']);
  expect(await conn.db!.collection('store_locks').findOne({}, { sort: { seq: -1 } })).toMatchObject({ released: true });
  // Simulate the worst case of the cut: the rollups of the dirty month are wrong.
  await conn.db!.collection('cost_daily_2025_02').deleteMany({});

  const oracle = new InMemoryCostStore();
  await oracle.writeRecords(records().filter((r) => r.month <= '2025-02'));
  await expectSameAs(store, oracle); // a dirty month is answered from its records meanwhile
  await oracle.writeRecords(records());
  const result = await new MongoCostStore(conn, { logger }).writeRecords(inChunks(records()), { importId: 'again' });
  expect(result).toMatchObject({ records: 45, inserted: 15, unchanged: 30 });
  expect(await store.dirtyMonths()).toEqual([]);
  expect(logger.entries.some((e) => /rebuilding rollups left incomplete/.test(e.msg ?? ''))).toBe(true);
  await expectSameAs(store, oracle); // now from the rebuilt rollups
});

it('a write repairs dirty months it does not touch itself', async () => {
  const store = new MongoCostStore(conn, { logger: recordingLogger() });
  await store.init();
  await store.writeRecords(records(), { importId: 'a' });
  await conn.db!.collection('cost_partitions').updateOne({ _id: '2025-01' as never }, { $set: { dirty: true } });
  await conn.db!.collection('cost_monthly_2025_01').deleteMany({});
  await store.writeRecords([rec('2025-03-20', 1n)], { importId: 'b' });
  expect(await store.dirtyMonths()).toEqual([]);
  const oracle = new InMemoryCostStore();
  await oracle.writeRecords([...records(), rec('2025-03-20', 1n)]);
  const whole: CostQuery = { range: { start: '2025-01-01', end: '2025-04-01' }, groupBy: 'month', filters: {}, metric: 'billed' };
  expect(norm(await store.groupCosts(whole))).toEqual(norm(await oracle.groupCosts(whole)));
});

describe('the write lease', () => {
  it('is renewed by its heartbeat while work goes on, and an expired one is taken at once', async () => {
    const a = new WriteLock(conn, 'hb', 600);
    const b = new WriteLock(conn, 'hb', 600);
    expect(await a.tryAcquire('a', 'import')).toEqual({ taken: true });
    a.startHeartbeat(() => undefined);
    await new Promise((r) => setTimeout(r, 1_500)); // well past one lease time
    expect(await b.tryAcquire('b', 'import')).toMatchObject({ taken: false, holder: { activity: 'import' } });
    await a.release();
    expect(await b.tryAcquire('b', 'import')).toEqual({ taken: true });
    await b.release();

    const dead = new WriteLock(conn, 'hb', 300);
    expect(await dead.tryAcquire('dead', 'import')).toEqual({ taken: true }); // and never renewed: the writer died
    await new Promise((r) => setTimeout(r, 400));
    expect(await b.tryAcquire('b', 'import')).toEqual({ taken: true });
    expect(await dead.renew()).toBe(false); // the dead writer, if it woke up, knows it lost
    expect(dead.isLost).toBe(true);
    await b.release();
  });

  it('is taken up again by its own holder after a release that never reached the server', async () => {
    const lock = new WriteLock(conn, 'own', 60_000);
    expect(await lock.tryAcquire('me', 'import')).toEqual({ taken: true });
    // The release's reply was lost: the lease is still held in the database, but not in memory.
    (lock as unknown as { held?: string }).held = undefined;
    expect(await lock.tryAcquire('me', 'import')).toEqual({ taken: true });
    expect(await new WriteLock(conn, 'own', 60_000).tryAcquire('someone-else', 'import')).toMatchObject({ taken: false });
    await lock.release();
  });
});
