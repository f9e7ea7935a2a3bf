/**
 * The promise of the digests: ONE post per channel per local day, with two app instances running
 * at once and across restarts. Two instances = two connections, two Agenda schedulers, two
 * dispatch handlers with their own owners, all on one database of the real test server.
 * Nothing is mocked; what counts is what the injected `post` recorded.
 */
import type { Connection } from 'mongoose';
import type { Scheduler } from '../../../src/ports/scheduler';
import { createScheduler } from '../../../src/scheduler/agenda-scheduler';
import { makeDigestDispatch, scheduleDigestDispatch, type DigestDispatchHandler } from '../../../src/jobs/digest-dispatch';
import type { Clock } from '../../../src/ports/clock';
import { connectMongo } from '../../../src/store/connection';
import { MongoDigestDeliveries } from '../../../src/store/digest-deliveries';
import { MongoDigestSubscriptions } from '../../../src/store/digest-subscriptions';
import { dropTestDb, testDbUri } from '../../support/mongo';
import { recordingLogger } from '../../support/silent-logger';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** The shared "now" of the test: every instance reads it, the test moves it a day at a time. */
let now = new Date('2026-03-10T15:30:00Z');
const clock: Clock = { now: () => new Date(now) };

// Three channels in three zones. At 15:30 UTC: Berlin 16:30, New York 11:30 (EDT), Tokyo 00:30
// the next calendar day: the delivery key is each one's own local date.
const DUE = ['CBERLIN', 'CNEWYORK', 'CTOKYO'];

interface PostRecord { channel: string; owner: string; text: string; ok: boolean }
const posts: PostRecord[] = [];
const sent = (text?: string) => posts.filter((p) => p.ok && (text === undefined || p.text.endsWith(text)));
const sentPerChannel = (day: string) => Object.fromEntries(DUE.map((c) => [c, sent().filter((p) => p.channel === c && p.text.includes(day)).length]));

/** Channels whose next post attempt fails once (Slack said no). */
const failNext = new Set<string>();

interface Instance { owner: string; conn: Connection; handler: DigestDispatchHandler; runs: number; scheduler?: Scheduler }

const connections: Connection[] = [];
let uri: string;

async function instance(owner: string): Promise<Instance> {
  const conn = await connectMongo(uri, { serverSelectionTimeoutMS: 5000 });
  connections.push(conn);
  const logger = recordingLogger();
  const self: Instance = { owner, conn, runs: 0, handler: undefined as never };
  const dispatch = makeDigestDispatch({
    subscriptions: new MongoDigestSubscriptions(conn),
    deliveries: new MongoDigestDeliveries(conn, { clock }),
    clock,
    owner,
    logger,
    compose: async (sub, localDate) => {
      await sleep(Math.random() * 20);
      return { text: `Digest for ${sub.channel} on ${localDate}`, blocks: [] };
    },
    notifier: {
      postDigest: async (channel: string, message: { text: string }) => {
        await sleep(Math.random() * 30);
        if (failNext.delete(channel)) {
          posts.push({ channel, owner, text: message.text, ok: false });
          throw new Error('An API error occurred: ratelimited');
        }
        posts.push({ channel, owner, text: message.text, ok: true });
        return { ts: `${Date.now() / 1000}` };
      },
    },
  });
  self.handler = async (ctx) => {
    self.runs++;
    return dispatch(ctx);
  };
  return self;
}

async function startScheduler(inst: Instance): Promise<void> {
  inst.scheduler = await createScheduler({ db: inst.conn.db!, logger: recordingLogger(), name: inst.owner, processEvery: 100, lockLifetimeMs: 2000 });
  await scheduleDigestDispatch(inst.scheduler, inst.handler, { interval: 250, lockLifetimeMs: 2000 });
}

beforeAll(async () => {
  uri = testDbUri('digestonce');
  const admin = await connectMongo(uri, { serverSelectionTimeoutMS: 5000 });
  connections.push(admin);
  const subs = new MongoDigestSubscriptions(admin);
  await subs.init();
  const base = { providers: [], enabled: true, createdBy: 'U1', updatedAt: new Date('2026-03-01T00:00:00Z') };
  await subs.upsert({ ...base, channel: 'CBERLIN', time: '09:00', timeZone: 'Europe/Berlin' });
  await subs.upsert({ ...base, channel: 'CNEWYORK', time: '08:30', timeZone: 'America/New_York' });
  await subs.upsert({ ...base, channel: 'CTOKYO', time: '00:15', timeZone: 'Asia/Tokyo' });
  await subs.upsert({ ...base, channel: 'CEVENING', time: '23:00', timeZone: 'Europe/Berlin' });
  await subs.upsert({ ...base, channel: 'COFF', time: '08:00', timeZone: 'Europe/Berlin', enabled: false });
});

