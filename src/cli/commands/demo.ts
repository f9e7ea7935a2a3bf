import { createReadStream, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import type { Core } from '../../composition';
import { addDays } from '../../domain/days';
import { parsePeriod } from '../../domain/period';
import { clipToData } from '../../services/cost-answers';
import { syncSource } from '../../services/source-sync';
import { costTable } from '../cost-output';
import { EXIT, withCore, type CliIo } from '../runtime';
import { startConsole } from './console';

/** The anonymized FOCUS sample shipped with Penny (CC BY 4.0, see data/focus_sample.LICENSE.md). */
export const FOCUS_SAMPLE_PATH = resolve(__dirname, '../../../data/focus_sample.csv');

interface DemoState {
  anchor: string;
  loadedUntil: string; // exclusive
}

export function demoCommand(io: CliIo): Command {
  return new Command('demo')
    .description('Load the demo dataset (13 months, 3 clouds) and the FOCUS sample, then show a summary')
    .option('--no-console', 'do not open the /cost console at the end')
    .action(async (opts: { console: boolean }) => {
      io.exit(await runDemo(io, opts.console));
    });
}

export async function runDemo(io: CliIo, withConsole = true): Promise<number> {
  return withCore(io, async (core) => {
    await loadDemoData(core, io);
    io.out(`\n${await demoSummary(core)}\n`);
    io.out('\nFrom the shell: npx penny cost last month --by service   ·   npx penny cost 2024-09 --by provider (the FOCUS sample)   ·   npx penny recommend\n\n');
    return withConsole ? startConsole(core, io) : EXIT.ok;
  });
}

export async function loadDemoData(core: Core, io: CliIo): Promise<void> {
  const today = core.costs.today();
  // 13 months of history before today (the demo source's own default history).
  const firstDay = addDays(today, -396);
  const state = (await core.meta.get<DemoState>('demo.state')) ?? { anchor: today, loadedUntil: firstDay };
  const source = core.demoSource(state.anchor);
  const range = { start: state.loadedUntil, end: today };
  if (range.start < range.end) {
    io.err(`Loading demo costs for ${range.start} to ${today}…\n`);
    const result = await syncSource(core.store, source, range, (n) => {
      if (io.isTTY) io.err(`\r\u001b[K  ${n.toLocaleString('en-US')} daily records written`);
    });
    if (io.isTTY) io.err('\r\u001b[K');
    io.err(`  ${result.records.toLocaleString('en-US')} daily records stored.\n`);
    await core.meta.set<DemoState>('demo.state', { anchor: state.anchor, loadedUntil: today });
  }
  if (!(await core.meta.get<boolean>('demo.focusSample'))) {
    const summary = await core.imports.import([{ name: 'focus_sample.csv', size: statSync(FOCUS_SAMPLE_PATH).size, open: () => createReadStream(FOCUS_SAMPLE_PATH) }]);
    io.err(`Imported the FOCUS sample: ${summary.imported} rows into ${summary.records} daily records (September 2024).\n`);
    await core.meta.set('demo.focusSample', true);
  }
}

export async function demoSummary(core: Core): Promise<string> {
  const period = clipToData(parsePeriod('this month', core.costs.today()), await core.answers.freshness());
  const mtd = await core.answers.breakdown({ period, compare: true, groupBy: 'provider' });
  const top = await core.answers.breakdown({ period, groupBy: 'service' });
  top.currencies.forEach((c) => c.groups.splice(10));
  return `${costTable(mtd)}\n\nTop services\n${costTable(top)}`;
}
