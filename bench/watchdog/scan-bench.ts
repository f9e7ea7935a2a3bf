/**
 * P4: the daily job's scan — judge the latest day of 10,000 series of 400 days each, through the
 * public API. Timed twice: on series already held as float units (a store returning doubles),
 * and including the conversion from exact bigint nanos (prepareSeries). A full-history scan
 * (every day of a share of the series) is timed too, to show what a backfill costs.
 */
import { detectAnomalyOn, prepareSeries, unitSeries, type PreparedSeries } from '../../src/domain/anomaly/detect';
import type { DailyCostSeries } from '../../src/domain/anomaly/anomaly-types';
import { dayFromNumber, dayNumber } from '../../src/domain/timeseries/day-number';
import { generateSeries } from './series-generator';

export interface ScanResult {
  series: number;
  days: number;
  runs: number;
  /** Latest-day scan over float series: median and worst of `runs`, in ms. */
  scanMs: { median: number; max: number };
  /** The same, converting each series from bigint nanos first. */
  prepareAndScanMs: { median: number; max: number };
  anomaliesOnLatestDay: number;
  fullHistory: { series: number; evaluations: number; ms: number; perEvaluationUs: number; projectedMsForAll: number };
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

  let anomalies = 0;
  const scan = timed(runs, () => {
    anomalies = 0;
    for (const s of floats) if (detectAnomalyOn(s, lastDay)) anomalies++;
  });
  const prepareAndScan = timed(runs, () => {
    for (const s of exact) detectAnomalyOn(prepareSeries(s), lastDay);
  });

  const share = floats.slice(0, options.fullHistorySeries ?? 1000);
  let evaluations = 0;
  const t0 = process.hrtime.bigint();
  for (const s of share) {
    for (let t = 0; t < options.days; t++) {
      detectAnomalyOn(s, dayFromNumber(firstDayNum + t));
      evaluations++;
    }
  }
  const fullMs = Number(process.hrtime.bigint() - t0) / 1e6;
  return {
    series: options.series,
    days: options.days,
    runs,
    scanMs: scan,
    prepareAndScanMs: prepareAndScan,
    anomaliesOnLatestDay: anomalies,
    fullHistory: {
      series: share.length,
      evaluations,
      ms: fullMs,
      perEvaluationUs: (fullMs * 1000) / evaluations,
      projectedMsForAll: (fullMs * options.series) / share.length,
    },
  };
}

function timed(runs: number, work: () => void): { median: number; max: number } {
  work(); // warm-up: JIT and caches, as in a long-running job
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    work();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)]!, max: samples[samples.length - 1]! };
}
