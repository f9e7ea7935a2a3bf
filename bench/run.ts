/**
 * `npm run bench`: runs the sections asked for, prints one table and writes bench/results.json.
 *   --only p1,p2,p3,api,recommend,p5,ask,watchdog   (or anomaly,scan,forecast for parts of the watchdog section)
 *   --rows N                      rows in P2's generated FOCUS file (default 1,000,000)
 *   --ce-page-groups N            groups per Cost Explorer page in P5's fake (default 1,000)
 *   --watchdog-series N           series per seed in the anomaly section (default 2,000)
 *   --watchdog-accounts N         accounts per seed in the forecast section (default 150)
 * P1, P3 and recommend use the store P2 fills; sections that need no database do not start one. Sections
 * not run keep their previous figures (each carries its own `at`).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { benchServer } from './bench-server';
import { parseBenchArgs, type BenchArgs } from './bench-args';
import { SECTIONS, type BenchContext, type Row } from './sections';

function table(rows: Row[]): string {
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('   ')).join('\n');
}

async function runSections(args: BenchArgs, root: string, results: Record<string, unknown>): Promise<Row[]> {
  const chosen = SECTIONS.filter((s) => s.selected(args.only));
  const server = chosen.some((s) => s.needsDb) ? await benchServer() : undefined;
  const ctx: BenchContext = { args, dbUri: server?.uri ?? '', workDir: join(root, 'bench', '.work'), root, log: (line) => process.stderr.write(`${line}\n`) };
  const rows: Row[] = [];
  try {
    for (const section of chosen) {
      const result = await section.run(ctx);
      const joined = section.merge ? section.merge(results[section.name], result) : result;
      results[section.name] = { at: new Date().toISOString(), ...(server && section.needsDb ? { server: server.label } : {}), ...(joined as object) };
      rows.push(...section.rows(result));
    }
  } finally {
    await server?.stop();
  }
  return rows;
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const root = resolve(__dirname, '../../..');
  const resultsPath = join(root, 'bench', 'results.json');
  const results = (existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, 'utf8')) : {}) as Record<string, unknown>;
  Object.assign(results, { node: process.version, cpus: cpus().length });
  const rows = await runSections(args, root, results);
  process.stdout.write(`\nPenny benchmarks · Node ${process.version} · ${cpus().length} CPUs\n\n${table([['benchmark', 'measured', 'goal', 'met'], ...rows])}\n`);
  writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write('\nWritten to bench/results.json\n');
  // Agenda (inside the P1 app) leaves a lock-check timer behind after stop; do not wait for it.
  process.exit(0);
}

main().catch((e) => {
  process.stderr.write(`bench: ${(e as Error).stack}\n`);
  process.exit(1);
});
