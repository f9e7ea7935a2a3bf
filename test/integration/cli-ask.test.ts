/**
 * `penny ask`: a question in people's words on the real test server holding the FOCUS sample,
 * checked against the independent FOCUS oracle. --as-of reads "last month" as of that day;
 * --json prints {answer, query, total, groups} with exact decimal strings.
 */
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { run } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/runtime';
import { decimalToNanos, formatMoney } from '../../src/domain/money';
import { exact, oracleKeys, readFocusRows } from '../support/focus-oracle';
import { dropDatabaseAt, testDbUri } from '../support/mongo';
import { focusGroups, focusTotal } from '../support/oracles';

const SAMPLE = resolve(__dirname, '../../data/focus_sample.csv');
const NO_SERVER = 'mongodb://127.0.0.1:1/never';
const uri = testDbUri('cli_ask');

function io(env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t), isTTY: false, env: { PENNY_SECRETS_DIR: '/nonexistent', ...env }, exit: () => undefined, stdin: Readable.from([]), stdinIsTTY: false };
  return { cli, out: () => out.join(''), err: () => err.join('') };
}

/** Store amounts are rounded to nanos per daily record; the oracle sums the CSV exactly. */
const near = (decimal: string, oracle: bigint) => {
  const d = decimalToNanos(decimal)! - oracle;
  return (d < 0n ? -d : d) <= 1000n;
};

/** The sample's billed cost on the days of September 2024 before `day`, from the CSV: nanos. */
function septemberBefore(day: string): bigint {
  const sum = readFocusRows(SAMPLE).filter((r) => oracleKeys.day(r) < day).reduce((s, r) => s + exact(r.BilledCost!), 0n);
  return sum / 1000n;
}

beforeAll(async () => {
  const t = io({ MONGODB_URI: uri });
  if ((await run(['import', SAMPLE], t.cli)) !== 0) throw new Error(`importing the sample failed: ${t.err()}`);
}, 120_000);
afterAll(async () => {
  await dropDatabaseAt(uri);
});

describe('penny ask', () => {
  it('--json prints the answer, what was queried and the exact total, as of the day given', async () => {
    const t = io({ MONGODB_URI: uri });
    expect(await run(['ask', 'what did we spend last month?', '--as-of', '2024-10-15', '--json'], t.cli)).toBe(0);
    const json = JSON.parse(t.out());
    expect(Object.keys(json)).toEqual(['answer', 'query', 'total', 'groups']);
    expect(json.query).toMatchObject({ kind: 'totals', metric: 'billed', currency: 'USD', period: { label: 'September 2024', from: '2024-09-01', to: '2024-09-30' } });
    expect(typeof json.total).toBe('string');
    expect(near(json.total, focusTotal())).toBe(true);
    expect(json.groups).toBeNull();
    expect(json.answer).toMatch(/^Costs for September 2024: \$/);
  });

  it('gives the groups an answer is built on', async () => {
    const t = io({ MONGODB_URI: uri });
    expect(await run(['ask', '--as-of', '2024-10-15', '--json', 'top', '3', 'services', 'last', 'month'], t.cli)).toBe(0);
    const json = JSON.parse(t.out());
    const oracle = focusGroups('service').slice(0, 3);
    expect(json.groups.map((g: { key: string }) => g.key)).toEqual(oracle.map((g) => g.key));
    json.groups.forEach((g: { cost: string }, i: number) => expect(near(g.cost, oracle[i]!.amount)).toBe(true));
    expect(json.query).toMatchObject({ groupBy: 'service', top: 3 });
  });

  it('prints the answer and the context line as text', async () => {
    const t = io({ MONGODB_URI: uri });
    expect(await run(['ask', 'costs by provider in September 2024'], t.cli)).toBe(0);
    expect(t.out()).toContain('Queried: September 2024 (Sep 1 – Sep 30, 2024) · all costs · by provider');
    expect(t.out()).toContain('Cost basis: billed cost (as invoiced)');
  });

  it('exits 1 with the reason when it declines, and a null query in JSON', async () => {
    const t = io({ MONGODB_URI: uri });
    expect(await run(['ask', 'what did the flux capacitor cost in September 2024?', '--json'], t.cli)).toBe(1);
    expect(JSON.parse(t.out())).toMatchObject({ answer: expect.stringContaining("I don't know"), query: null, total: null, groups: null });
  });

  it('answers a forecast with the month so far from the stored rows, and the projected total', async () => {
    const t = io({ MONGODB_URI: uri });
    expect(await run(['ask', 'what will we spend this month?', '--as-of', '2024-09-16', '--json'], t.cli)).toBe(0);
    const json = JSON.parse(t.out());
    expect(Object.keys(json)).toEqual(['answer', 'query', 'total', 'groups', 'forecast']);
    expect(json.query).toMatchObject({ kind: 'forecast', period: { label: 'September 2024', from: '2024-09-01', to: '2024-09-30' } });
    expect(near(json.forecast.actual_to_date, septemberBefore('2024-09-16'))).toBe(true);
    expect(json.total).toBe(json.forecast.forecast);
    expect(json.forecast).toMatchObject({ as_of: '2024-09-16', from: '2024-09-01', to: '2024-09-30', coverage: 0.8 });
    expect(json.answer).toContain(`Spent so far: ${formatMoney(septemberBefore('2024-09-16'), 'USD')} (2024-09-01 to 2024-09-15)`);
  });

  it('answers budget questions: how to set one, then the one set, as computed by hand', async () => {
    let t = io({ MONGODB_URI: uri });
    expect(await run(['ask', 'are we over budget?', '--as-of', '2024-09-16', '--json'], t.cli)).toBe(0);
    let json = JSON.parse(t.out());
    expect(json).toMatchObject({ query: { kind: 'budget' }, total: null, groups: null, budget_status: { as_of: '2024-09-16', budgets: [] } });
    expect(json.answer).toMatch(/^No budgets are set yet.*penny budget set NAME --amount N/);

    t = io({ MONGODB_URI: uri });
    expect(await run(['budget', 'set', 'sunbird', '--amount', '10', '--scope', 'total'], t.cli)).toBe(0);
    t = io({ MONGODB_URI: uri });
    expect(await run(['ask', 'are we over budget?', '--as-of', '2024-09-16', '--json'], t.cli)).toBe(0);
    json = JSON.parse(t.out());
    const spent = septemberBefore('2024-09-16');
    const [line] = json.budget_status.budgets;
    expect(line).toMatchObject({ name: 'sunbird', scope: 'total', period: 'month', from: '2024-09-01', to: '2024-09-30', amount: '10' });
    expect(near(line.actual, spent)).toBe(true);
    // The share by hand: spent / $10 × 100, rounded for the sentence.
    const percent = (Number(spent) / 1e9 / 10 * 100).toFixed(0);
    expect(json.answer).toContain(`• sunbird (total, monthly, 2024-09-01 to 2024-09-30): ${formatMoney(spent, 'USD')} of $10.00 spent (${percent}%)`);
  });

  it('checks --as-of before the database starts', async () => {
    const t = io({ MONGODB_URI: NO_SERVER });
    expect(await run(['ask', 'what did we spend last month?', '--as-of', '2024-13-40'], t.cli)).toBe(2);
    expect(t.err()).toContain('--as-of takes a day as YYYY-MM-DD');
  });
});
