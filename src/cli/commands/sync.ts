/**
 * `penny sync [--source aws|gcp|azure] [--from YYYY-MM-DD --to YYYY-MM-DD] [--json]`: syncs the
 * enabled cloud sources now. Exit 0 when every run is ok, 3 when some days failed, 1 when a run
 * failed; the JSON is the same either way.
 */
import { Command } from 'commander';
import type { SourceSyncStatus } from '../../answers/types';
import { fromDate, isDay } from '../../domain/days';
import { AppError } from '../../domain/errors';
import { systemClock } from '../../ports/clock';
import type { ExplicitWindow, SyncProgress, SyncReport } from '../../services/cloud-sync';
import { checkThenRun } from '../checked-command';
import { EXIT, type CliIo } from '../runtime';
import { renderTable } from '../text-table';

interface SyncOptions {
  source?: string;
  from?: string;
  to?: string;
  json?: boolean;
}

export function syncCommand(io: CliIo): Command {
  return new Command('sync')
    .description('Sync costs from the cloud sources in PENNY_SOURCES now (first sync: PENNY_BACKFILL_DAYS; later: the recent days clouds revise)')
    .option('--source <id>', 'only this source: aws, gcp or azure')
    .option('--from <YYYY-MM-DD>', 'first day to fetch (with --to)')
    .option('--to <YYYY-MM-DD>', 'last day to fetch, inclusive, before today (with --from)')
    .option('--json', 'print {"runs": [...]} as JSON')
    .action(async (opts: SyncOptions) => {
      io.exit(await runSync(io, opts));
    });
}

interface CheckedSync {
  sources: string[];
  window?: ExplicitWindow;
}

export function checkSync(enabled: readonly string[], opts: SyncOptions, today: string): CheckedSync {
  if (enabled.length === 0) throw new AppError('NOT_CONFIGURED', 'No cloud source is enabled. Set PENNY_SOURCES to a comma list of aws, gcp and azure (the README lists what each needs).');
  if (opts.source !== undefined && !['aws', 'gcp', 'azure'].includes(opts.source)) throw new AppError('QUERY_INVALID', `--source must be aws, gcp or azure, not "${opts.source}".`);
  if (opts.source !== undefined && !enabled.includes(opts.source)) throw new AppError('NOT_CONFIGURED', `${opts.source} is not in PENNY_SOURCES (${enabled.join(', ')}).`);
  const sources = opts.source ? [opts.source] : [...enabled];
  if (opts.from === undefined && opts.to === undefined) return { sources };
  if (!opts.from || !opts.to) throw new AppError('QUERY_INVALID', '--from and --to go together; give both (YYYY-MM-DD, --to inclusive).');
  for (const [flag, day] of [['--from', opts.from], ['--to', opts.to]] as const) {
    if (!isDay(day)) throw new AppError('QUERY_INVALID', `${flag} must be a day like 2026-11-01, not "${day}".`);
  }
  if (opts.from > opts.to) throw new AppError('QUERY_INVALID', '--from must not be after --to.');
  if (opts.to >= today) throw new AppError('QUERY_INVALID', `--to must be a day before today (${today} UTC): today's costs are not in yet.`);
  return { sources, window: { from: opts.from, to: opts.to } };
}

export async function runSync(io: CliIo, opts: SyncOptions): Promise<number> {
  return checkThenRun(
    io,
    // Cloud days are UTC days, whatever PENNY_TIMEZONE says.
    ({ config }) => checkSync(config.cloud.sources, opts, fromDate(systemClock.now())),
    async (core, checked) => {
      const sources = core.cloudSources().filter((s) => checked.sources.includes(s.id));
      const progress = io.isTTY && !opts.json ? progressPrinter(io) : undefined;
      const report = await core.sync.sync(sources, { window: checked.window, onProgress: progress });
      if (progress) io.err('\r\u001b[K');
      const status = await core.sync.status(checked.sources);
      io.out(opts.json ? `${JSON.stringify(syncJson(report, status))}\n` : syncText(report, status));
      if (report.runs.some((r) => r.status === 'failed')) return EXIT.failed;
      return report.runs.some((r) => r.status === 'partial') ? EXIT.partial : EXIT.ok;
    },
  );
}

/** The contract: {"runs": [{source, from, to, status, rows, requests, errors}]}, plus billed-request usage per source. */
export function syncJson(report: SyncReport, status: readonly SourceSyncStatus[]): Record<string, unknown> {
  const usage = Object.fromEntries(status.filter((s) => s.requests).map((s) => [s.source, s.requests]));
  return { runs: report.runs, ...(Object.keys(usage).length > 0 ? { usage } : {}) };
}

function syncText(report: SyncReport, status: readonly SourceSyncStatus[]): string {
  const rows = report.runs.map((r) => [r.source, `${r.from} to ${r.to}`, r.status, r.rows.toLocaleString('en-US'), String(r.requests)]);
  const lines = [renderTable(['SOURCE', 'DAYS', 'STATUS', 'ROWS', 'REQUESTS'], rows)];
  for (const r of report.runs) for (const e of r.errors) lines.push(`  ${r.source}${e.from ? ` ${e.from}${e.to && e.to !== e.from ? `..${e.to}` : ''}` : ''}: ${e.message}${e.recovered ? ' (recovered)' : ''}`);
  for (const s of status) {
    if (s.requests) lines.push(`${s.source} API requests: ${s.requests.today} today, ${s.requests.month} this month${s.requests.cap !== undefined ? ` of ${s.requests.cap} allowed` : ''}.`);
  }
  return `${lines.join('\n')}\n`;
}

function progressPrinter(io: CliIo): (p: SyncProgress) => void {
  return (p) => io.err(`\r\u001b[KSyncing ${p.source}: ${p.daysDone}/${p.daysTotal} days, ${p.rows.toLocaleString('en-US')} rows, ${p.requests} requests`);
}
