/**
 * What the watchdog says about a day of a cost series. Amounts are exact nanos here; the
 * statistics behind them run on floats (see evaluate-day.ts) and are converted at this edge.
 */
import type { Day } from '../days';
import type { Nanos } from '../money';

export type AnomalyKind = 'spike' | 'level-shift' | 'ramp' | 'new';
export type Severity = 'low' | 'medium' | 'high';

/**
 * The daily costs of one thing (an account, a service in an account, a tag value…), one entry
 * per consecutive day from `start`, 0n on days without cost. Pass usage charges in `usage` and
 * everything else (purchases, fees, tax, credits, adjustments) in `nonUsage`: the detector
 * judges usage only, so a commitment purchase or a month-start credit is never an anomaly.
 */
export interface DailyCostSeries {
  start: Day;
  usage: readonly Nanos[];
  nonUsage?: readonly Nanos[];
}

export interface Anomaly {
  day: Day;
  kind: AnomalyKind;
  /** First day of the change: the day itself for spikes and new spend seen on its first day. */
  startDay: Day;
  actual: Nanos;
  /** The baseline, rounded to whole cents (it is an estimate). 0n for new spend. */
  expected: Nanos;
  /** actual − expected, exactly. */
  impact: Nanos;
  /** impact / expected × 100; null when nothing was expected (new spend). */
  deviationPct: number | null;
  severity: Severity;
  /** How many noise sigmas the change is; null for new spend (no history to measure noise). */
  score: number | null;
}
