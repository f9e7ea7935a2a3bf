/**
 * Per-series feedback, kept as data the caller stores next to the series key. "Expected"
 * feedback raises the series' thresholds; snoozing mutes it until a day (exclusive).
 */
import type { Day } from '../days';

export interface SeriesTuning {
  /** Multiplies every gate (dollars, percent, sigmas). 1 when absent. */
  thresholdMultiplier?: number;
  /** No alerts on days before this one (half-open, like every range here). */
  mutedUntil?: Day;
}

export type Feedback = 'expected' | 'unexpected';

export interface FeedbackOptions {
  /** Factor applied per "expected" answer (and undone per "unexpected" one). */
  step: number;
  /** The multiplier never goes above this, so a series can always alert again. */
  max: number;
}

export const DEFAULT_FEEDBACK: FeedbackOptions = { step: 1.5, max: 4 };

export function thresholdMultiplier(tuning: SeriesTuning | undefined): number {
  const m = tuning?.thresholdMultiplier;
  return m !== undefined && Number.isFinite(m) && m > 0 ? m : 1;
}

export function isMuted(tuning: SeriesTuning | undefined, day: Day): boolean {
  return tuning?.mutedUntil !== undefined && day < tuning.mutedUntil;
}

/**
 * "Expected" (this was planned, don't tell me about changes this size) raises the multiplier by
 * one step; "unexpected" (thanks, keep them coming) lowers it by one, never below 1.
 */
export function applyFeedback(tuning: SeriesTuning, feedback: Feedback, options: FeedbackOptions = DEFAULT_FEEDBACK): SeriesTuning {
  const current = thresholdMultiplier(tuning);
  const next = feedback === 'expected' ? Math.min(options.max, current * options.step) : Math.max(1, current / options.step);
  return { ...tuning, thresholdMultiplier: next };
}

/** Mutes the series until `until` (exclusive); a later snooze wins over an earlier one. */
export function snooze(tuning: SeriesTuning, until: Day): SeriesTuning {
  return { ...tuning, mutedUntil: tuning.mutedUntil !== undefined && tuning.mutedUntil > until ? tuning.mutedUntil : until };
}
