/**
 * Forecast, budget, anomaly and recommendation questions on the real store (the test MongoDB wire
 * server) holding the demo company's data, answered through AskService by the watchdog's and
 * advice's services with their real repositories. Expected numbers come from the generator's own
 * records summed here, and from a hand-made account planted next to them:
 *
 * planted-lab (account 999900000001, AWS EC2): $100 of usage every day from 2024-11-01, except
 * $900 on 2025-02-18. As of 2025-02-20 (the eval's "today"), February so far is the 1st to the
 * 19th: 18 × $100 + $900 = $2,700.
 */
import type { Connection } from 'mongoose';
import type { CostRecord } from '../../src/domain/cost-record';
import { daysIn } from '../../src/domain/days';
import { formatMoney } from '../../src/domain/money';
import { fixedClock } from '../../src/ports/clock';
import { allNumbersSupported, type AskAnswer, type AskReply } from '../../src/services/ask';
import { DemoCostSource } from '../../src/sources/demo/demo-source';
import { MongoCostStore } from '../../src/store/mongo-cost-store';
import { MongoMetaStore } from '../../src/store/mongo-meta-store';
import { MongoRecommendationMarks } from '../../src/store/recommendation-marks';
import { watchdogRepositories } from '../../src/store/watchdog-repositories';
import { rec } from '../fixtures/records';
import { DEMO_ANCHOR, DEMO_RANGE } from '../support/ask-questions-demo';
import { dropTestDb, openTestDb } from '../support/mongo';
import { recordingLogger } from '../support/silent-logger';
import { watchAsk } from '../support/watch-ask';

const D = 1_000_000_000n;
const TODAY = '2025-02-20';
const LAB = { provider: 'aws', subAccountId: '999900000001', subAccountName: 'planted-lab', service: 'Amazon Elastic Compute Cloud', resourceId: 'i-planted', regionId: 'us-east-1' };
const SPIKE_DAY = '2025-02-18';
const clock = fixedClock(`${TODAY}T09:00:00Z`);

let conn: Connection;
const stored: CostRecord[] = [];
let t: ReturnType<typeof watchAsk>;

/** The billed sum of the stored rows with days in [start, end) that `keep` keeps: plain bigint addition. */
function storedSum(start: string, end: string, keep: (r: CostRecord) => boolean = () => true): bigint {
  return stored.filter((r) => r.day >= start && r.day < end && keep(r)).reduce((sum, r) => sum + r.billed, 0n);
}

beforeAll(async () => {
  conn = await openTestDb('askwatch');
  const store = new MongoCostStore(conn, { logger: recordingLogger() });
  await store.init();
  for await (const batch of new DemoCostSource(DEMO_ANCHOR).fetch(DEMO_RANGE)) stored.push(...batch);
  stored.push(...[...daysIn({ start: '2024-11-01', end: TODAY })].map((d) => rec(d, (d === SPIKE_DAY ? 900n : 100n) * D, LAB)));
  await store.writeRecords(stored, { importId: 'askwatch' });
  t = watchAsk({ store, clock, repos: watchdogRepositories(conn, clock), marks: new MongoRecommendationMarks(conn, clock), meta: new MongoMetaStore(conn) });
}, 300_000);

afterAll(async () => {
  await dropTestDb(conn);
});

const answered = (r: AskReply): AskAnswer => {
  if (!r.ok) throw new Error(`refused (${r.code}): ${r.reason}`);
  expect(r.available).toBe(true);
  expect(allNumbersSupported(r.text, r)).toBe(true);
  return r;
};
const ask = async (q: string) => answered(await t.ask.ask(q, { asOf: TODAY }));
const money = (n: bigint) => formatMoney(n, 'USD');

