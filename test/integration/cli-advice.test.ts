/**
 * `penny recommend` and `penny simulate` against the real test server: the JSON contracts on the
 * FOCUS sample (hand computed where the numbers are Penny's own), decisions from the command
 * line, and usage errors before the database starts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { run } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/runtime';
import { dropDatabaseAt, testDbUri } from '../support/mongo';

const SAMPLE = resolve(__dirname, '../../data/focus_sample.csv');
const NO_SERVER = 'mongodb://127.0.0.1:1/never';
const tmp = mkdtempSync(join(tmpdir(), 'penny-cli-rec-'));
const uri = testDbUri('cli_recommend');

function io(env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t), isTTY: false, env: { PENNY_SECRETS_DIR: '/nonexistent', PENNY_DATA_DIR: tmp, ...env }, exit: () => undefined, stdin: Readable.from([]), stdinIsTTY: false };
  return { cli, out: () => out.join(''), err: () => err.join('') };
}

beforeAll(async () => {
  const t = io({ MONGODB_URI: uri });
  if ((await run(['import', SAMPLE], t.cli)) !== 0) throw new Error(`importing the sample failed: ${t.err()}`);
});

afterAll(async () => {
  await dropDatabaseAt(uri);
  rmSync(tmp, { recursive: true, force: true });
});

describe('penny recommend', () => {
  it('prints the JSON contract: the FOCUS sample has one previous-generation instance worth a note', async () => {
    const t = io({ MONGODB_URI: uri });
    expect(await run(['recommend', '--as-of', '2024-10-01', '--json'], t.cli)).toBe(0);
    const json = JSON.parse(t.out());
    expect(Object.keys(json)).toEqual(['as_of', 'currency', 'recommendations', 'total_monthly_saving']);
    expect(json.recommendations).toHaveLength(1);
    const [rec] = json.recommendations;
    expect(Object.keys(rec)).toEqual(expect.arrayContaining(['id', 'kind', 'title', 'scope', 'resource_id', 'monthly_saving', 'evidence', 'state']));
    // One hour of m4.10xlarge at $2.00 on 2024-09-18: 2.00 × 730 / 24 = 60.833333333 a month; m6i lists 4% cheaper.
    expect(rec).toMatchObject({
      kind: 'previous-generation', resource_id: 'i-021f2ebl49063f9l1', monthly_saving: '2.433333333', state: 'open', source: 'penny',
      scope: { provider: 'aws', service: 'Amazon Elastic Compute Cloud', resource_id: 'i-021f2ebl49063f9l1' },
      evidence: { instance_type: 'm4.10xlarge', saving_pct: 4, days_with_cost: 1, daily_cost_avg: '2', monthly_cost: '60.833333333', first_day: '2024-09-18' },
    });
    expect(json.total_monthly_saving).toBe('2.433333333');
  });

  it('uses only days before --as-of', async () => {
    const t = io({ MONGODB_URI: uri });
    expect(await run(['recommend', '--as-of', '2024-09-18', '--json'], t.cli)).toBe(0);
    expect(JSON.parse(t.out())).toMatchObject({ recommendations: [], total_monthly_saving: '0' });
  });

  it('dismisses from the command line, and lists it again with --all', async () => {
    const list = io({ MONGODB_URI: uri });
    await run(['recommend', '--as-of', '2024-10-01', '--json'], list.cli);
    const id = JSON.parse(list.out()).recommendations[0].id as string;
    const t = io({ MONGODB_URI: uri });
    expect(await run(['recommend', 'dismiss', id, '--as-of', '2024-10-01'], t.cli)).toBe(0);
    expect(t.out()).toContain('Dismissed “Move i-021f2ebl49063f9l1 from m4.10xlarge to m6i.10xlarge”');
    expect(t.out()).toContain('No open recommendations.');
    const all = io({ MONGODB_URI: uri });
    expect(await run(['recommend', '--as-of', '2024-10-01', '--all', '--json'], all.cli)).toBe(0);
    expect(JSON.parse(all.out()).recommendations.map((r: { state: string }) => r.state)).toEqual(['dismissed']);
    const evidence = io({ MONGODB_URI: uri });
    expect(await run(['recommend', 'evidence', id, '--as-of', '2024-10-01'], evidence.cli)).toBe(0);
    expect(evidence.out()).toContain('State: dismissed by cli');
    await run(['recommend', 'reopen', id, '--as-of', '2024-10-01'], io({ MONGODB_URI: uri }).cli);
  });

  it.each([
    [['recommend', '--as-of', '2024-13-01'], '--as-of takes a day as YYYY-MM-DD'],
    [['recommend', 'frobnicate'], 'is not something penny recommend does'],
    [['recommend', 'dismiss'], 'dismiss needs a recommendation id'],
  ])('%j is a usage error (exit 2) before the database starts', async (argv, message) => {
    const t = io({ MONGODB_URI: NO_SERVER });
    expect(await run(argv, t.cli)).toBe(2);
    expect(t.err()).toContain(message);
  });

  it('says plainly that an id is unknown', async () => {
    const t = io({ MONGODB_URI: uri });
    expect(await run(['recommend', 'snooze', 'rec-0000000000', '--as-of', '2024-10-01'], t.cli)).toBe(2);
    expect(t.err()).toContain('There is no recommendation rec-0000000000 for 2024-10-01');
  });
});

describe('penny simulate', () => {
  it('prints the JSON contract: the month, quarter and year beside today\'s forecast', async () => {
    const t = io({ MONGODB_URI: uri });
    expect(await run(['simulate', 'EC2 -20% from 2024-09-20; add 500/month for service:"AWS Lambda"', '--as-of', '2024-09-20', '--json'], t.cli)).toBe(0);
    const json = JSON.parse(t.out());
    expect(Object.keys(json)).toEqual(['as_of', 'currency', 'changes', 'periods', 'budgets', 'budget_note', 'notes']);
    expect(json.changes.map((c: { kind: string }) => c.kind)).toEqual(['percent', 'add']);
    expect(json.periods.map((p: { period: string; from: string; to: string }) => [p.period, p.from, p.to])).toEqual([
      ['month', '2024-09-01', '2024-09-30'], ['quarter', '2024-07-01', '2024-09-30'], ['year', '2024-01-01', '2024-12-31'],
    ]);
    expect(json.budget_note).toBe('No budgets are set up, so no budget is checked.');
  });

  it('adds exactly what was asked, however the forecast looks', async () => {
    const t = io({ MONGODB_URI: uri });
    expect(await run(['simulate', 'add 500/month for service:"AWS Lambda"', '--as-of', '2024-09-20', '--json'], t.cli)).toBe(0);
    // September 20–30 are the last 11 of 30 days: 500 − round(500 × 19/30) = 500 − 316.666666667 = 183.333333333.
    // Q3 ends with September; 2024 adds October to December in full: 183.333333333 + 1,500.
    expect(JSON.parse(t.out()).periods.map((p: { difference: string }) => p.difference)).toEqual(['183.333333333', '183.333333333', '1683.333333333']);
  });

  it.each([
    [['simulate', 'make it cheaper'], "can't read the change"],
    [['simulate', 'EC2 -20%', '--as-of', 'soon'], '--as-of takes a day'],
  ])('%j is a usage error (exit 2) before the database starts', async (argv, message) => {
    const t = io({ MONGODB_URI: NO_SERVER });
    expect(await run(argv, t.cli)).toBe(2);
    expect(t.err()).toContain(message);
  });
});
