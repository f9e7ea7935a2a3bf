/**
 * The `penny` CLI contract, run in-process against the real test server. Every test arranges
 * its own data, so any one of them can run alone (`-t`).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { buildProgram, run } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/runtime';
import { todayIn } from '../../src/domain/days';
import { dropDatabaseAt, testDbUri } from '../support/mongo';

const SAMPLE = resolve(__dirname, '../../data/focus_sample.csv');
/** Nothing listens here: a command that reaches the database with it fails with exit 1, not 2. */
const NO_SERVER = 'mongodb://127.0.0.1:1/never';

const tmp = mkdtempSync(join(tmpdir(), 'penny-cli-'));
const databases: string[] = [];

afterAll(async () => {
  for (const uri of databases) await dropDatabaseAt(uri);
  rmSync(tmp, { recursive: true, force: true });
});

function io(env: NodeJS.ProcessEnv, isTTY = false) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t), isTTY, env: { PENNY_SECRETS_DIR: '/nonexistent', ...env }, exit: () => undefined, stdin: Readable.from([]), stdinIsTTY: false };
  return { cli, out: () => out.join(''), err: () => err.join('') };
}

/** A new, empty database of the test's own. */
function freshDb(label: string): string {
  const uri = testDbUri(label);
  databases.push(uri);
  return uri;
}

/** A database holding the FOCUS sample. Tests only read it, so it is imported once, by whichever test asks first. */
let sample: Promise<string> | undefined;
function sampleDb(): Promise<string> {
  sample ??= (async () => {
    const uri = freshDb('cli_sample');
    const t = io({ MONGODB_URI: uri });
    if ((await run(['import', SAMPLE], t.cli)) !== 0) throw new Error(`importing the sample failed: ${t.err()}`);
    return uri;
  })();
  return sample;
}

describe('penny import', () => {
  it('prints the JSON contract and exits 0', async () => {
    const t = io({ MONGODB_URI: freshDb('cli_import') });
    expect(await run(['import', SAMPLE, '--json'], t.cli)).toBe(0);
    const json = JSON.parse(t.out());
    expect(json).toMatchObject({ rows: 1000, imported: 1000, rejected: 0, errors: [], written: true });
    expect(json.records).toBeGreaterThan(900);
  });

  it('shows progress on a terminal, and exits 3 naming rejected lines', async () => {
    const uri = freshDb('cli_partial');
    expect(await run(['import', SAMPLE], io({ MONGODB_URI: uri }).cli)).toBe(0);
    const lines = readFileSync(SAMPLE, 'utf8').split('\n');
    lines[6] = lines[6]!.replace(/^NULL,[0-9.]+,/, 'NULL,1.2.3,');
    writeFileSync(join(tmp, 'bad.csv'), lines.join('\n'));
    const t = io({ MONGODB_URI: uri }, true);
    expect(await run(['import', join(tmp, 'bad.csv')], t.cli)).toBe(3);
    expect(t.err()).toContain('Reading bad.csv');
    expect(t.out()).toContain('999 imported, 1 rejected');
    expect(t.out()).toContain('line 7: BilledCost "1.2.3" is not a number');
    expect(t.out()).toMatch(/0 new, 0 changed, \d+ already stored/);
  });
});

describe('penny import refuses a file before the database starts (exit 2)', () => {
  const folder = join(tmp, 'a-folder');
  const empty = join(tmp, 'empty.csv');
  const notFocus = join(tmp, 'not-focus.csv');
  beforeAll(() => {
    mkdirSync(folder, { recursive: true });
    writeFileSync(empty, '');
    writeFileSync(notFocus, 'date,amount\n2024-09-01,5\n');
  });

  it.each([
    [['/nonexistent.csv'], 'penny: cannot read /nonexistent.csv: no such file\n'],
    [[folder], `penny: cannot read ${folder}: it is a folder\n`],
    [['/bin/ls'], 'penny: /bin/ls does not look like a FOCUS file: it is binary data, not CSV text.\n'],
    [[empty], `penny: ${empty} does not look like a FOCUS file: it is empty.\n`],
    [[notFocus], `penny: ${notFocus} does not look like a FOCUS file: its header lacks BilledCost, BillingCurrency, ChargePeriodStart, ChargeCategory, ProviderName.\n`],
    [[SAMPLE, '/bin/ls'], 'penny: /bin/ls does not look like a FOCUS file: it is binary data, not CSV text.\n'],
  ])('%j: names the file in plain words', async (paths, message) => {
    const t = io({ MONGODB_URI: NO_SERVER });
    expect(await run(['import', ...paths], t.cli)).toBe(2);
    expect(t.err()).toBe(message);
    expect(t.out()).toBe('');
  });

  it('does not even start the embedded database', async () => {
    const dataDir = join(tmp, 'never-started');
    const t = io({ PENNY_DATA_DIR: dataDir });
    expect(await run(['import', '/bin/ls'], t.cli)).toBe(2);
    expect(existsSync(dataDir)).toBe(false);
  });
});

