/**
 * P4: the daily job's scan — judge the latest day of 10,000 series of 400 days each, through the
 * public API. Timed three ways: on series already held as float units (a store returning
 * doubles); converting each series' 400 days from exact bigint nanos first (prepareSeries); and
 * converting only the DETECTION_LOOKBACK_DAYS the latest day needs (what the job should load).
 * Wall and CPU time both: the bench machine is shared, and CPU time shows the work itself.
 * A full-history scan (every day of a share of the series) is timed too: what a backfill costs.
 */
import { DETECTION_LOOKBACK_DAYS, detectAnomalyOn, prepareSeries, unitSeries, type PreparedSeries } from '../../src/domain/anomaly/detect';
import type { DailyCostSeries } from '../../src/domain/anomaly/anomaly-types';
import { dayFromNumber, dayNumber } from '../../src/domain/timeseries/day-number';
import { generateSeries } from './series-generator';

export interface ScanResult {
  series: number;
  days: number;
  runs: number;
  /** Latest-day scan over float series: median and worst of `runs`, wall and CPU ms. */
  scanMs: Timing;
  /** The same, converting each series' whole history from bigint nanos first. */
  prepareAndScanMs: Timing;
  /** Converting only the lookback window the latest day needs. */
  prepareWindowAndScanMs: Timing;
  lookbackDays: number;
  anomaliesOnLatestDay: number;
  fullHistory: { series: number; evaluations: number; ms: number; cpuMs: number; perEvaluationUs: number; projectedMsForAll: number };
}

const SEED = 3;

export function runScanBench(options: { series: number; days: number; runs?: number; fullHistorySeries?: number }): ScanResult {
  const runs = options.runs ?? 5;
  const firstDayNum = dayNumber('2025-01-06');
  const start = dayFromNumber(firstDayNum);
  const lastDay = dayFromNumber(firstDayNum + options.days - 1);
  const generated = generateSeries({ seed: SEED, series: options.series, days: options.days, firstDayNum });
  const floats: PreparedSeries[] = generated.map((g) => unitSeries(start, Float64Array.from(g.usage)));
  const exact: DailyCostSeries[] = generated.map((g) => ({ start, usage: Array.from(g.usage, (v) => BigInt(Math.round(v * 100)) * 10_000_000n) }));
  const from = options.days - 1 - DETECTION_LOOKBACK_DAYS;
  const windows: DailyCostSeries[] = exact.map((e) => ({ start: dayFromNumber(firstDayNum + from), usage: e.usage.slice(from) }));

  let anomalies = 0;
  const scan = timed(runs, () => {
    anomalies = 0;
    for (const s of floats) if (detectAnomalyOn(s, lastDay)) anomalies++;
  });
  const prepareAndScan = timed(runs, () => {
    for (const s of exact) detectAnomalyOn(prepareSeries(s), lastDay);
  });
  let windowAnomalies = 0;
  const prepareWindowAndScan = timed(runs, () => {
    windowAnomalies = 0;
    for (const s of windows) if (detectAnomalyOn(prepareSeries(s), lastDay)) windowAnomalies++;
  });
  if (windowAnomalies !== anomalies) throw new Error(`the lookback window changed the result: ${windowAnomalies} vs ${anomalies} anomalies`);

  const share = floats.slice(0, options.fullHistorySeries ?? 1000);
  let evaluations = 0;
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  for (const s of share) {
    for (let t = 0; t < options.days; t++) {
      detectAnomalyOn(s, dayFromNumber(firstDayNum + t));
      evaluations++;
    }
  }
  const fullMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const fullCpu = process.cpuUsage(c0);
  return {
    series: options.series,
    days: options.days,
    runs,
    scanMs: scan,
    prepareAndScanMs: prepareAndScan,
    prepareWindowAndScanMs: prepareWindowAndScan,
    lookbackDays: DETECTION_LOOKBACK_DAYS,
    anomaliesOnLatestDay: anomalies,
    fullHistory: {
      series: share.length,
      evaluations,
      ms: fullMs,
      cpuMs: (fullCpu.user + fullCpu.system) / 1000,
      perEvaluationUs: (fullMs * 1000) / evaluations,
      projectedMsForAll: (fullMs * options.series) / share.length,
    },
  };
}

export interface Timing {
  median: number;
  max: number;
  cpuMedian: number;
}

function timed(runs: number, work: () => void): Timing {
  work(); // warm-up: JIT and caches, as in a long-running job
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    const c = process.cpuUsage();
    work();
    const used = process.cpuUsage(c);
    wall.push(Number(process.hrtime.bigint() - t) / 1e6);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { median: median(wall), max: Math.max(...wall), cpuMedian: median(cpu) };
}
