/**
 * The promise of budget alerts: each threshold fires ONCE per period, with two app instances
 * running at once and across restarts, on the real MongoDB wire server (FerretDB in CI). Two
 * instances = two connections, two stores, two watchdogs and job handlers with their own owners,
 * two Agenda schedulers. Nothing is mocked; what counts is what the injected notifier recorded.
 *
 * Data: $100 of AWS usage every day from January 1. As of March 15 (14 days of March):
 *  - "aws" (provider aws, $1,000 a month): $1,400 spent, 50/80/100% fired, one message (100%);
 *  - "q1" (total, $8,000 a quarter): $7,300 spent (91%): 50 and 80% fired; the forecast, 90 days
 *    × $100 = $9,000, crosses 100%: two messages (80% of spend, 100% of forecast).
 */
import type { Connection } from 'mongoose';
import type { AlertAnswer } from '../../../src/answers/watchdog';
import { daysIn } from '../../../src/domain/days';
import { runWatchdog, scheduleWatchdog, type WatchdogJobDeps } from '../../../src/jobs/watchdog';
import type { Clock } from '../../../src/ports/clock';
import type { Scheduler } from '../../../src/ports/scheduler';
import { createScheduler } from '../../../src/scheduler/agenda-scheduler';
import { CostService } from '../../../src/services/cost-service';
import { createWatchdog } from '../../../src/services/watchdog';
import { connectMongo } from '../../../src/store/connection';
import { MongoCostStore } from '../../../src/store/mongo-cost-store';
import { MongoMetaStore } from '../../../src/store/mongo-meta-store';
import { watchdogRepositories } from '../../../src/store/watchdog-repositories';
import { MongoWriteLog } from '../../../src/store/write-log';
import { rec } from '../../fixtures/records';
import { dropTestDb, testDbUri } from '../../support/mongo';
import { recordingLogger } from '../../support/silent-logger';

const D = 1_000_000_000n;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let now = new Date('2026-03-15T06:00:00Z');
const clock: Clock = { now: () => new Date(now) };

interface Post { channel: string; owner: string; key: string }
const posts: Post[] = [];
const keysTo = (channel: string) => posts.filter((p) => p.channel === channel).map((p) => p.key).sort();

interface Instance { owner: string; conn: Connection; deps: WatchdogJobDeps; runs: number; scheduler?: Scheduler }
const connections: Connection[] = [];
let uri: string;

async function instance(owner: string): Promise<Instance> {
  const conn = await connectMongo(uri, { serverSelectionTimeoutMS: 5000 });
  connections.push(conn);
  const logger = recordingLogger();
  const store = new MongoCostStore(conn, { logger });
  await store.init();
  const costs = new CostService({ store, clock, timeZone: 'UTC', currency: 'USD' });
  const watchdog = createWatchdog({ store, costs, clock, repos: watchdogRepositories(conn, clock), settings: { minImpact: 50n * D, minDeviationPct: 20, tagKeys: [] }, writes: new MongoWriteLog(conn) });
  const self: Instance = { owner, conn, runs: 0, deps: undefined as never };
  self.deps = {
    watchdog, meta: new MongoMetaStore(conn), owner, logger,
    coverage: () => {
      self.runs++;
      return costs.coverage();
    },
    notifier: {
      postAlert: async (channel: string, alert: AlertAnswer) => {
        await sleep(Math.random() * 30);
        posts.push({ channel, owner, key: alert.alertKey });
        return { ts: `${Date.now() / 1000}` };
      },
      updateAlert: async () => undefined,
      retractAlert: async () => undefined,
    },
  };
  return self;
}

beforeAll(async () => {
  uri = testDbUri('budgetonce');
  const admin = await connectMongo(uri, { serverSelectionTimeoutMS: 5000 });
  connections.push(admin);
  const store = new MongoCostStore(admin, { logger: recordingLogger() });
  await store.init();
  await store.writeRecords([...daysIn({ start: '2026-01-01', end: '2026-03-15' })].map((d) => rec(d, 100n * D)), { importId: 'seed' });
  const repos = watchdogRepositories(admin, clock);
  const since = new Date('2026-03-01T00:00:00Z');
  const none = { providers: [], accounts: [], services: [], regions: [], tags: [] };
  await repos.subscriptions.upsert({ channel: 'CALL', filters: none, enabled: true, createdBy: 'U1', since });
  await repos.subscriptions.upsert({ channel: 'CAWS', filters: { ...none, providers: ['aws'] }, enabled: true, createdBy: 'U1', since });
  await repos.subscriptions.upsert({ channel: 'CGCP', filters: { ...none, providers: ['gcp'] }, enabled: true, createdBy: 'U1', since });
  const at = new Date('2026-03-01T00:00:00Z');
  await repos.budgets.upsert({ name: 'aws', scope: { kind: 'provider', value: 'aws' }, period: 'month', amount: 1000n * D, actualThresholds: [50, 80, 100], forecastThresholds: [100], updatedBy: 'U1', updatedAt: at });
  await repos.budgets.upsert({ name: 'q1', scope: { kind: 'total' }, period: 'quarter', amount: 8000n * D, actualThresholds: [50, 80, 100], forecastThresholds: [100], updatedBy: 'U1', updatedAt: at });
}, 60_000);

