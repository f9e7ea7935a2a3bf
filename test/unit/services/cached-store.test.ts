/**
 * The query cache: answers repeat from memory until a write on any instance, after which no
 * instance serves the old number. Two "instances" share one store and one write log here.
 */
import { monthPeriod } from '../../../src/domain/period';
import { fixedClock } from '../../../src/ports/clock';
import { CachedCostStore } from '../../../src/services/cached-store';
import { CostService } from '../../../src/services/cost-service';
import { TrackedCostStore } from '../../../src/services/tracked-store';
import { InMemoryCostStore } from '../../fakes/in-memory-cost-store';
import { InMemoryWriteLog } from '../../fakes/in-memory-write-log';
import { rec } from '../../fixtures/records';

const clock = fixedClock('2024-10-02T00:00:00Z');
const september = monthPeriod('2024-09');

function instances() {
  const store = new InMemoryCostStore();
  const writes = new InMemoryWriteLog();
  const make = () => {
    const cache = new CachedCostStore(new TrackedCostStore(store, writes, clock), writes);
    return { cache, costs: new CostService({ store: cache, clock, timeZone: 'UTC', currency: 'USD' }) };
  };
  return { store, writes, a: make(), b: make() };
}

const total = async (costs: CostService) => (await costs.query({ period: september })).breakdown.currencies[0]?.total ?? 0n;

it('answers repeated questions from memory', async () => {
  const { a, store } = instances();
  await store.writeRecords([rec('2024-09-01', 5n)]);
  expect(await total(a.costs)).toBe(5n);
  const misses = a.cache.stats.misses;
  expect(await total(a.costs)).toBe(5n);
  expect(a.cache.stats).toMatchObject({ misses, hits: 1 });
});

it('never serves a number older than the last write, on either instance', async () => {
  const { a, b } = instances();
  await a.cache.writeRecords([rec('2024-09-01', 5n)], { importId: '1' });
  expect([await total(a.costs), await total(b.costs)]).toEqual([5n, 5n]);
  await b.cache.writeRecords([rec('2024-09-02', 7n)], { importId: '2' });
  expect([await total(a.costs), await total(b.costs)]).toEqual([12n, 12n]);
  await a.cache.writeRecords([rec('2024-09-03', 1n)], { importId: '3' });
  expect([await total(b.costs), await total(a.costs)]).toEqual([13n, 13n]);
  expect(b.cache.stats.invalidations).toBe(2);
});

it('shares one generation lookup among the reads of one turn (a summary\'s two periods)', async () => {
  const { a, writes } = instances();
  const before = writes.reads;
  await a.costs.query({ period: september, compare: true, groupBy: 'service' });
  expect(writes.reads - before).toBe(1);
});

it('a question asked before a write may get the old number; one asked after it never does', async () => {
  const { a, b, writes } = instances();
  await a.cache.writeRecords([rec('2024-09-01', 5n)], { importId: '1' });
  expect(await total(a.costs)).toBe(5n);
  writes.hold();
  const readsBefore = writes.reads;
  const slow = total(a.costs); // reads the generation before the write below, answers after it
  while (writes.reads === readsBefore) await new Promise((r) => setImmediate(r));
  await b.cache.writeRecords([rec('2024-09-02', 7n)], { importId: '2' });
  writes.release();
  expect(await total(a.costs)).toBe(12n);
  expect(await slow).toBe(5n);
  expect(await total(a.costs)).toBe(12n);
});

it('runs one generation lookup at a time: questions arriving meanwhile share the next, which sees writes made before them', async () => {
  const { a, b, writes } = instances();
  await a.cache.writeRecords([rec('2024-09-01', 5n)], { importId: '1' });
  expect(await total(a.costs)).toBe(5n);
  writes.hold();
  const readsBefore = writes.reads;
  const first = total(a.costs);
  while (writes.reads === readsBefore) await new Promise((r) => setImmediate(r));
  await b.cache.writeRecords([rec('2024-09-02', 7n)], { importId: '2' }); // finished before the ten below are asked
  const later: Promise<bigint>[] = [];
  for (let i = 0; i < 10; i++) {
    later.push(total(a.costs));
    await new Promise((r) => setImmediate(r)); // each in its own turn, like separate HTTP requests
  }
  writes.release();
  expect(await first).toBe(5n);
  expect(await Promise.all(later)).toEqual(Array(10).fill(12n));
  expect(writes.reads - readsBefore).toBe(2);
});
