/**
 * The CLI contracts of `penny anomalies`, `penny budget` and `penny forecast`, in-process against
 * the real test server. Usage errors exit 2 before any database is opened.
 *
 * Data (by hand): $100 of EC2 usage a day from January 1 to March 14, except $900 on March 14,
 * and a $500 purchase on March 1. As of March 15, March so far is 13 days × $100 (the 1st to the
 * 13th) + $900 (the 14th) + the $500 purchase = $2,700.
 */
import { Readable } from 'node:stream';
import { run } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/runtime';
import { daysIn } from '../../src/domain/days';
import { connectMongo } from '../../src/store/connection';
import { MongoCostStore } from '../../src/store/mongo-cost-store';
import { rec } from '../fixtures/records';
import { dropDatabaseAt, testDbUri } from '../support/mongo';
import { recordingLogger } from '../support/silent-logger';

const D = 1_000_000_000n;
/** Nothing listens here: a command that reaches the database with it fails with exit 1, not 2. */
const NO_SERVER = 'mongodb://127.0.0.1:1/never';
let uri: string;

function io(env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t), isTTY: false, env: { PENNY_SECRETS_DIR: '/nonexistent', ...env }, exit: () => undefined, stdin: Readable.from([]), stdinIsTTY: false };
  return { cli, out: () => out.join(''), err: () => err.join('') };
}

async function penny(args: string[], mongo = uri): Promise<{ code: number; out: string; err: string }> {
  const t = io({ MONGODB_URI: mongo });
  const code = await run(args, t.cli);
  return { code, out: t.out(), err: t.err() };
}

beforeAll(async () => {
  uri = testDbUri('cliwatch');
  const conn = await connectMongo(uri, { serverSelectionTimeoutMS: 5000 });
  const store = new MongoCostStore(conn, { logger: recordingLogger() });
  await store.init();
  const records = [...daysIn({ start: '2026-01-01', end: '2026-03-15' })].map((d) => rec(d, (d === '2026-03-14' ? 900n : 100n) * D));
  records.push(rec('2026-03-01', 500n * D, { chargeCategory: 'purchase', resourceId: '' }));
  await store.writeRecords(records, { importId: 'cli' });
  await conn.close();
}, 60_000);

afterAll(async () => {
  await dropDatabaseAt(uri);
});

describe('usage errors exit 2 before the database opens', () => {
  it.each([
    [['forecast', '--by', 'region'], '--by takes provider or service'],
    [['forecast', '--as-of', '2026-02-30'], '--as-of takes a day'],
    [['budget', 'status', '--as-of', 'yesterday'], '--as-of takes a day'],
    [['budget', 'set', 'x', '--amount', 'lots'], '--amount takes a number'],
    [['budget', 'set', 'x', '--amount', '0'], 'the amount must be more than zero'],
    [['budget', 'set', 'x', '--amount', '5', '--period', 'week'], '--period takes month, quarter or year'],
    [['budget', 'set', 'x', '--amount', '5', '--scope', 'planet:mars'], `can't read the scope`],
    [['budget', 'set', 'x', '--amount', '5', '--thresholds', 'half'], '--thresholds takes percentages'],
    [['anomalies', '--from', '2026-03-01'], '--from and --to go together'],
    [['anomalies', 'next', 'century'], `can't read the period`],
  ])('%j', async (args, message) => {
    const r = await penny(args, NO_SERVER);
    expect([r.code, r.err]).toEqual([2, expect.stringContaining(message)]);
  });

  it('a budget set without --amount is a usage error too', async () => {
    expect((await penny(['budget', 'set', 'x'], NO_SERVER)).code).toBe(2);
  });
});

describe('penny anomalies', () => {
  it('prints the spike with its drivers, amounts as decimal strings', async () => {
    const r = await penny(['anomalies', '--from', '2026-03-01', '--to', '2026-03-31', '--as-of', '2026-03-15', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.anomalies).toEqual([{
      day: '2026-03-14', start_day: '2026-03-14', kind: 'spike', scope: {}, currency: 'USD', actual: '900', expected: '100', impact: '800', deviation_pct: 800,
      severity: 'high', status: 'open',
      drivers: [
        { dimension: 'service', key: 'Amazon Elastic Compute Cloud', label: 'Amazon Elastic Compute Cloud', impact: '800' },
        { dimension: 'account', key: 'A1', label: 'prod', impact: '800' },
        { dimension: 'region', key: 'us-east-1', label: 'US East (N. Virginia)', impact: '800' },
      ],
    }]);
  }, 60_000);

  it('--as-of uses only the days before it: the spike is not seen the day it happens', async () => {
    const r = await penny(['anomalies', 'this month', '--as-of', '2026-03-14', '--json']);
    expect([r.code, JSON.parse(r.out)]).toEqual([0, { from: '2026-03-01', to: '2026-03-13', anomalies: [] }]);
  }, 60_000);
});

describe('penny budget', () => {
  it('sets, lists, reports and deletes a budget', async () => {
    expect((await penny(['budget', 'set', 'aws', '--amount', '1000', '--scope', 'provider:aws', '--thresholds', '50,80,100'])).code).toBe(0);
    const list = await penny(['budget', 'list', '--json']);
    expect(JSON.parse(list.out)).toEqual({ budgets: [{ name: 'aws', scope: 'provider:aws', period: 'month', amount: '1000', thresholds: [50, 80, 100], forecast_thresholds: [100] }] });

    const status = await penny(['budget', 'status', '--as-of', '2026-03-15', '--json']);
    expect(status.code).toBe(0);
    const [line] = JSON.parse(status.out).budgets;
    // March 1–14: 13 × $100 + $900 + the $500 purchase = $2,700; $1,000 reached on March 5 (600, 700, 800, 900, 1000).
    expect(line).toMatchObject({ name: 'aws', scope: 'provider:aws', period: 'month', from: '2026-03-01', to: '2026-03-31', amount: '1000', actual: '2700', percent: 270, projected_breach: '2026-03-05', fired: [] });
    expect(BigInt(line.forecast.replace('.', '')) > 0n).toBe(true);

    expect((await penny(['budget', 'delete', 'AWS'])).code).toBe(0);
    const again = await penny(['budget', 'delete', 'aws']);
    expect([again.code, again.err]).toEqual([2, expect.stringContaining('There is no budget called "aws"')]);
  }, 120_000);
});

describe('penny forecast', () => {
  it('prints the month with its range, and groups with --by', async () => {
    const r = await penny(['forecast', '--as-of', '2026-03-15', '--by', 'provider', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    // Spend to date is exact: the same $2,700 as the budget above.
    expect(json).toMatchObject({ period: '2026-03', as_of: '2026-03-15', from: '2026-03-01', to: '2026-03-31', actual_to_date: '2700', by: 'provider' });
    const [low, forecast, high] = [json.low, json.forecast, json.high].map(Number) as [number, number, number];
    expect(low).toBeLessThanOrEqual(forecast);
    expect(forecast).toBeLessThanOrEqual(high);
    // 17 days left at the $100 a day usage has run at (the one-day spike is trimmed from the level,
    // there is no trend, and a purchase seen in one month only is not projected): 2,700 + 1,700.
    expect(json.forecast).toBe('4400');
    expect(forecast).toBe(4400);
    expect(json.groups).toEqual([{ key: 'aws', name: 'AWS', actual_to_date: '2700', forecast: json.forecast, low: json.low, high: json.high }]);
  }, 120_000);
});
