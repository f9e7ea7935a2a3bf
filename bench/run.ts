/**
 * `npm run bench`: prints a table and writes bench/results.json.
 *   --rows N    rows in the generated FOCUS file (default 1,000,000)
 *   --only p1,p2,p3,p4   (P1 and P3 use the store P2 fills; P4 too when there is one, else it loads the demo)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { benchServer } from './bench-server';
import { runP1, type P1Result } from './p1-ack';
import { runP2, type P2Result } from './p2-import';
import { runP3, type P3Result } from './p3-query';
import { runP4, type P4Result } from './p4-api';

interface Args {
  rows: number;
  only: Set<string>;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { rows: 1_000_000, only: new Set(['p1', 'p2', 'p3', 'p4']) };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--rows') args.rows = Number(argv[++i]);
    else if (argv[i] === '--only') args.only = new Set(argv[++i]!.split(','));
  }
  if (!Number.isInteger(args.rows) || args.rows < 1000) throw new Error('--rows must be a whole number of at least 1000');
  return args;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function table(rows: [string, string, string, string][]): string {
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('   ')).join('\n');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const root = resolve(__dirname, '../../..');
  const server = await benchServer();
  const results: { at: string; node: string; cpus: number; server: string; p1?: P1Result; p2?: P2Result; p3?: P3Result; p4?: P4Result } = {
    at: new Date().toISOString(), node: process.version, cpus: cpus().length, server: server.label,
  };
  try {
    if (args.only.has('p2')) results.p2 = await runP2(server.uri, args.rows, join(root, 'bench', '.work'));
    if (args.only.has('p3')) results.p3 = await runP3(server.uri);
    if (args.only.has('p1')) results.p1 = await runP1(server.uri);
    if (args.only.has('p4')) results.p4 = await runP4(server.uri);
  } finally {
    await server.stop();
  }
  const lines: [string, string, string, string][] = [['benchmark', 'measured', 'goal', 'met']];
  const { p1, p2, p3, p4 } = results;
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
  if (p4) {
    const pair = (p: P4Result['cached']) =>
      `API p50 ${fmt(p.api.p50, 1)}, p95 ${fmt(p.api.p95, 1)} · direct p50 ${fmt(p.direct.p50, 1)}, p95 ${fmt(p.direct.p95, 1)} · bare HTTP p50 ${fmt(p.floor.p50, 1)}, p95 ${fmt(p.floor.p95, 1)} ms`;
    lines.push([`P4 GET /costs/summary, ${p4.clients} clients (cache on)`, pair(p4.cached), '', '']);
    lines.push(['P4 API / direct call (p95, cache on)', `${fmt(p4.cached.ratioP95, 2)}x`, '<= 1.3x', p4.cached.ratioP95 <= 1.3 ? 'yes' : 'NO']);
    lines.push([`P4 GET /costs/summary, ${p4.clients} clients (cache off)`, pair(p4.uncached), '', '']);
    lines.push(['P4 API / direct call (p95, cache off)', `${fmt(p4.uncached.ratioP95, 2)}x`, '<= 1.3x', p4.uncached.ratioP95 <= 1.3 ? 'yes' : 'NO']);
  }
  process.stdout.write(`\nPenny benchmarks · ${results.server} · Node ${results.node} · ${results.cpus} CPUs\n\n${table(lines)}\n`);
  // A partial run (--only) keeps the other sections' latest figures.
  const file = join(root, 'bench', 'results.json');
  const earlier = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(file, `${JSON.stringify({ ...earlier, ...results }, null, 2)}\n`);
  process.stdout.write('\nWritten to bench/results.json\n');
  // Agenda (inside the P1 app) leaves a lock-check timer behind after stop; do not wait for it.
  process.exit(0);
}

main().catch((e) => {
  process.stderr.write(`bench: ${(e as Error).stack}\n`);
  process.exit(1);
});