afterAll(async () => {
  const [admin, ...rest] = connections;
  await Promise.all(rest.map((c) => c.close()));
  await dropTestDb(admin);
});

describe('daily digests with two instances', () => {
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    [a, b] = await Promise.all([instance('instance-a'), instance('instance-b')]);
  });

  it('deliver one post per channel per local day when both race the same ticks', async () => {
    for (let round = 0; round < 4; round++) {
      await Promise.all([a.handler(), b.handler(), a.handler(), b.handler()]);
    }
    expect(sentPerChannel('2026-03-10')).toEqual({ CBERLIN: 1, CNEWYORK: 1, CTOKYO: 0 });
    expect(sentPerChannel('2026-03-11')).toEqual({ CBERLIN: 0, CNEWYORK: 0, CTOKYO: 1 });
    expect(posts).toHaveLength(3);
    expect(posts.every((p) => p.ok)).toBe(true);
  });

  it('deliver one post per channel per local day when both run under Agenda', async () => {
    now = new Date('2026-03-11T15:30:00Z');
    await Promise.all([startScheduler(a), startScheduler(b)]);
    await Promise.all([a.scheduler!.start(), b.scheduler!.start()]);
    const runsBefore = { a: a.runs, b: b.runs };
    await waitFor('both instances to run the dispatch a few times', () => a.runs - runsBefore.a >= 3 && b.runs - runsBefore.b >= 3);
    await sleep(300);
    await Promise.all([a.scheduler!.stop(), b.scheduler!.stop()]);

    expect(sentPerChannel('2026-03-11')).toEqual({ CBERLIN: 1, CNEWYORK: 1, CTOKYO: 1 });
    expect(sentPerChannel('2026-03-12')).toEqual({ CBERLIN: 0, CNEWYORK: 0, CTOKYO: 1 });
    expect(posts).toHaveLength(6);
  });

  it('do not post again that day after a restart', async () => {
    const [c, d] = await Promise.all([instance('instance-c'), instance('instance-d')]);
    await Promise.all([startScheduler(c), startScheduler(d)]);
    await Promise.all([c.scheduler!.start(), d.scheduler!.start()]);
    await waitFor('the restarted instances to run the dispatch', () => c.runs >= 3 && d.runs >= 3);
    await Promise.all([c.handler(), d.handler(), c.handler(), d.handler()]);
    await Promise.all([c.scheduler!.stop(), d.scheduler!.stop()]);

    expect(posts).toHaveLength(6);
    const deliveries = new MongoDigestDeliveries(c.conn, { clock });
    for (const [channel, day] of [['CBERLIN', '2026-03-11'], ['CNEWYORK', '2026-03-11'], ['CTOKYO', '2026-03-12']] as const) {
      const delivery = await deliveries.get(channel, day);
      expect(delivery).toMatchObject({ state: 'sent', attempts: 1 });
      expect(['instance-a', 'instance-b']).toContain(delivery?.owner);
    }
  });

  it('retry a failed post once, on the next tick, and only then', async () => {
    now = new Date('2026-03-12T15:30:00Z');
    failNext.add('CNEWYORK');
    const [e, f] = await Promise.all([instance('instance-e'), instance('instance-f')]);

    const tick1 = await e.handler();
    expect(tick1.outcomes.filter((o) => o.result !== 'not-due').map((o) => [o.channel, o.result])).toEqual([
      ['CBERLIN', 'sent'], ['CNEWYORK', 'failed'], ['CTOKYO', 'sent'],
    ]);
    const tick2 = await f.handler();
    expect(tick2.outcomes.filter((o) => o.result !== 'not-due').map((o) => [o.channel, o.result])).toEqual([
      ['CBERLIN', 'taken'], ['CNEWYORK', 'sent'], ['CTOKYO', 'taken'],
    ]);
    await Promise.all([e.handler(), f.handler(), e.handler()]);

    const newYork = posts.filter((p) => p.channel === 'CNEWYORK' && p.text.endsWith('2026-03-12'));
    expect(newYork.map((p) => [p.owner, p.ok])).toEqual([['instance-e', false], ['instance-f', true]]);
    expect(sentPerChannel('2026-03-12')).toEqual({ CBERLIN: 1, CNEWYORK: 1, CTOKYO: 1 });
    expect(await new MongoDigestDeliveries(f.conn, { clock }).get('CNEWYORK', '2026-03-12')).toMatchObject({
      state: 'sent', owner: 'instance-f', attempts: 2, lastError: 'Error: An API error occurred: ratelimited',
    });
    // Never a post for the disabled channel or the one not yet due.
    expect(posts.filter((p) => p.channel === 'COFF' || p.channel === 'CEVENING')).toEqual([]);
  });
});