describe('penny cost', () => {
  it('prints the JSON contract with exact decimal strings, inclusive "to", groups by cost', async () => {
    const t = io({ MONGODB_URI: await sampleDb() });
    expect(await run(['cost', '2024-09', '--by', 'provider', '--json'], t.cli)).toBe(0);
    const json = JSON.parse(t.out());
    expect(json).toMatchObject({ from: '2024-09-01', to: '2024-09-30', metric: 'billed', currency: 'USD', total: '20.520226737' });
    expect(json.groups.map((g: { key: string }) => g.key)).toEqual(['aws', 'azure', 'oci']);
    expect(json.groups[0]).toMatchObject({ key: 'aws', label: 'AWS', cost: expect.stringMatching(/^18\.0\d+$/) });
  });

  it('takes --from/--to, filters, metric, credits and comparison', async () => {
    const uri = await sampleDb();
    const t = io({ MONGODB_URI: uri });
    expect(await run(['cost', '--from', '2024-09-01', '--to', '2024-09-30', '--service', 'ec2', '--exclude-credits', '--metric', 'list', '--by', 'day', '--compare', '--json'], t.cli)).toBe(0);
    const json = JSON.parse(t.out());
    expect(json.filters).toEqual([{ dim: 'service', input: 'ec2', matched: ['Amazon Elastic Compute Cloud'] }]);
    expect(json.metric).toBe('list');
    expect(json.groups.map((g: { key: string }) => g.key)).toEqual([...json.groups.map((g: { key: string }) => g.key)].sort());
    expect(json.previous).toMatchObject({ from: '2024-08-01', to: '2024-08-31' });
    const credits = io({ MONGODB_URI: uri });
    expect(await run(['cost', '2024-09', '--category', 'credit', '--json'], credits.cli)).toBe(0);
    expect(JSON.parse(credits.out()).total).toBe('-2.6137');
  });

  it('prints a readable table', async () => {
    const t = io({ MONGODB_URI: await sampleDb() });
    expect(await run(['cost', 'september', '2024', '--by', 'service'], t.cli)).toBe(0);
    expect(t.out()).toContain('September 2024 · billed cost');
    expect(t.out()).toMatch(/Amazon Elastic Compute Cloud\s+\$16\.04/);
    expect(t.out()).toMatch(/TOTAL\s+\$20\.52/);
  });

  it('prints just the total without --by: no dimension name, no share column', async () => {
    const t = io({ MONGODB_URI: await sampleDb() });
    expect(await run(['cost', '2024-09'], t.cli)).toBe(0);
    expect(t.out()).toMatch(/^\s+COST$/m);
    expect(t.out()).toMatch(/^TOTAL\s+\$20\.52$/m);
    expect(t.out()).not.toContain('SHARE');
  });

  it('reads "today" in PENNY_TIMEZONE', async () => {
    const zone = 'Pacific/Kiritimati'; // UTC+14: its today is often not UTC's
    const before = todayIn(zone, new Date());
    const t = io({ MONGODB_URI: freshDb('cli_today'), PENNY_TIMEZONE: zone });
    expect(await run(['cost', 'today', '--json'], t.cli)).toBe(0);
    expect([before, todayIn(zone, new Date())]).toContain(JSON.parse(t.out()).from);
  });

  it.each([
    [['cost', 'fortnight'], /^penny: I can't read the period "fortnight".*last month/],
    [['cost', '2024-09', '--by', 'colour'], /^penny: I can't group by "colour"/],
    [['cost', '2024-09', '--metric', 'amortized'], /^penny: --metric must be billed, effective or list, not "amortized"/],
    [['cost', '--from', '2024-09-01'], /^penny: --from and --to go together/],
    [['cost', '--from', '2024-09-01', '--to', '2024-09-31'], /^penny: I can't read the period "2024-09-01..2024-09-31"/],
    [['cost', '2024-09', '--tag', 'nokey'], /^penny: A tag filter looks like KEY=VALUE/],
    [['cost', '2024-09', '--category', 'fees'], /^penny: "fees" is not a charge category/],
    [['cost', '2024-09', '--currency', 'dollars'], /^penny: --currency takes a three-letter currency code/],
  ])('%j is a usage error (exit 2), found before the database starts', async (argv, message) => {
    const t = io({ MONGODB_URI: NO_SERVER });
    expect(await run(argv, t.cli)).toBe(2);
    expect(t.err()).toMatch(message);
    expect(t.err()).not.toMatch(/\bat \w+ \(/); // no stack trace
  });

  it('is a usage error (exit 2) to name a service that is not in the costs', async () => {
    const t = io({ MONGODB_URI: await sampleDb() });
    expect(await run(['cost', '2024-09', '--service', 'ec3'], t.cli)).toBe(2);
    expect(t.err()).toMatch(/^penny: I don't see any service called "ec3"/);
  });

  it('is a usage error (exit 2) to give an unknown option', async () => {
    const t = io({ MONGODB_URI: NO_SERVER });
    expect(await run(['cost', '--frobnicate'], t.cli)).toBe(2);
    expect(t.err()).toContain("unknown option '--frobnicate'");
  });

  it('names the bad setting, and that is a failure (exit 1), not a usage error', async () => {
    const t = io({ MONGODB_URI: NO_SERVER, PENNY_TIMEZONE: 'Nowhere/Land' });
    expect(await run(['cost'], t.cli)).toBe(1);
    expect(t.err()).toContain('PENNY_TIMEZONE must be an IANA time zone');
  });
});

describe('penny --help', () => {
  const program = buildProgram(io({}).cli);
  const commands = [program, ...program.commands];

  it.each(commands.map((cmd) => [cmd.name(), cmd] as const))('%s: no "(default: [])", and no default said twice', (_name, cmd) => {
    const help = cmd.createHelp();
    for (const option of cmd.options) {
      const text = help.optionDescription(option);
      expect(text).not.toContain('(default: [])');
      expect(text.match(/default/g)?.length ?? 0).toBeLessThanOrEqual(1);
    }
    expect(cmd.helpInformation()).not.toContain('(default: [])');
  });
});
