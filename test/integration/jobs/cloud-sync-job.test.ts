/**
 * The daily cloud sync job with two app instances on the real test server: each source is synced
 * once per day however the instances race, directly and under Agenda. The sync itself is the
 * real service over an in-memory source; what is counted is how often it ran.
 */
import type { Connection } from 'mongoose';
import { cloudSyncJobName, runCloudSync, type CloudSyncJobDeps } from '../../../src/jobs/cloud-sync';
import type { Scheduler } from '../../../src/ports/scheduler';
import { createScheduler } from '../../../src/scheduler/agenda-scheduler';
import type { SyncOptions, SyncRunSummary } from '../../../src/services/cloud-sync';
import type { SyncableSource } from '../../../src/ports/cost-source';
import { connectMongo } from '../../../src/store/connection';
import { MongoEventReceipts } from '../../../src/store/event-receipts';
import { fixedClock } from '../../../src/ports/clock';
import { FakeCostSource } from '../../fakes/fake-cost-source';
import { dropTestDb, testDbUri } from '../../support/mongo';
import { recordingLogger } from '../../support/silent-logger';

const uri = testDbUri('syncjob');
const connections: Connection[] = [];
const syncs: string[] = [];
let clock = fixedClock('2026-03-10T07:00:00Z');

async function instance(name: string): Promise<CloudSyncJobDeps & { conn: Connection }> {
  const conn = await connectMongo(uri, { serverSelectionTimeoutMS: 5000 });
  connections.push(conn);
  const source = new FakeCostSource();
  return {
    conn,
    sync: {
      syncSource: async (s: SyncableSource, _options?: SyncOptions): Promise<SyncRunSummary> => {
        syncs.push(`${name}:${s.id}`);
        await new Promise((r) => setTimeout(r, 20));
        return { source: s.id, from: '2026-03-07', to: '2026-03-09', status: 'ok', rows: 0, requests: 0, errors: [] };
      },
    },
    sources: () => [source],
    claims: new MongoEventReceipts(conn, { now: () => clock.now() }),
    clock: { now: () => clock.now() },
    logger: recordingLogger(),
    time: '06:00',
    timeZone: 'Europe/Berlin',
  };
}

afterAll(async () => {
  const [first, ...rest] = connections;
  await Promise.all(rest.map((c) => c.close()));
  await dropTestDb(first);
});

describe('the daily cloud sync with two instances', () => {
  it('syncs a source once per local day when both race', async () => {
    const [a, b] = await Promise.all([instance('a'), instance('b')]);
    for (let round = 0; round < 3; round++) await Promise.all([runCloudSync(a, 'fake'), runCloudSync(b, 'fake'), runCloudSync(a, 'fake')]);
    expect(syncs).toHaveLength(1);
    clock = fixedClock('2026-03-11T07:00:00Z'); // the next local day
    await Promise.all([runCloudSync(a, 'fake'), runCloudSync(b, 'fake')]);
    expect(syncs).toHaveLength(2);
  });

  it('syncs once when both instances run the job under Agenda', async () => {
    clock = fixedClock('2026-03-12T07:00:00Z');
    const before = syncs.length;
    const [a, b] = await Promise.all([instance('a'), instance('b')]);
    const schedulers: Scheduler[] = [];
    for (const [name, deps] of [['sched-a', a], ['sched-b', b]] as const) {
      const scheduler = await createScheduler({ db: deps.conn.db!, logger: recordingLogger(), name, processEvery: 100, lockLifetimeMs: 2000 });
      scheduler.define(cloudSyncJobName('fake'), async (ctx) => void (await runCloudSync(deps, 'fake', ctx)));
      schedulers.push(scheduler);
    }
    await Promise.all(schedulers.map((s) => s.start()));
    for (let i = 0; i < 3; i++) await Promise.all(schedulers.map((s) => s.now(cloudSyncJobName('fake'), undefined)));
    await new Promise((r) => setTimeout(r, 1500));
    await Promise.all(schedulers.map((s) => s.stop()));
    expect(syncs.length - before).toBe(1);
  });
});
