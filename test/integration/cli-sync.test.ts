/**
 * `penny sync` from the command line: the real CLI, the real AWS SDK against the local Cost
 * Explorer fake (reached only through AWS_ENDPOINT_URL_COST_EXPLORER), the real store.
 * Expected totals are exact sums of the fake's own rows.
 */
import { Readable } from 'node:stream';
import { run } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/runtime';
import { addDays, fromDate } from '../../src/domain/days';
import { nanosToDecimalString } from '../../src/domain/money';
import { FakeAwsCostExplorer } from '../fakes/fake-aws-ce';
import { generateRows, nanosOf } from '../fakes/fake-cost-rows';
import { dropDatabaseAt, testDbUri } from '../support/mongo';

const today = fromDate(new Date());
const uri = testDbUri('clisync');
let fake: FakeAwsCostExplorer;

function cli(env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => void out.push(t), err: (t) => void err.push(t), isTTY: false, exit: () => undefined, stdin: Readable.from([]), stdinIsTTY: false,
    env: { MONGODB_URI: uri, PENNY_SOURCES: 'aws', PENNY_BACKFILL_DAYS: '10', PENNY_SYNC_REVISE_DAYS: '2', ...env },
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

beforeAll(async () => {
  fake = await new FakeAwsCostExplorer().start();
  fake.pageSize = 50;
  fake.rows = generateRows({
    from: addDays(today, -20), days: 20, accounts: [{ id: '111111111111', name: 'prod-core' }, { id: '222222222222', name: 'sandbox' }],
    services: ['Amazon Elastic Compute Cloud - Compute', 'Amazon Simple Storage Service', 'AWS Lambda'], regions: ['us-east-1', 'eu-west-1'],
    extras: ['credit', 'tax'], distinctEffective: true,
  });
  Object.assign(process.env, { AWS_ENDPOINT_URL_COST_EXPLORER: fake.url, AWS_ACCESS_KEY_ID: fake.accessKeyId, AWS_SECRET_ACCESS_KEY: 'test-secret', AWS_REGION: 'us-east-1' });
});
afterAll(async () => {
  await fake.close();
  await dropDatabaseAt(uri);
});

const billedBetween = (from: string, to: string) => fake.rows.filter((r) => r.day >= from && r.day <= to).reduce((sum, r) => sum + nanosOf(r.billed), 0n);

describe('penny sync', () => {
  it('backfills PENNY_BACKFILL_DAYS up to yesterday, prints the JSON contract, and stores exact totals', async () => {
    const t = cli();
    expect(await run(['sync', '--json'], t.io)).toBe(0);
    const json = JSON.parse(t.out());
    const from = addDays(today, -10);
    const to = addDays(today, -1);
    expect(json.runs).toEqual([{ source: 'aws', from, to, status: 'ok', rows: expect.any(Number), requests: fake.requests.length, errors: [] }]);
    expect(json.runs[0].rows).toBeGreaterThan(0);
    expect(json.usage.aws).toEqual({ today: fake.requests.length, month: expect.any(Number), cap: 1000 });

    const cost = cli();
    expect(await run(['cost', '--from', from, '--to', to, '--json'], cost.io)).toBe(0);
    expect(JSON.parse(cost.out()).total).toBe(nanosToDecimalString(billedBetween(from, to)));
  });

  it('a later sync fetches only the days clouds revise, and an explicit window exactly that', async () => {
    const later = cli();
    expect(await run(['sync', '--json'], later.io)).toBe(0);
    expect(JSON.parse(later.out()).runs[0]).toMatchObject({ from: addDays(today, -2), to: addDays(today, -1), status: 'ok' });

    const explicit = cli();
    const from = addDays(today, -15);
    const to = addDays(today, -12);
    expect(await run(['sync', '--from', from, '--to', to, '--json'], explicit.io)).toBe(0);
    expect(JSON.parse(explicit.out()).runs[0]).toMatchObject({ source: 'aws', from, to, status: 'ok' });
    const cost = cli();
    expect(await run(['cost', '--from', from, '--to', addDays(today, -1), '--json'], cost.io)).toBe(0);
    expect(JSON.parse(cost.out()).total).toBe(nanosToDecimalString(billedBetween(from, to) + billedBetween(addDays(today, -10), addDays(today, -1))));
  });

  it.each([
    [['sync', '--source', 'gcp'], /gcp is not in PENNY_SOURCES/],
    [['sync', '--source', 'ibm'], /--source must be aws, gcp or azure/],
    [['sync', '--from', '2026-01-01'], /--from and --to go together/],
    [['sync', '--from', 'yesterday', '--to', '2026-01-02'], /--from must be a day/],
  ])('%j is a usage error (exit 2) that names the mistake', async (argv, message) => {
    const t = cli();
    expect(await run(argv, t.io)).toBe(2);
    expect(t.err()).toMatch(message);
  });

  it('says how to enable a source when none is', async () => {
    const t = cli({ PENNY_SOURCES: '' });
    expect(await run(['sync'], t.io)).toBe(2);
    expect(t.err()).toMatch(/Set PENNY_SOURCES/);
  });
});
