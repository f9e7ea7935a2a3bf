/**
 * Agenda 6 + @agendajs/mongo-backend through createScheduler, on the real test server (FerretDB v1).
 * No mocks: these runs are Agenda's own polling, locking and touching against the database.
 */
import type { Connection } from 'mongoose';
import { createScheduler, DEFAULT_JOBS_COLLECTION } from '../../../src/scheduler/agenda-scheduler';
import type { Scheduler } from '../../../src/ports/scheduler';
import { connectMongo } from '../../../src/store/connection';
import { recordingLogger } from '../../support/silent-logger';
import { dropTestDb, testDbUri } from '../../support/mongo';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(50);
  }
}

let a: Connection;
let b: Connection;
const started: Scheduler[] = [];

beforeAll(async () => {
  const uri = testDbUri('agenda');
  a = await connectMongo(uri, { serverSelectionTimeoutMS: 5000 });
  b = await connectMongo(uri, { serverSelectionTimeoutMS: 5000 });
});

afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop({ timeoutMs: 5000 })));
  await a.db!.collection(DEFAULT_JOBS_COLLECTION).deleteMany({});
});

afterAll(async () => {
  await b?.close();
  await dropTestDb(a);
});

async function scheduler(conn: Connection, name: string, logger = recordingLogger()): Promise<Scheduler> {
  // A short lock lifetime also keeps Agenda's lock-check timer (lockLifetime / 2, not cleared by
  // stop()) from holding the test process open.
  const s = await createScheduler({ db: conn.db!, logger, name, processEvery: 100, lockLifetimeMs: 2000 });
  started.push(s);
  return s;
}

describe('createScheduler on the test server', () => {
  it('defines, schedules with every(), processes repeatedly, touches and stops', async () => {
    const logger = recordingLogger();
    const s = await scheduler(a, 'solo', logger);
    const runs: Date[] = [];
    s.define('tick', async (ctx) => {
      await ctx.touch(50);
      runs.push(new Date());
    });
    await s.every(300, 'tick');
    await s.start();
    await waitFor('three runs', () => runs.length >= 3);
    await s.stop();
    started.splice(0);

    const jobs = await a.db!.collection(DEFAULT_JOBS_COLLECTION).find({ name: 'tick' }).toArray();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ type: 'single', repeatInterval: 300, lastModifiedBy: 'solo' });
    expect(jobs[0]?.lockedAt ?? null).toBeNull();
    const after = runs.length;
    await sleep(600);
    expect(runs.length).toBe(after);
    expect(logger.entries.filter((e) => e.level === 'error')).toEqual([]);
  });

  it('releases on stop a lock this instance still holds (a queue fill racing stop)', async () => {
    const s = await scheduler(a, 'holder');
    s.define('held', async () => undefined);
    await s.start();
    const jobs = a.db!.collection(DEFAULT_JOBS_COLLECTION);
    // What a fill that lands after Agenda's own unlock leaves behind, next to another instance's lock.
    const future = new Date(Date.now() + 3_600_000);
    await jobs.insertMany([
      { name: 'held', type: 'normal', priority: 0, nextRunAt: future, lockedAt: new Date(), lastModifiedBy: 'holder', data: null },
      { name: 'held', type: 'normal', priority: 0, nextRunAt: future, lockedAt: new Date(), lastModifiedBy: 'someone-else', data: null },
    ]);
    await s.stop();
    started.splice(0);
    const left = await jobs.find({ name: 'held' }).toArray();
    expect(left.find((j) => j.lastModifiedBy === 'holder')?.lockedAt ?? null).toBeNull();
    expect(left.find((j) => j.lastModifiedBy === 'someone-else')?.lockedAt).toBeInstanceOf(Date);
  });

  it('passes typed job data and logs a failing job without stopping the scheduler', async () => {
    const logger = recordingLogger();
    const s = await scheduler(a, 'data', logger);
    const seen: string[] = [];
    s.define<{ channel: string }>('once', async (ctx) => {
      if (ctx.data.channel === 'CBAD') throw new Error('boom');
      seen.push(ctx.data.channel);
    });
    await s.start();
    await s.now('once', { channel: 'CBAD' });
    await s.now('once', { channel: 'C1' });
    await waitFor('the good job', () => seen.includes('C1'));
    await waitFor('the failure in the log', () => logger.entries.some((e) => e.level === 'error' && e.msg === 'Job once failed'));
  });

  it('keeps one recurring job when two instances schedule it at the same moment', async () => {
    const [s1, s2] = await Promise.all([scheduler(a, 'one'), scheduler(b, 'two')]);
    for (const s of [s1, s2]) s.define('shared', async () => undefined);
    for (let i = 0; i < 3; i++) await Promise.all([s1.every(1000, 'shared'), s2.every(1000, 'shared'), s1.every(1000, 'shared')]);
    const jobs = a.db!.collection(DEFAULT_JOBS_COLLECTION);
    expect(await jobs.countDocuments({ name: 'shared' })).toBe(1);

    // What the race leaves behind when it is lost (seen on FerretDB): a second copy. The next
    // every() keeps the one with the smallest _id, which every instance agrees on.
    const { _id: first, ...copy } = (await jobs.findOne({ name: 'shared' }))!;
    const { insertedId: second } = await jobs.insertOne({ ...copy });
    expect(await jobs.countDocuments({ name: 'shared' })).toBe(2);
    await s2.every(1000, 'shared');
    const left = await jobs.find({ name: 'shared' }).toArray();
    expect(left.map((j) => String(j._id))).toEqual([[String(first), String(second)].sort()[0]]);
  });

  it('stop() waits for a running handler, within its timeout', async () => {
    const s = await scheduler(a, 'slow');
    let finished = false;
    s.define('slow', async () => {
      await sleep(700);
      finished = true;
    });
    let startedRun = false;
    s.define('mark', async () => {
      startedRun = true;
    });
    await s.start();
    await s.now('slow', undefined);
    await s.now('mark', undefined);
    await waitFor('the run to start', () => startedRun);
    await sleep(100);
    await s.stop({ timeoutMs: 5000 });
    started.splice(0);
    expect(finished).toBe(true);
  });
});