afterAll(async () => {
  const [admin, ...rest] = connections;
  await Promise.all(rest.map((c) => c.close()));
  await dropTestDb(admin);
});

const FIRST = {
  aws: 'budget:aws|2026-03-01|actual|100',
  q1Actual: 'budget:q1|2026-01-01|actual|80',
  q1Forecast: 'budget:q1|2026-01-01|forecast|100',
};

describe('budget thresholds with two instances', () => {
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    [a, b] = await Promise.all([instance('instance-a'), instance('instance-b')]);
  });

  it('fire once and post one message per threshold and channel when both race the same runs', async () => {
    for (let round = 0; round < 3; round++) await Promise.all([runWatchdog(a.deps), runWatchdog(b.deps), runWatchdog(a.deps)]);
    expect(keysTo('CALL')).toEqual([FIRST.aws, FIRST.q1Actual, FIRST.q1Forecast].sort());
    expect(keysTo('CAWS')).toEqual([FIRST.aws]);
    expect(keysTo('CGCP')).toEqual([]);
    expect(posts).toHaveLength(4);
    const firings = await a.conn.collection('budget_firings').find({}).toArray();
    expect(firings.map((f) => f._id).sort()).toEqual([
      'aws|2026-03-01|actual|100', 'aws|2026-03-01|actual|50', 'aws|2026-03-01|actual|80',
      'q1|2026-01-01|actual|50', 'q1|2026-01-01|actual|80', 'q1|2026-01-01|forecast|100',
    ]);
    expect(new Set(firings.map((f) => f.owner as string)).size).toBeGreaterThanOrEqual(1);
  }, 120_000);

  it('do not fire or post again after a restart, under Agenda', async () => {
    const [c, d] = await Promise.all([instance('instance-c'), instance('instance-d')]);
    await c.deps.meta.set('watchdog.ranFor', undefined);
    for (const inst of [c, d]) {
      inst.scheduler = await createScheduler({ db: inst.conn.db!, logger: recordingLogger(), name: inst.owner, processEvery: 100, lockLifetimeMs: 5000 });
      await scheduleWatchdog(inst.scheduler, inst.deps, { interval: 300, lockLifetimeMs: 5000 });
    }
    await Promise.all([c.scheduler!.start(), d.scheduler!.start()]);
    const deadline = Date.now() + 60_000;
    while (c.runs + d.runs < 4 && Date.now() < deadline) await sleep(100);
    await Promise.all([c.scheduler!.stop(), d.scheduler!.stop()]);
    expect(c.runs + d.runs).toBeGreaterThanOrEqual(4);
    expect(posts).toHaveLength(4);
    // A forced run after the restart changes nothing either.
    await Promise.all([runWatchdog(c.deps), runWatchdog(d.deps)]);
    expect(posts).toHaveLength(4);
  }, 120_000);

  it('a threshold crossed later fires once, on whichever instance sees it first', async () => {
    // Two more days at $400: q1 reaches $8,100, past 100% of its $8,000.
    const store = new MongoCostStore(a.conn, { logger: recordingLogger() });
    await store.writeRecords([rec('2026-03-15', 400n * D), rec('2026-03-16', 400n * D)], { importId: 'more' });
    now = new Date('2026-03-17T06:00:00Z');
    await Promise.all([runWatchdog(a.deps), runWatchdog(b.deps)]);
    await Promise.all([runWatchdog(b.deps), runWatchdog(a.deps)]);
    const later = posts.slice(4);
    expect(later.filter((p) => p.key.startsWith('budget:')).map((p) => [p.channel, p.key])).toEqual([['CALL', 'budget:q1|2026-01-01|actual|100']]);
    // The jump is also an anomaly in several series: each of those is posted once per channel too.
    const anomalyPosts = later.filter((p) => p.key.startsWith('anomaly:')).map((p) => `${p.channel} ${p.key}`);
    expect(anomalyPosts.length).toBeGreaterThan(0);
    expect(new Set(anomalyPosts).size).toBe(anomalyPosts.length);
    expect(await a.conn.collection('budget_firings').countDocuments({ _id: 'q1|2026-01-01|actual|100' } as never)).toBe(1);
  }, 120_000);
});
