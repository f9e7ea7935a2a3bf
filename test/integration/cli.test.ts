/**
 * The `penny` CLI contract, run in-process against the real test server.
 */
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { run } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/runtime';
import { connectMongo } from '../../src/store/connection';
import { testDbUri } from '../support/mongo';

const SAMPLE = resolve(__dirname, '../../data/focus_sample.csv');
const uri = testDbUri('cli');

function io(env: NodeJS.ProcessEnv = {}, isTTY = false) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t), isTTY, env: { MONGODB_URI: uri, ...env }, exit: () => undefined, stdin: Readable.from([]), stdinIsTTY: false };
  return { cli, out: () => out.join(''), err: () => err.join('') };
}

afterAll(async () => {
  const conn = await connectMongo(uri);
  await conn.dropDatabase();
  await conn.close();
});

describe('penny import', () => {
  it('prints the JSON contract and exits 0', async () => {
    const t = io();
    expect(await run(['import', SAMPLE, '--json'], t.cli)).toBe(0);
    const json = JSON.parse(t.out());
    expect(json).toMatchObject({ rows: 1000, imported: 1000, rejected: 0, errors: [], written: true });
    expect(json.records).toBeGreaterThan(900);
  });

  it('shows progress on a terminal, and exits 3 naming rejected lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'penny-cli-'));
    const lines = readFileSync(SAMPLE, 'utf8').split('\n');
    lines[6] = lines[6]!.replace(/^NULL,[0-9.]+,/, 'NULL,1.2.3,');
    writeFileSync(join(dir, 'bad.csv'), lines.join('\n'));
    const t = io({}, true);
    expect(await run(['import', join(dir, 'bad.csv')], t.cli)).toBe(3);
    expect(t.err()).toContain('Reading bad.csv');
    expect(t.out()).toContain('999 imported, 1 rejected');
    expect(t.out()).toContain('line 7: BilledCost "1.2.3" is not a number');
    expect(t.out()).toMatch(/0 new, 0 changed, \d+ already stored/);
  });

  it('says clearly when a file cannot be read', async () => {
    const t = io();
    expect(await run(['import', '/nonexistent/file.csv'], t.cli)).toBe(1);
    expect(t.err()).toMatch(/penny: Cannot read \/nonexistent\/file.csv: no such file or directory/);
  });
});

describe('penny cost', () => {
  it('prints the JSON contract with exact decimal strings, inclusive "to", groups by cost', async () => {
    const t = io();
    expect(await run(['cost', '2024-09', '--by', 'provider', '--json'], t.cli)).toBe(0);
    const json = JSON.parse(t.out());
    expect(json).toMatchObject({ from: '2024-09-01', to: '2024-09-30', metric: 'billed', currency: 'USD', total: '20.520226737' });
    expect(json.groups.map((g: { key: string }) => g.key)).toEqual(['aws', 'azure', 'oci']);
    expect(json.groups[0]).toMatchObject({ key: 'aws', label: 'AWS', cost: expect.stringMatching(/^18\.0\d+$/) });
  });

  it('takes --from/--to, filters, metric, credits and comparison', async () => {
    const t = io();
    await run(['cost', '--from', '2024-09-01', '--to', '2024-09-30', '--service', 'ec2', '--exclude-credits', '--metric', 'list', '--by', 'day', '--compare', '--json'], t.cli);
    const json = JSON.parse(t.out());
    expect(json.filters).toEqual([{ dim: 'service', input: 'ec2', matched: ['Amazon Elastic Compute Cloud'] }]);
    expect(json.metric).toBe('list');
    expect(json.groups.map((g: { key: string }) => g.key)).toEqual([...json.groups.map((g: { key: string }) => g.key)].sort());
    expect(json.previous).toMatchObject({ from: '2024-08-01', to: '2024-08-31' });
    const credits = io();
    await run(['cost', '2024-09', '--category', 'credit', '--json'], credits.cli);
    expect(JSON.parse(credits.out()).total).toBe('-2.6137');
  });

  it('prints a readable table', async () => {
    const t = io();
    expect(await run(['cost', 'september', '2024', '--by', 'service'], t.cli)).toBe(0);
    expect(t.out()).toContain('September 2024 · billed cost');
    expect(t.out()).toMatch(/Amazon Elastic Compute Cloud\s+\$16\.04/);
    expect(t.out()).toMatch(/TOTAL\s+\$20\.52/);
  });

  it('prints just the total without --by: no dimension name, no share column', async () => {
    const t = io();
    expect(await run(['cost', '2024-09'], t.cli)).toBe(0);
    expect(t.out()).toMatch(/^\s+COST$/m);
    expect(t.out()).toMatch(/^TOTAL\s+\$20\.52$/m);
    expect(t.out()).not.toContain('SHARE');
  });

  it.each([
    [['cost', 'fortnight'], /can't read the period "fortnight".*last month/],
    [['cost', '2024-09', '--service', 'ec3'], /don't see any service called "ec3"/],
    [['cost', '2024-09', '--by', 'colour'], /can't group by "colour"/],
    [['cost', '2024-09', '--metric', 'amortized'], /--metric must be billed, effective or list/],
    [['cost', '--from', '2024-09-01'], /--from and --to go together/],
    [['cost', '2024-09', '--tag', 'nokey'], /KEY=VALUE/],
  ])('%j fails with a specific message and exit 1', async (argv, message) => {
    const t = io();
    expect(await run(argv, t.cli)).toBe(1);
    expect(t.err()).toMatch(message);
    expect(t.err()).not.toMatch(/\bat \w+ \(/); // no stack trace
  });

  it('names the bad setting', async () => {
    const t = io({ PENNY_TIMEZONE: 'Nowhere/Land' });
    expect(await run(['cost'], t.cli)).toBe(1);
    expect(t.err()).toContain('PENNY_TIMEZONE must be an IANA time zone');
  });

  it('is a usage error (exit 2) to give an unknown option', async () => {
    const t = io();
    expect(await run(['cost', '--frobnicate'], t.cli)).toBe(2);
    expect(t.err()).toContain("unknown option '--frobnicate'");
  });
});
