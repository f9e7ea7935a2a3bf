/**
 * The recommendation jobs run once across instances: two instances (two connections, their own
 * claim repositories and owners) on one database of the real test server race the daily refresh
 * and the weekly post; what counts is what the injected service and notifier recorded.
 */
import type { Connection } from 'mongoose';
import type { RecommendationsAnswer } from '../../../src/answers/advice';
import { cronAt, makeRecommendationsRefresh, makeWeeklyRecommendations, RECOMMENDATIONS_REFRESH_JOB, RECOMMENDATIONS_WEEKLY_JOB, scheduleRecommendationJobs } from '../../../src/jobs/recommendation-jobs';
import { createScheduler } from '../../../src/scheduler/agenda-scheduler';
import { connectMongo } from '../../../src/store/connection';
import { MongoRecommendationMarks } from '../../../src/store/recommendation-marks';
import { dropTestDb, testDbUri } from '../../support/mongo';
import { recordingLogger } from '../../support/silent-logger';

let uri: string;
const connections: Connection[] = [];
let today = '2026-11-30';
let refreshes = 0;
const posts: { channel: string; owner: string }[] = [];

const newOnes: RecommendationsAnswer = {
  kind: 'recommendations', asOf: today, currency: 'USD', items: [], total: 32_850_000_000n, openCount: 1, moreCount: 0, hiddenCount: 0, otherCurrencies: [], filters: [], adviserNotes: [],
};

async function instance(owner: string) {
  const conn = await connectMongo(uri, { serverSelectionTimeoutMS: 5000 });
  connections.push(conn);
  const claims = new MongoRecommendationMarks(conn);
  const logger = recordingLogger();
  const advice = {
    today: () => today,
    refresh: async () => {
      refreshes += 1;
      return { count: 3, newIds: ['rec-1'], adviserErrors: [] };
    },
    newSince: async () => ({ ...newOnes, items: [{ id: 'rec-1' } as never] }),
  };
  return {
    refresh: makeRecommendationsRefresh({ advice, claims, owner, logger }),
    weekly: makeWeeklyRecommendations({
      advice, claims, owner, logger, channels: async () => ['C1', 'C2'],
      notifier: {
        postNewRecommendations: async (channel) => {
          posts.push({ channel, owner });
          return { ts: '1' };
        },
      },
    }),
  };
}

beforeAll(() => {
  uri = testDbUri('recjobs');
});

afterAll(async () => {
  for (const c of connections.slice(1)) await c.close();
  await dropTestDb(connections[0]);
});

describe('recommendation jobs across instances', () => {
  it('refresh once a day, however many instances run it', async () => {
    const [a, b] = await Promise.all([instance('a'), instance('b')]);
    const outcomes = await Promise.all([a.refresh(), b.refresh(), a.refresh(), b.refresh()]);
    expect(refreshes).toBe(1);
    expect(outcomes.filter((o) => o.result === 'refreshed')).toHaveLength(1);
    today = '2026-12-01';
    await Promise.all([a.refresh(), b.refresh()]);
    expect(refreshes).toBe(2);
  });

  it('post the weekly list once per channel', async () => {
    const [a, b] = await Promise.all([instance('a2'), instance('b2')]);
    await Promise.all([a.weekly(), b.weekly(), a.weekly()]);
    expect(posts.map((p) => p.channel).sort()).toEqual(['C1', 'C2']);
  });

  it('are scheduled daily after the sync, and weekly half an hour later', async () => {
    const scheduler = await createScheduler({ db: connections[0]!.db!, logger: recordingLogger(), name: 'sched-test' });
    await scheduleRecommendationJobs(scheduler, { refresh: async () => undefined, weekly: async () => undefined }, { time: '07:00', timeZone: 'Europe/Berlin', weekly: 'digest', weekday: 1 });
    const jobs = await connections[0]!.db!.collection('agenda_jobs').find({ name: { $in: [RECOMMENDATIONS_REFRESH_JOB, RECOMMENDATIONS_WEEKLY_JOB] } }).toArray();
    expect(jobs.map((j) => [j.name, j.repeatInterval, j.repeatTimezone]).sort()).toEqual([
      [RECOMMENDATIONS_REFRESH_JOB, '0 7 * * *', 'Europe/Berlin'],
      [RECOMMENDATIONS_WEEKLY_JOB, '30 7 * * 1', 'Europe/Berlin'],
    ]);
    await scheduler.stop();
  });

  it('cronAt wraps past midnight', () => {
    expect(cronAt('23:45', 30, '1')).toBe('15 0 * * 1');
  });
});
