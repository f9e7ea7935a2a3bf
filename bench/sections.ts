/**
 * The sections of `npm run bench`: what each runs and the table lines it prints. A new benchmark
 * is one entry here and one file beside it.
 */
import { runApiLatency, type ApiLatencyResult } from './api-latency';
import { runAskBench, type AskBenchResult } from './ask-latency';
import type { BenchArgs } from './bench-args';
import { runP1, type P1Result } from './p1-ack';
import { runP2, type P2Result } from './p2-import';
import { runP3, type P3Result } from './p3-query';
import { runP5, type P5Result } from './p5-sync-requests';
import { runRecommend, type RecommendResult } from './recommend';
import { runWatchdog, WATCHDOG_SECTIONS, watchdogRows, type WatchdogResult } from './watchdog/watchdog-bench';

export type Row = [string, string, string, string];

export interface BenchContext {
  args: BenchArgs;
  /** The bench database server ('' when no chosen section needs one). */
  dbUri: string;
  workDir: string;
  /** The repository root (for shipped data such as the FOCUS sample). */
  root: string;
  log(line: string): void;
}

export interface Section<R = unknown> {
  name: string;
  needsDb: boolean;
  selected(only: Set<string>): boolean;
  run(ctx: BenchContext): Promise<R>;
  rows(result: R): Row[];
  /** How a result joins the previous one in results.json (default: it replaces it). */
  merge?(previous: R | undefined, next: R): R;
}

export const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
export const met = (ok: boolean) => (ok ? 'yes' : 'NO');

const named = (name: string) => (only: Set<string>) => only.has(name);

const p2: Section<P2Result> = {
  name: 'p2', needsDb: true, selected: named('p2'),
  run: (ctx) => runP2(ctx.dbUri, ctx.args.rows, ctx.workDir),
  rows: (r) => [
    ['P2 import rows/s', `${fmt(r.rowsPerSecond)} (${fmt(r.rows)} rows, ${fmt(r.csvMb)} MB, ${fmt(r.importSeconds, 1)} s)`, '', ''],
    ['P2 import peak RSS', `${fmt(r.peakRssMb)} MB`, '< 300 MB', met(r.peakRssMb < 300)],
    ['P2 import / raw insertMany', `${fmt(r.ratio, 2)}x (${fmt(r.importSeconds, 1)} s vs ${fmt(r.rawInsertManySeconds, 1)} s)`, '<= 1.5x', met(r.ratio <= 1.5)],
    ['P2 re-import of the unchanged file / first import', `${fmt(r.reimportRatio, 2)}x (${fmt(r.reimportSeconds, 1)} s vs ${fmt(r.importSeconds, 1)} s, peak RSS ${fmt(r.reimportPeakRssMb)} MB)`, '<= 0.5x', met(r.reimportRatio <= 0.5)],
  ],
};

const p3: Section<P3Result> = {
  name: 'p3', needsDb: true, selected: named('p3'),
  run: (ctx) => runP3(ctx.dbUri),
  rows: (r) => [
    ['P3 month by service, engine', `p50 ${fmt(r.engine.p50, 1)} ms, p95 ${fmt(r.engine.p95, 1)} ms`, 'p95 < 300 ms', met(r.engine.p95 < 300)],
    ['P3 engine / raw aggregate (same rollup)', `${fmt(r.ratioToRaw, 2)}x (raw p50 ${fmt(r.rawSameCollection.p50, 1)} ms)`, '<= 1.2x', met(r.ratioToRaw <= 1.2)],
    ['P3 raw aggregate over the records', `p50 ${fmt(r.rawOverRecords.p50)} ms over ${fmt(r.rawOverRecords.documents)} records`, '', `engine ${fmt(r.speedupOverRecords)}x faster`],
  ],
};

const p1: Section<P1Result> = {
  name: 'p1', needsDb: true, selected: named('p1'),
  run: (ctx) => runP1(ctx.dbUri),
  rows: (r) => [
    ['P1 ack, 50 concurrent /cost summary', `p50 ${fmt(r.penny.p50, 1)} ms, p99 ${fmt(r.penny.p99, 1)} ms`, 'p99 < 100 ms', met(r.penny.p99 < 100)],
    ['P1 ack / no-op Bolt handler (p99)', `${fmt(r.ratioP99, 2)}x (no-op p50 ${fmt(r.noop.p50, 1)}, p99 ${fmt(r.noop.p99, 1)} ms; ${r.rounds} rounds of ${r.concurrency})`, '<= 1.1x', met(r.ratioP99 <= 1.1)],
    ['P1 ratio spread (bootstrap 5–95%; odd/even rounds)', `${fmt(r.spread.low, 2)}–${fmt(r.spread.high, 2)}x; ${fmt(r.spread.halves[0], 2)}x / ${fmt(r.spread.halves[1], 2)}x`, 'halves within 0.2x', met(Math.abs(r.spread.halves[0] - r.spread.halves[1]) <= 0.2)],
  ],
};

