/**
 * Scheduled reports go out once per channel, cadence and period, with two instances dispatching
 * at the same moment on the real test server; a failed post is retried on the next run.
 */
import type { Connection } from 'mongoose';
import type { ReportAnswer } from '../../../src/answers/types';
import { makeReportDispatch } from '../../../src/jobs/report-dispatch';
import type { Clock } from '../../../src/ports/clock';
import { connectMongo } from '../../../src/store/connection';
import { MongoDigestDeliveries } from '../../../src/store/digest-deliveries';
import { MongoReportSchedules } from '../../../src/store/report-schedules';
import { dropTestDb, testDbUri } from '../../support/mongo';
import { recordingLogger } from '../../support/silent-logger';

let now = new Date('2024-09-30T07:30:00Z'); // Monday 09:30 in Berlin
const clock: Clock = { now: () => new Date(now) };
const posts: { channel: string; owner: string; filename: string }[] = [];
const failing = new Set<string>();
const uri = testDbUri('reportonce');
const conns: Connection[] = [];

async function instance(owner: string) {
  const conn = await connectMongo(uri, { serverSelectionTimeoutMS: 5000 });
  conns.push(conn);
  return makeReportDispatch({
    schedules: new MongoReportSchedules(conn),
    deliveries: new MongoDigestDeliveries(conn, { collection: 'report_deliveries', clock }),
    clock, owner, time: '09:00', timeZone: 'Europe/Berlin', logger: recordingLogger(),
    compose: async (s, asOf) => ({ kind: 'report', cadence: s.cadence, format: s.format, filename: `${s.cadence}-${asOf}.${s.format}`, periodLabel: asOf, rows: 0, content: '', title: 't' }) as ReportAnswer,
    poster: {
      postReport: async (channel, report) => {
        if (failing.delete(channel)) throw new Error('not_in_channel');
        posts.push({ channel, owner, filename: report.filename });
        return { id: `F${posts.length}` };
      },
    },
  });
}

afterAll(async () => {
  const [first, ...rest] = conns;
  for (const c of rest) await c.close();
  await dropTestDb(first);
});

it('posts each due report once across two instances, and retries a failed one on the next run', async () => {
  const a = await instance('a');
  const b = await instance('b');
  const schedules = new MongoReportSchedules(conns[0]!);
  for (const channel of ['C1', 'C2']) await schedules.upsert({ channel, cadence: 'weekly', format: 'csv', createdBy: 'U1', updatedAt: now });
  await schedules.upsert({ channel: 'C1', cadence: 'monthly', format: 'json', createdBy: 'U1', updatedAt: now });
  // One run alone first: a failed post releases its claim, so a concurrent run in the same round
  // could rightly retry it at once; alone, the failure must wait for the next run.
  failing.add('C2');
  await a();
  // A new schedule sends the latest finished period at once (August for the monthly one); C2's first post failed.
  const sent = () => posts.map((p) => `${p.channel} ${p.filename}`).sort();
  expect(sent()).toEqual(['C1 monthly-2024-09-30.json', 'C1 weekly-2024-09-30.csv']);
  await Promise.all([a(), b(), a(), b()]);
  expect(sent()).toEqual(['C1 monthly-2024-09-30.json', 'C1 weekly-2024-09-30.csv', 'C2 weekly-2024-09-30.csv']);
  // The next day: September's monthly report goes out once; last week's are not sent again.
  now = new Date('2024-10-01T07:30:00Z');
  await Promise.all([a(), b(), a(), b()]);
  expect(sent()).toEqual(['C1 monthly-2024-09-30.json', 'C1 monthly-2024-10-01.json', 'C1 weekly-2024-09-30.csv', 'C2 weekly-2024-09-30.csv']);
});
