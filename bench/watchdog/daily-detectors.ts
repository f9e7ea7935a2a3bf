/**
 * The detectors the bench compares, behind one small interface, and the daily job they run in:
 * each run T judges day T on its first, incomplete value and re-judges day T−1 on its completed
 * value (retracting yesterday's alert if it no longer stands, or raising it late if it now does).
 */
import type { Anomaly, AnomalyKind } from '../../src/domain/anomaly/anomaly-types';
import { detectAnomalyOn, unitSeries } from '../../src/domain/anomaly/detect';
import type { DetectorOptions } from '../../src/domain/anomaly/detector-options';
import { reevaluateAnomaly } from '../../src/domain/anomaly/reevaluate';
import { dayFromNumber } from '../../src/domain/timeseries/day-number';
import { WARMUP_DAYS, type LabeledSeries } from './series-generator';

export interface Judgement {
  kind?: AnomalyKind;
  anomaly?: Anomaly;
}

export interface BenchDetector {
  name: string;
  judge(values: Float64Array, t: number, firstDayNum: number): Judgement | undefined;
  /** An alert raised earlier for day t, on revised values: its new judgement, or undefined to retract. */
  recheck(values: Float64Array, t: number, firstDayNum: number, previous: Judgement): Judgement | undefined;
}

export interface Alert {
  day: number;
  raisedAt: number;
  kind?: AnomalyKind;
  retracted: boolean;
}

/** Penny's detector through its public, exact API (what the daily job will call). */
export function pennyDetector(options: Partial<DetectorOptions> = {}): BenchDetector {
  return {
    name: 'penny',
    judge(values, t, firstDayNum) {
      const anomaly = detectAnomalyOn(unitSeries(dayFromNumber(firstDayNum), values), dayFromNumber(firstDayNum + t), options);
      return anomaly && { kind: anomaly.kind, anomaly };
    },
    recheck(values, _t, firstDayNum, previous) {
      const verdict = reevaluateAnomaly(previous.anomaly!, unitSeries(dayFromNumber(firstDayNum), values), options);
      return verdict.verdict === 'retracted' ? undefined : { kind: verdict.anomaly.kind, anomaly: verdict.anomaly };
    },
  };
}

/**
 * The plain baseline: the mean and sample standard deviation of the 28 days before, alerting
 * above mean + 2σ. `gated` adds Penny's default dollar and percent gates ($50, 20%), to show how
 * much of the difference the gates alone explain.
 */
export function zScoreDetector(gated: boolean): BenchDetector {
  const judge = (values: Float64Array, t: number): Judgement | undefined => {
    if (t < 28) return undefined;
    let sum = 0;
    for (let u = t - 28; u < t; u++) sum += values[u]!;
    const mean = sum / 28;
    let squares = 0;
    for (let u = t - 28; u < t; u++) squares += (values[u]! - mean) ** 2;
    const sd = Math.sqrt(squares / 27);
    const y = values[t]!;
    if (!(y > mean + 2 * sd)) return undefined;
    if (gated && (y - mean < 50 || (mean > 0 && (y - mean) / mean < 0.2))) return undefined;
    return {};
  };
  return { name: gated ? 'z-score 2σ + gates' : 'z-score 2σ', judge, recheck: (values, t) => judge(values, t) };
}

/** Runs the daily job over one series from the end of the warm-up to its last day. */
export function simulateDailyJob(series: LabeledSeries, detector: BenchDetector, firstDayNum: number): Alert[] {
  const values = Float64Array.from(series.usage);
  const alerts = new Map<number, Alert & { judgement: Judgement }>();
  for (let run = WARMUP_DAYS; run < values.length; run++) {
    const yesterday = run - 1;
    if (yesterday >= WARMUP_DAYS) {
      const existing = alerts.get(yesterday);
      if (existing) {
        const again = detector.recheck(values, yesterday, firstDayNum, existing.judgement);
        if (again) {
          existing.judgement = again;
          existing.kind = again.kind;
        } else existing.retracted = true;
      } else {
        const late = detector.judge(values, yesterday, firstDayNum);
        if (late) alerts.set(yesterday, { day: yesterday, raisedAt: run, kind: late.kind, retracted: false, judgement: late });
      }
    }
    values[run] = series.preliminary[run]!;
    const today = detector.judge(values, run, firstDayNum);
    values[run] = series.usage[run]!;
    if (today) alerts.set(run, { day: run, raisedAt: run, kind: today.kind, retracted: false, judgement: today });
  }
  return [...alerts.values()].map(({ day, raisedAt, kind, retracted }) => ({ day, raisedAt, kind, retracted })).sort((a, b) => a.day - b.day);
}
