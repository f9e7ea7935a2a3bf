/**
 * One answer, many faces: the same questions asked through Slack (signed /cost requests into the
 * running app), the local console and `penny cost --json` give the same numbers, and those
 * numbers are the FOCUS oracle's (an independent decimal reading of the sample CSV).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { run } from '../../src/cli/main';
import { runConsole } from '../../src/console/console';
import { decimalToNanos } from '../../src/domain/money';
import { withinMicro } from '../support/focus-oracle';
import { focusGroups, focusTotal, usd, type OracleGroup } from '../support/oracles';
import { blockText, useE2E } from './harness';

const app = useE2E();
let chartDir: string;
beforeAll(() => {
  chartDir = mkdtempSync(join(tmpdir(), 'penny-parity-'));
});
afterAll(() => rmSync(chartDir, { recursive: true, force: true }));

/** The questions, each with the oracle's answer: the total and the groups in order. */
const QUESTIONS: { slack: string; cli: string[]; by: 'service' | 'account' | 'provider' | 'region' }[] = [
  { slack: 'top service 2024-09', cli: ['cost', '2024-09', '--by', 'service'], by: 'service' },
  { slack: 'top account last month', cli: ['cost', '--from', '2024-09-01', '--to', '2024-09-30', '--by', 'account'], by: 'account' },
  { slack: 'top provider 2024-09', cli: ['cost', '2024-09', '--by', 'provider'], by: 'provider' },
  { slack: 'top region 2024-09', cli: ['cost', '2024-09', '--by', 'region'], by: 'region' },
];

async function askConsole(text: string): Promise<string> {
  let out = '';
  const output = new Writable({ write: (c: Buffer, _e, done) => void ((out += c.toString()), done()) });
  const core = app().penny.core;
  await runConsole({ router: core.router, charts: core.charts('local'), input: Readable.from([`/cost ${text}\n`]), output, outputDir: chartDir });
  return out;
}

async function askCli(argv: string[]): Promise<{ total: string; groups: { key: string; cost: string }[] }> {
  const out: string[] = [];
  const code = await run([...argv, '--json'], {
    out: (t) => void out.push(t), err: () => undefined, isTTY: false, env: { MONGODB_URI: app().dbUri }, exit: () => undefined, stdin: Readable.from([]), stdinIsTTY: false,
  });
  expect(code).toBe(0);
  return JSON.parse(out.join(''));
}

/** Providers show by name in Slack and the console, by id in JSON; a region's name varies between rows of the sample, so any is fine. */
const NAMES: Record<string, string> = { aws: 'AWS', azure: 'Azure', oci: 'Oracle Cloud' };
const shown = (g: OracleGroup, by: string) => (by === 'provider' ? escape(NAMES[g.key] ?? g.key) : by === 'region' ? '[^\\n]*' : escape(g.label || '(none)'));

describe.each(QUESTIONS)('$slack', ({ slack, cli, by }) => {
  const oracle = focusGroups(by);
  const top = oracle.slice(0, 3);

  it('Slack shows the oracle total and top groups', async () => {
    const { answer } = await app().cost(slack);
    const text = blockText(answer!.blocks);
    expect(text).toContain(usd(focusTotal()));
    top.forEach((g, i) => expect(text).toMatch(new RegExp(`${i + 1}\\. ${shown(g, by)}[^—]*— \\*${escape(usd(g.amount))}\\*`)));
  });

  it('the console shows the same', async () => {
    const text = await askConsole(slack);
    expect(text).toContain(usd(focusTotal()));
    top.forEach((g, i) => expect(text).toMatch(new RegExp(`${i + 1}\\. ${shown(g, by)}[^—]*— ${escape(usd(g.amount))}`)));
  });

  // The store keeps each daily record in nano-units, so its sums may differ from the oracle's
  // single rounding by a few nanos: equal within a millionth of a dollar, and in the same order.
  it('penny cost --json gives the same groups, to a millionth of a dollar', async () => {
    const json = await askCli(cli);
    const near = (decimal: string, nanos: bigint) => withinMicro(decimalToNanos(decimal)!, nanos * 1000n);
    expect(near(json.total, focusTotal())).toBe(true);
    expect(json.groups.map((g) => g.key)).toEqual(oracle.map((g) => g.key));
    json.groups.forEach((g, i) => expect([g.key, near(g.cost, oracle[i]!.amount)]).toEqual([g.key, true]));
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
