/**
 * Recommendations ask the watchdog what its anomalies explain: a month-over-month rise that
 * raised anomalies explain by half or more is not advised on, and the evidence says how much
 * they explain. Through openCore's wiring on the real test server; a new event changes the
 * answer for the same day and the same data (the kept list is not stale).
 *
 * By hand: EC2 costs $100 a day in September and $200 a day in October. As of November 5 the
 * rise in October is 6,200 − 100 × 31 = $3,100; half of it is $1,550.
 */
import type { Connection } from 'mongoose';
import { loadConfig } from '../../src/config/config';
import { openCore, type Core } from '../../src/composition';
import { daysIn } from '../../src/domain/days';
import type { AnomalyEvent } from '../../src/ports/alerts';
import { fixedClock } from '../../src/ports/clock';
import { connectMongo } from '../../src/store/connection';
import { watchdogRepositories } from '../../src/store/watchdog-repositories';
import { rec } from '../fixtures/records';
import { dropTestDb, testDbUri } from '../support/mongo';
import { recordingLogger } from '../support/silent-logger';

const D = 1_000_000_000n;
const EC2 = 'Amazon Elastic Compute Cloud';
const clock = fixedClock('2026-11-05T12:00:00Z');
let core: Core;
let conn: Connection;

beforeAll(async () => {
  const uri = testDbUri('advicelink');
  conn = await connectMongo(uri, { serverSelectionTimeoutMS: 5000 });
  core = await openCore(loadConfig({ MONGODB_URI: uri }), recordingLogger(), clock);
  const records = [...daysIn({ start: '2026-09-01', end: '2026-11-01' })].map((d) => rec(d, (d < '2026-10-01' ? 100n : 200n) * D));
  await core.store.writeRecords(records, { importId: 'advice-link' });
});

afterAll(async () => {
  await core?.close();
  await dropTestDb(conn);
});

function event(id: string, scope: AnomalyEvent['scope'], startDay: string, day: string, impact: bigint, drivers: AnomalyEvent['drivers'] = []): AnomalyEvent {
  return {
    id, seriesKey: id, scope, scopeText: id, currency: 'USD',
    anomaly: { day, kind: 'level-shift', startDay, actual: 0n, expected: 0n, impact: impact * D, deviationPct: null, severity: 'high', score: null },
    drivers, status: 'open', revision: 1, feedback: [], createdAt: clock.now(), updatedAt: clock.now(),
  };
}

const costRise = async () => (await core.advice.list({ asOf: '2026-11-05' })).items.find((r) => r.kind === 'cost-rise');

it('advises on a rise no anomaly explains, saying anomalies explain $0', async () => {
  const rise = await costRise();
  expect(rise?.title).toBe('Find out why AWS Amazon Elastic Compute Cloud rose 100% in 2026-10');
  expect(rise?.evidence.summary).toContain('Anomalies account for only 0.00 USD of it.');
});

it('counts a raised level shift for each of its days in October', async () => {
  // October 1 to 4 at +$100: $400, less than half the rise.
  await watchdogRepositories(conn, clock).events.create(event('ec2', { provider: 'aws', service: EC2 }, '2026-10-01', '2026-10-04', 100n));
  expect((await costRise())?.evidence.summary).toContain('Anomalies account for only 400.00 USD of it.');
});

it('stays quiet once anomalies explain half the rise or more', async () => {
  // A total-spend shift October 10 to 14 whose EC2 driver is +$300 a day: 5 × 300 = $1,500; 400 + 1,500 ≥ 1,550.
  const driver = { dimension: 'service', key: EC2, label: EC2, actual: 0n, expected: 0n, impact: 300n * D };
  await watchdogRepositories(conn, clock).events.create(event('total', {}, '2026-10-10', '2026-10-14', 300n, [driver]));
  expect(await costRise()).toBeUndefined();
});
