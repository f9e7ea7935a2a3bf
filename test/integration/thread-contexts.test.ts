/**
 * Thread contexts on the real test server: a thread remembers its last question, replaced by the
 * next; a context is gone once its time is up. MongoDB deletes expired documents through a TTL
 * index; FerretDB v1 has none, so Penny prunes them itself, and reads ignore expired ones on both.
 * The MongoDB path (the TTL index) is forced with a collection that accepts it.
 */
import type { Connection } from 'mongoose';
import type { Clock } from '../../src/ports/clock';
import { ensureExpiryIndex, MongoThreadContexts, THREAD_TTL_MS } from '../../src/store/thread-contexts';
import { dropTestDb, openTestDb } from '../support/mongo';

let conn: Connection;
beforeAll(async () => {
  conn = await openTestDb('threads');
});
afterAll(async () => {
  await dropTestDb(conn);
});

class Clockwork implements Clock {
  constructor(public ms = Date.parse('2024-10-16T09:00:00Z')) {}
  now(): Date {
    return new Date(this.ms);
  }
}

const key = { channel: 'C1', thread: '1700000000.000100' };
const context = (question: string, at: Date) => ({ question, intent: JSON.stringify({ v: 1, question }), at });

it('keeps the latest question per channel and thread', async () => {
  const clock = new Clockwork();
  const threads = new MongoThreadContexts(conn, { clock });
  await threads.init();
  await threads.put(key, context('what did EC2 cost last month?', clock.now()));
  await threads.put(key, context('and the month before?', clock.now()));
  await threads.put({ ...key, thread: 'other' }, context('costs by region', clock.now()));
  expect(await threads.get(key)).toEqual(context('and the month before?', clock.now()));
  expect(await threads.get({ channel: 'C2', thread: key.thread })).toBeUndefined();
  expect(await conn.collection('ask_threads').countDocuments({ channel: 'C1' })).toBe(2);
});

it('ignores a context past its time even while the document is still there', async () => {
  const clock = new Clockwork();
  const threads = new MongoThreadContexts(conn, { clock });
  const stale = { channel: 'C3', thread: '1.1' };
  await threads.put(stale, context('what did S3 cost?', clock.now()));
  clock.ms += THREAD_TTL_MS - 1000;
  expect(await threads.get(stale)).toBeDefined();
  clock.ms += 2000;
  expect(await threads.get(stale)).toBeUndefined();
  const doc = await conn.collection('ask_threads').findOne({ _id: 'C3:1.1' as never });
  expect(doc?.expiresAt).toEqual(new Date(Date.parse('2024-10-16T09:00:00Z') + THREAD_TTL_MS));
});

it('asks for a TTL index, and where the server has none (FerretDB v1) prunes expired contexts itself', async () => {
  const clock = new Clockwork();
  const threads = new MongoThreadContexts(conn, { clock });
  await threads.init();
  const indexes = await conn.collection('ask_threads').indexes();
  const index = indexes.find((i) => i.key.expiresAt === 1);
  expect(index).toBeDefined();
  // Each server takes the path it supports; the test server here is whichever global setup found.
  expect(threads.expiry).toBe(index?.expireAfterSeconds === 0 ? 'ttl' : 'prune');
  await threads.put({ channel: 'C4', thread: 'old' }, context('old question', clock.now()));
  clock.ms += THREAD_TTL_MS + 1;
  await threads.put({ channel: 'C4', thread: 'new' }, context('new question', clock.now()));
  expect(await threads.prune()).toBeGreaterThanOrEqual(1);
  expect(await conn.collection('ask_threads').countDocuments({ channel: 'C4' })).toBe(1);
});

it('creates the TTL index on a server that has them (MongoDB), and the plain one on one that answers NotImplemented', async () => {
  const made: unknown[] = [];
  const mongo = { createIndex: async (spec: Record<string, 1>, options: Record<string, unknown>) => void made.push([spec, options]) };
  expect(await ensureExpiryIndex(mongo)).toBe('ttl');
  expect(made).toEqual([[{ expiresAt: 1 }, { name: 'expiresAt_ttl', expireAfterSeconds: 0 }]]);
  made.length = 0;
  const ferret = {
    createIndex: async (spec: Record<string, 1>, options: Record<string, unknown>) => {
      if ('expireAfterSeconds' in options) throw Object.assign(new Error('Index option "expireAfterSeconds" is not implemented yet'), { code: 238 });
      made.push([spec, options]);
    },
  };
  expect(await ensureExpiryIndex(ferret)).toBe('prune');
  expect(made).toEqual([[{ expiresAt: 1 }, { name: 'expiresAt_1' }]]);
  await expect(ensureExpiryIndex({ createIndex: async () => Promise.reject(Object.assign(new Error('boom'), { code: 1 })) })).rejects.toThrow('boom');
});
