/**
 * The local console: the same /cost text as Slack, answered as text, charts saved as PNGs.
 */
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { openCore, type Core } from '../../src/composition';
import { loadConfig } from '../../src/config/config';
import { runConsole } from '../../src/console/console';
import { formatMoney } from '../../src/domain/money';
import { fixedClock } from '../../src/ports/clock';
import { dropDatabaseAt, testDbUri } from '../support/mongo';
import { focusGroups, usd } from '../support/oracles';
import { recordingLogger } from '../support/silent-logger';

let core: Core;
const dbUri = testDbUri('console');
const dir = mkdtempSync(join(tmpdir(), 'penny-console-'));
beforeAll(async () => {
  core = await openCore(loadConfig({ MONGODB_URI: dbUri }), recordingLogger(), fixedClock('2024-10-02T12:00:00Z'));
  await core.imports.import([{ name: 'focus_sample.csv', open: () => createReadStream(resolve(__dirname, '../../data/focus_sample.csv')) }]);
}, 60_000);
afterAll(async () => {
  await core.close();
  await dropDatabaseAt(dbUri);
  rmSync(dir, { recursive: true, force: true });
});

it('answers typed /cost commands as text and saves charts and reports as files', async () => {
  let out = '';
  const output = new Writable({ write: (c: Buffer, _e, done) => void ((out += c.toString()), done()) });
  const input = Readable.from(['/cost summary last month\n', 'top provider 2024-09\n', '/cost report monthly json\n', '/cost frobnicate\n', 'exit\n', '/cost help\n']);
  const answered = await runConsole({ router: core.router, charts: core.charts('local'), input, output, outputDir: dir });
  expect(answered).toBe(4); // stops at "exit"
  const september = await core.costs.query({ period: { range: { start: '2024-09-01', end: '2024-10-01' }, label: '', kind: 'month' } });
  expect(out).toContain(formatMoney(september.breakdown.currencies[0]!.total, 'USD'));
  expect(out).toMatch(/AWS/);
  const chart = /Chart: (\S+\.png)/.exec(out)?.[1];
  expect(chart && existsSync(chart)).toBe(true);
  expect(readFileSync(chart!).subarray(1, 4).toString()).toBe('PNG');
  const report = /as JSON: (\S+\.json)/.exec(out)?.[1];
  expect(JSON.parse(readFileSync(report!, 'utf8'))).toBeDefined();
  // Words that are no command go to the plain-language answerer, which says what it does not know.
  expect(out).toMatch(/I don't know "frobnicate"/);
  expect(out).toContain('Questions I can answer:');
});

it('prints each chart path once, one file per chart, and answers a question in plain words', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'penny-console-'));
  let out = '';
  const output = new Writable({ write: (c: Buffer, _e, done) => void ((out += c.toString()), done()) });
  const lines = ['/cost top service 2024-09', '/cost top service 2024-09 provider:aws', '/cost how much did we spend on EC2 last month?'];
  await runConsole({ router: core.router, charts: core.charts('local'), input: Readable.from(lines.map((l) => `${l}\n`)), output, outputDir: dir });
  const answers = out.split(/\n(?=Top services · |EC2 \()/).slice(1);
  expect(answers).toHaveLength(3);
  const paths = answers.slice(0, 2).map((a) => {
    const found = [...a.matchAll(/Chart: (\S+\.png)/g)].map((m) => m[1]!);
    expect(found).toHaveLength(1); // once per answer
    expect(a.split(found[0]!).length - 1).toBe(1); // and the path nowhere else
    return found[0]!;
  });
  // The filtered answer has a file of its own, named after its filter: the unfiltered one is not overwritten.
  expect(paths[0]).toMatch(/penny-chart-top-services-september-2024-[0-9a-f]{8}\.png$/);
  expect(paths[1]).toMatch(/penny-chart-top-services-september-2024-provider-aws-[0-9a-f]{8}\.png$/);
  expect(paths.every((p) => existsSync(p))).toBe(true);
  // The EC2 total from the independent reading of the sample, not from the query engine.
  const ec2 = focusGroups('service').find((g) => g.key === 'Amazon Elastic Compute Cloud')!;
  expect(answers[2]).toMatch(new RegExp(`^EC2 \\(Amazon Elastic Compute Cloud\\) costs for September 2024: \\${usd(ec2.amount)}\\.`));
  expect(answers[2]).toContain('Queried: September 2024 (Sep 1 – Sep 30, 2024) · service Amazon Elastic Compute Cloud');
});

