/**
 * Anomaly detection quality: Penny's detector against a plain 2σ z-score on the same generated
 * series in the same run. Penny's defaults were tuned on TUNING_SEED only; REPORT_SEED is
 * held out, and both are reported.
 */
import type { DetectorOptions } from '../../src/domain/anomaly/detector-options';
import { dayNumber } from '../../src/domain/timeseries/day-number';
import { pennyDetector, simulateDailyJob, zScoreDetector, type BenchDetector } from './daily-detectors';
import { scoreAlerts, type DetectionScore } from './detection-score';
import { generateSeries } from './series-generator';

export const TUNING_SEED = 1;
export const REPORT_SEED = 2;
const FIRST_DAY = '2025-01-06';

export interface DetectionRun {
  seed: number;
  role: 'tuning' | 'held-out';
  series: number;
  days: number;
  labels: number;
  seconds: number;
  detectors: Record<string, DetectionScore>;
}

export interface DetectionResult {
  runs: DetectionRun[];
}

export function runDetectionBench(options: { series: number; days: number; seeds?: number[]; penny?: Partial<DetectorOptions> }): DetectionResult {
  const seeds = options.seeds ?? [TUNING_SEED, REPORT_SEED];
  return { runs: seeds.map((seed) => runSeed(seed, options.series, options.days, options.penny ?? {})) };
}

function runSeed(seed: number, count: number, days: number, penny: Partial<DetectorOptions>): DetectionRun {
  const started = process.hrtime.bigint();
  const firstDayNum = dayNumber(FIRST_DAY);
  const series = generateSeries({ seed, series: count, days, firstDayNum });
  const detectors: BenchDetector[] = [pennyDetector(penny), zScoreDetector(false), zScoreDetector(true)];
  const scores: Record<string, DetectionScore> = {};
  for (const detector of detectors) {
    scores[detector.name] = scoreAlerts(series, series.map((s) => simulateDailyJob(s, detector, firstDayNum)));
  }
  return {
    seed,
    role: seed === TUNING_SEED ? 'tuning' : 'held-out',
    series: count,
    days,
    labels: series.reduce((n, s) => n + s.labels.length, 0),
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    detectors: scores,
  };
}
