/**
 * After a day's costs are revised (late data, provider corrections), does an anomaly already
 * raised for it still stand? The caller updates its message or retracts it accordingly.
 */
import type { Anomaly, DailyCostSeries } from './anomaly-types';
import { detectAnomalyOn, type PreparedSeries } from './detect';
import type { DetectorOptions } from './detector-options';
import { thresholdMultiplier, type SeriesTuning } from './series-tuning';

export type Reevaluation =
  | { verdict: 'stands'; anomaly: Anomaly }
  | { verdict: 'changed'; anomaly: Anomaly; previous: Anomaly }
  | { verdict: 'retracted'; previous: Anomaly };

export interface ReevaluateOptions {
  /**
   * An anomaly already told keeps standing down to this fraction of the gates, so a revision
   * by a few cents around a threshold does not flip a message back and forth.
   */
  hysteresis: number;
  /** Changes of the impact smaller than this (percent) leave the message as it is. */
  unchangedWithinPct: number;
}

export const DEFAULT_REEVALUATE: ReevaluateOptions = { hysteresis: 0.8, unchangedWithinPct: 10 };

export function reevaluateAnomaly(
  previous: Anomaly,
  revised: DailyCostSeries | PreparedSeries,
  options: Partial<DetectorOptions> = {},
  tuning: SeriesTuning = {},
  settings: ReevaluateOptions = DEFAULT_REEVALUATE,
): Reevaluation {
  // Judged as if unmuted: a snooze set after the alert does not un-happen it.
  const relaxed: SeriesTuning = { thresholdMultiplier: thresholdMultiplier(tuning) * settings.hysteresis };
  const current = detectAnomalyOn(revised, previous.day, options, relaxed);
  if (!current) return { verdict: 'retracted', previous };
  return sameStory(previous, current, settings.unchangedWithinPct) ? { verdict: 'stands', anomaly: current } : { verdict: 'changed', anomaly: current, previous };
}

function sameStory(a: Anomaly, b: Anomaly, withinPct: number): boolean {
  if (a.kind !== b.kind || a.severity !== b.severity || a.startDay !== b.startDay) return false;
  const diff = a.impact > b.impact ? a.impact - b.impact : b.impact - a.impact;
  const base = a.impact < 0n ? -a.impact : a.impact;
  return diff * 100n <= base * BigInt(Math.round(withinPct));
}