describe('forecast questions on the real store', () => {
  it('spent so far in the month equals the sum of the stored rows before today', async () => {
    const r = await ask('What will we spend this month?');
    const f = r.details?.kind === 'forecast' ? r.details.forecast : undefined;
    const soFar = storedSum('2025-02-01', TODAY);
    expect(f?.estimate.actualToDate).toBe(soFar);
    expect(r.query.period).toMatchObject({ label: 'February 2025', start: '2025-02-01', end: '2025-03-01' });
    expect(r.total).toBe(f!.estimate.forecast);
    expect(f!.estimate.low <= f!.estimate.forecast && f!.estimate.forecast <= f!.estimate.high).toBe(true);
    expect(r.text).toContain(`Spent so far: ${money(soFar)} (2025-02-01 to 2025-02-19); the other 9 days are projected from the daily trend.`);
  }, 120_000);

  it('for AWS this quarter: the AWS rows since January 1', async () => {
    const r = await ask('forecast for AWS this quarter');
    expect(r.query).toMatchObject({ filters: { providers: ['aws'] }, period: { label: 'Q1 2025', start: '2025-01-01', end: '2025-04-01' } });
    expect(r.details?.kind === 'forecast' && r.details.forecast.estimate.actualToDate).toBe(storedSum('2025-01-01', TODAY, (x) => x.provider === 'aws'));
    expect(r.text).toMatch(/^Forecast of AWS costs for Q1 2025: \$[\d,]+\.\d\d \(80% range /);
  }, 120_000);

  it('for the planted account: its flat $100 a day carries on, the one-day spike does not', async () => {
    const r = await ask('what will planted-lab cost this month?');
    // $2,700 so far + 9 days × $100.
    expect([r.details?.kind === 'forecast' && r.details.forecast.estimate.actualToDate, r.total]).toEqual([2700n * D, 3600n * D]);
  }, 120_000);
});

describe('budget questions on the real store', () => {
  it('says how to set one when there is none, then reports the one set, as computed by hand', async () => {
    expect((await ask('Are we over budget?')).text).toBe('No budgets are set yet, so none can be over. Set one with `/cost budget` in Slack or `penny budget set NAME --amount N --scope provider:aws` (scopes: total, provider, account, service, tag).');
    await t.watchdog.budgets.set({ name: 'lab', scope: { kind: 'account', value: 'planted-lab' }, period: 'month', amount: 2000n * D }, 'U1');
    const r = await ask('Are we over budget?');
    // $2,700 of $2,000 = 135%. Cumulative: $1,700 on the 17th, $2,600 on the 18th: over since 2025-02-18. Forecast $3,600.
    expect(r.text).toBe([
      'Over budget: lab.',
      '• lab (account planted-lab, monthly, 2025-02-01 to 2025-02-28): $2,700.00 of $2,000.00 spent (135%); over since 2025-02-18; forecast $3,600.00 by the end of the period.',
    ].join('\n'));
    const named = await ask('how is the lab budget doing?');
    expect(named.intent).toMatchObject({ kind: 'budget', budgets: ['lab'] });
    expect(named.text).toBe(r.text);
    // The demo's own data-platform account has no budget of its own.
    expect((await ask('how is the data-platform budget doing?')).text).toMatch(/^No budget is set for account data-platform \(222222222222\)\. The budgets are: lab \(account planted-lab\)\./);
  }, 120_000);
});

describe('anomaly questions on the real store', () => {
  it('reports the planted spike with its impact by hand, and nothing in a week without one', async () => {
    const r = await ask('any anomalies in planted-lab this week?');
    // $900 against the usual $100: +$800, +800%; all of it the one EC2 resource in us-east-1.
    expect(r.text.split('\n')).toEqual([
      '1 anomaly in account planted-lab for this week so far (2025-02-17 to 2025-02-19):',
      '• Spike in AWS · account planted-lab (999900000001) on 2025-02-18: $900.00 against $100.00 expected, an impact of +$800.00 (+800%); top driver: service Amazon Elastic Compute Cloud +$800.00',
    ]);
    const quiet = await ask('any anomalies in planted-lab last week?');
    expect(quiet.text).toBe('No anomalies in account planted-lab for last week (2025-02-10 to 2025-02-16): daily usage stayed within its usual range.');
  }, 180_000);
});

describe('recommendation questions on the real store', () => {
  it('lists what the recommendation service lists, with its savings and total', async () => {
    const list = await t.advice.list({ asOf: TODAY, limit: 5 });
    const r = await ask('How can we save money?');
    expect(r.total).toBe(list.total);
    if (list.openCount === 0) {
      expect(r.text).toMatch(/^No open recommendations/);
      return;
    }
    const lines = r.text.split('\n');
    expect(lines[0]).toBe(`${list.openCount} open recommendation${list.openCount === 1 ? '' : 's'} could save ${money(list.total)} a month (the same dollars counted once).`);
    expect(lines.slice(2, 2 + list.items.length)).toEqual(list.items.map((i) => `• ${i.title}: ${i.monthlySaving === 0n ? 'no saving estimated' : `${money(i.monthlySaving)} a month`}`));
  }, 180_000);
});