const p5: Section<P5Result> = {
  name: 'p5', needsDb: false, selected: named('p5'),
  run: (ctx) => runP5(ctx.args.cePageGroups),
  rows: ({ org, backfill: b, later: l }) => [
    [`P5 CE requests, first sync (${org.backfillDays} days)`, `${fmt(b.requests)} requests ($${fmt(b.costUsd, 2)}), ${b.chains} page chains, ${fmt(b.records)} records, ${fmt(b.seconds, 1)} s`, '', ''],
    ['P5 CE requests, later daily sync', `${fmt(l.requests)} requests ($${fmt(l.costUsd, 2)}) for ${l.from}..${l.to}, ${l.chains} page chains`, '', ''],
    ['P5 requests on closed days (later sync)', `${l.requestsOnClosedDays}`, '0', met(l.requestsOnClosedDays === 0)],
    ['P5 page chains per query (later sync)', `${l.maxChainsPerQuery} (${org.accounts}×${org.services}×${org.regions}, ${fmt(org.groupsPerPage)} groups/page)`, '<= 1', met(l.maxChainsPerQuery <= 1)],
  ],
};

const ask: Section<AskBenchResult> = {
  name: 'ask', needsDb: true, selected: named('ask'),
  run: (ctx) => runAskBench(ctx.dbUri, ctx.root),
  rows: (r) => [
    [`ASK answer, ${r.questions} eval questions`, `p50 ${fmt(r.ask.p50, 1)} ms, p95 ${fmt(r.ask.p95, 1)} ms (parse p50 ${fmt(r.parse.p50, 2)} ms)`, '', ''],
    ['ASK engine, same requests', `p50 ${fmt(r.engine.p50, 1)} ms, p95 ${fmt(r.engine.p95, 1)} ms`, '', ''],
    ['ASK answer / engine', `${fmt(r.ratioP50, 2)}x p50, ${fmt(r.ratioP95, 2)}x p95 (cold first ask ${fmt(r.coldFirstAsk)} ms)`, '<= 1.2x', met(Math.max(r.ratioP50, r.ratioP95) <= 1.2)],
  ],
};

const api: Section<ApiLatencyResult> = {
  name: 'api', needsDb: true, selected: named('api'),
  run: (ctx) => runApiLatency(ctx.dbUri),
  rows: (r) => {
    const pair = (p: ApiLatencyResult['cached']) =>
      `API p50 ${fmt(p.api.p50, 1)}, p95 ${fmt(p.api.p95, 1)} · direct p50 ${fmt(p.direct.p50, 1)}, p95 ${fmt(p.direct.p95, 1)} · bare HTTP p50 ${fmt(p.floor.p50, 1)}, p95 ${fmt(p.floor.p95, 1)} ms`;
    return [
      [`API GET /costs/summary, ${r.clients} clients (cache on)`, pair(r.cached), '', ''],
      ['API / direct call (p95, cache on)', `${fmt(r.cached.ratioP95, 2)}x`, '<= 1.3x', met(r.cached.ratioP95 <= 1.3)],
      [`API GET /costs/summary, ${r.clients} clients (cache off)`, pair(r.uncached), '', ''],
      ['API / direct call (p95, cache off)', `${fmt(r.uncached.ratioP95, 2)}x`, '<= 1.3x', met(r.uncached.ratioP95 <= 1.3)],
    ];
  },
};

const recommend: Section<RecommendResult> = {
  name: 'recommend', needsDb: true, selected: named('recommend'),
  run: (ctx) => runRecommend(ctx.dbUri),
  rows: (r) => [
    [`Recommendation scan (${r.storeRecords.toLocaleString('en-US')}-record store)`, `p50 ${fmt(r.scan.p50)} ms, max ${fmt(r.scan.max)} ms (${fmt(r.windowRecords)} records in 30 days, ${fmt(r.resources)} resources)`, '', ''],
    ['Recommendation list, day\'s list kept', `p50 ${fmt(r.cachedList.p50, 1)} ms, max ${fmt(r.cachedList.max, 1)} ms (top 10 of ${fmt(r.recommendations)})`, '', ''],
    ['Recommendations found', `${fmt(r.recommendations)}: ${Object.entries(r.byKind).map(([k, n]) => `${k} ${n}`).join(', ')}`, '', ''],
  ],
};

/** "watchdog" runs all three parts; "anomaly", "scan" or "forecast" run one. */
const watchdogParts = (only: Set<string>) => new Set<string>(only.has('watchdog') ? WATCHDOG_SECTIONS : WATCHDOG_SECTIONS.filter((s) => only.has(s)));
let watchdogOnly = new Set<string>();
const watchdog: Section<WatchdogResult> = {
  name: 'watchdog', needsDb: false,
  selected: (only) => {
    watchdogOnly = watchdogParts(only);
    return watchdogOnly.size > 0;
  },
  run: async (ctx) => runWatchdog(watchdogOnly, { series: ctx.args.watchdogSeries, accounts: ctx.args.watchdogAccounts }, ctx.log),
  rows: watchdogRows,
  merge: (previous, next) => ({ ...previous, ...next, sectionsAt: { ...previous?.sectionsAt, ...next.sectionsAt } }),
};

/** In the order they run: P2 fills the store P3 and P1 read. */
export const SECTIONS: Section[] = [p2, p3, p1, api, recommend, p5, ask, watchdog] as Section[];
