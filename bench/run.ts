/**
 * `npm run bench`: prints a table and writes bench/results.json.
 *   --rows N    rows in the generated FOCUS file (default 1,000,000)
 *   --only p1,p2,p3,anomaly,scan,forecast   (P1 and P3 use the store P2 fills; "watchdog" means
 *               anomaly,scan,forecast, which need no database: `npm run bench -- --only watchdog`)
 *   --watchdog-series N   series per seed in the anomaly section (default 2,000)
 *   --watchdog-accounts N accounts per seed in the forecast section (default 150)
 * Sections that did not run keep their figures from the previous results.json.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { benchServer } from './bench-server';
import { runP1, type P1Result } from './p1-ack';
import { runP2, type P2Result } from './p2-import';
import { runP3, type P3Result } from './p3-query';
import { runWatchdog, WATCHDOG_SECTIONS, watchdogRows, type WatchdogResult } from './watchdog/watchdog-bench';

interface Args {
  rows: number;
  only: Set<string>;
  watchdogSeries: number;
  watchdogAccounts: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { rows: 1_000_000, only: new Set(['p1', 'p2', 'p3', ...WATCHDOG_SECTIONS]), watchdogSeries: 2000, watchdogAccounts: 150 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--rows') args.rows = Number(argv[++i]);
    else if (argv[i] === '--only') args.only = new Set(argv[++i]!.split(',').flatMap((s) => (s === 'watchdog' ? [...WATCHDOG_SECTIONS] : [s])));
    else if (argv[i] === '--watchdog-series') args.watchdogSeries = Number(argv[++i]);
    else if (argv[i] === '--watchdog-accounts') args.watchdogAccounts = Number(argv[++i]);
  }
  if (!Number.isInteger(args.rows) || args.rows < 1000) throw new Error('--rows must be a whole number of at least 1000');
  if (!Number.isInteger(args.watchdogSeries) || args.watchdogSeries < 100) throw new Error('--watchdog-series must be a whole number of at least 100');
  if (!Number.isInteger(args.watchdogAccounts) || args.watchdogAccounts < 10) throw new Error('--watchdog-accounts must be a whole number of at least 10');
  return args;
}

interface Results {
  at?: string;
  node?: string;
  cpus?: number;
  server?: string;
  p1?: P1Result;
  p2?: P2Result;
  p3?: P3Result;
  watchdog?: WatchdogResult;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function table(rows: [string, string, string, string][]): string {
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('   ')).join('\n');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const root = resolve(__dirname, '../../..');
  const resultsPath = join(root, 'bench', 'results.json');
  const previous = existsSync(resultsPath) ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as Results) : {};
  const results: Results = { ...previous };
  const ran = { p1: false, p2: false, p3: false };
  let watchdog: WatchdogResult | undefined;
  if (['p1', 'p2', 'p3'].some((p) => args.only.has(p))) {
    const server = await benchServer();
    Object.assign(results, { at: new Date().toISOString(), node: process.version, cpus: cpus().length, server: server.label });
    try {
      if (args.only.has('p2')) {
        results.p2 = await runP2(server.uri, args.rows, join(root, 'bench', '.work'));
        ran.p2 = true;
      }
      if (args.only.has('p3')) {
        results.p3 = await runP3(server.uri);
        ran.p3 = true;
      }
      if (args.only.has('p1')) {
        results.p1 = await runP1(server.uri);
        ran.p1 = true;
      }
    } finally {
      await server.stop();
    }
  }
  if (WATCHDOG_SECTIONS.some((s) => args.only.has(s))) {
    watchdog = runWatchdog(args.only, { series: args.watchdogSeries, accounts: args.watchdogAccounts }, (line) => process.stdout.write(`${line}\n`));
    results.watchdog = { ...previous.watchdog, ...watchdog, sectionsAt: { ...previous.watchdog?.sectionsAt, ...watchdog.sectionsAt } };
  }
  const lines: [string, string, string, string][] = [['benchmark', 'measured', 'goal', 'met']];
  const p1 = ran.p1 ? results.p1 : undefined;
  const p2 = ran.p2 ? results.p2 : undefined;
  const p3 = ran.p3 ? results.p3 : undefined;
  if (p1) {
    lines.push(['P1 ack, 50 concurrent /cost summary', `p50 ${fmt(p1.penny.p50, 1)} ms, p99 ${fmt(p1.penny.p99, 1)} ms`, 'p99 < 100 ms', p1.penny.p99 < 100 ? 'yes' : 'NO']);
    lines.push(['P1 ack / no-op Bolt handler (p99)', `${fmt(p1.ratioP99, 2)}x (no-op p50 ${fmt(p1.noop.p50, 1)}, p99 ${fmt(p1.noop.p99, 1)} ms)`, '<= 1.5x', p1.ratioP99 <= 1.5 ? 'yes' : 'NO']);
  }
  if (p2) {
    lines.push(['P2 import rows/s', `${fmt(p2.rowsPerSecond)} (${fmt(p2.rows)} rows, ${fmt(p2.csvMb)} MB, ${fmt(p2.importSeconds, 1)} s)`, '', '']);
    lines.push(['P2 import peak RSS', `${fmt(p2.peakRssMb)} MB`, '< 300 MB', p2.peakRssMb < 300 ? 'yes' : 'NO']);
    lines.push(['P2 import / raw insertMany', `${fmt(p2.ratio, 2)}x (${fmt(p2.importSeconds, 1)} s vs ${fmt(p2.rawInsertManySeconds, 1)} s)`, '<= 1.5x', p2.ratio <= 1.5 ? 'yes' : 'NO']);
  }
  if (p3) {
    lines.push(['P3 month by service, engine', `p50 ${fmt(p3.engine.p50, 1)} ms, p95 ${fmt(p3.engine.p95, 1)} ms`, 'p95 < 300 ms', p3.engine.p95 < 300 ? 'yes' : 'NO']);
    lines.push(['P3 engine / raw aggregate (same rollup)', `${fmt(p3.ratioToRaw, 2)}x (raw p50 ${fmt(p3.rawSameCollection.p50, 1)} ms)`, '<= 1.2x', p3.ratioToRaw <= 1.2 ? 'yes' : 'NO']);
    lines.push(['P3 raw aggregate over the records', `p50 ${fmt(p3.rawOverRecords.p50)} ms over ${fmt(p3.rawOverRecords.documents)} records`, '', `engine ${fmt(p3.speedupOverRecords)}x faster`]);
  }
  if (watchdog) lines.push(...watchdogRows(watchdog));
  const where = ran.p1 || ran.p2 || ran.p3 ? `${results.server} · ` : '';
  process.stdout.write(`\nPenny benchmarks · ${where}Node ${process.version} · ${cpus().length} CPUs\n\n${table(lines)}\n`);
  writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write('\nWritten to bench/results.json\n');
  // Agenda (inside the P1 app) leaves a lock-check timer behind after stop; do not wait for it.
  process.exit(0);
}

main().catch((e) => {
  process.stderr.write(`bench: ${(e as Error).stack}\n`);
  process.exit(1);
});
