/**
 * The detector's core: is day t of a daily usage series (plain numbers, currency units) an
 * upward anomaly, judged only from the days before it? Floats keep a 10,000-series scan fast;
 * findings are turned into exact amounts by the caller (detect.ts).
 *
 * Two views of "expected", both seasonal (value = level × weekday factor, factors from the
 * last 12 weeks) plus any charge that recurs on this day of the month:
 *  - point: the level of the last 2–4 weeks (the larger of the 14- and 28-day deseasonalized
 *    medians, so a short dip does not make the return to normal look like a jump), or the
 *    same weekday's last three values if higher. Catches spikes and the first days of a level
 *    shift.
 *  - drift: the level of 4–12 weeks ago (the larger of the 4–6 and 6–12 week medians, so a
 *    dip back then is not taken for the norm) against the median of the last 7 days. Catches
 *    slow ramps and shifts the short baseline has already absorbed.
 * A day alerts when its excess over either view passes all three gates: dollars, percent, and
 * noise sigmas (noise from week-over-week differences, robust to the weekday pattern; the
 * drift view's sigmas are those of a difference of two medians). The run of elevated days
 * before it gives the start day and tells a spike from a level shift or a ramp.
 * A series with under 14 days of spend in the last 8 weeks is new: any material spend alerts.
 */
import { weekdayOf } from '../timeseries/day-number';
import { recurringExcess } from '../timeseries/monthly-recurring';
import { deseasonalizedMedian, MIN_FACTOR, relativeNoise, weekdayFactors, type Values } from '../timeseries/weekly-season';
import type { AnomalyKind } from './anomaly-types';
import type { Gates } from './detector-options';

export interface Finding {
  index: number;
  kind: AnomalyKind;
  actual: number;
  expected: number;
  startIndex: number;
  /** Noise sigmas; NaN for new spend. */
  score: number;
}

const SEASON_WEEKS = 12;
const YOUNG_LOOKBACK = 56;
const YOUNG_MIN_DAYS = 14;
/** Floor on the relative noise, so a perfectly flat series still needs a real change. */
const MIN_SIGMA = 0.01;
/** Noise assumed while the history is too short to measure it. */
const DEFAULT_SIGMA = 0.1;
/** Sigma of (median of 7) − (median of 14) in units of one day's sigma: 1.2533 × √(1/7 + 1/14). */
const DRIFT_SIGMA = 0.58;
/** A day's error against an estimated baseline: its own noise plus the baseline's (measured ~1.1). */
const PREDICTION_SIGMA = 1.1;
const NOISE_DAYS = 84;

const RECURRING_MONTHS = 4;
/**
 * Judging day t reads no value before t − DETECTION_LOOKBACK_DAYS (noise: 12 weeks of
 * week-over-week differences; monthly charges: 4 months back and two weeks around), so a caller
 * scanning the latest day needs to load only that many days before it.
 */
export const DETECTION_LOOKBACK_DAYS = 140;

const factors = new Float64Array(7);

export function evaluateDay(values: Values, t: number, firstDayNum: number, gates: Gates): Finding | undefined {
  const actual = values[t]!;
  // Only increases are anomalies, and the expected value is never negative: impact <= actual.
  if (!(actual >= gates.minImpact)) return undefined;
  const firstWeekday = weekdayOf(firstDayNum);
  const recurring = recurringExcess(values, t, firstDayNum, t, RECURRING_MONTHS);

  const spendDays = countNonZero(values, t - YOUNG_LOOKBACK, t);
  if (spendDays < YOUNG_MIN_DAYS) return judgeNew(values, t, actual, recurring, gates);

  weekdayFactors(values, t, firstWeekday, SEASON_WEEKS, factors);
  const factor = factors[(firstWeekday + t) % 7]!;
  const level = maxDefined(deseasonalizedMedian(values, t - 14, t, firstWeekday, factors), deseasonalizedMedian(values, t - 28, t, firstWeekday, factors));
  if (!(level > 0)) return judgeNew(values, t, actual, recurring, gates);

  // The same weekday's recent values keep the point view current when the weekly shape itself
  // changes (spend added on a dev account's idle weekends), which the factors learn only slowly.
  const pointExpected = Math.max(level * factor, sameWeekdayMedian(values, t)) + recurring;
  const pointGates = passes(actual, pointExpected, gates);

  let drift: { expected: number; shift: number; reference: number } | undefined;
  if (t >= 42) {
    const reference = maxDefined(deseasonalizedMedian(values, t - 42, t - 28, firstWeekday, factors), deseasonalizedMedian(values, t - 84, t - 42, firstWeekday, factors));
    const recent = deseasonalizedMedian(values, t - 6, t + 1, firstWeekday, factors);
    if (reference > 0 && recent > reference) {
      const expected = reference * factor + recurring;
      const shift = (recent - reference) / reference;
      const sustained = shift >= gates.minDeviation && (recent - reference) * Math.max(factor, MIN_FACTOR) >= gates.minImpact;
      if (sustained && passes(actual, expected, gates)) drift = { expected, shift, reference };
    }
  }
  // Most days stop here, before the noise (the costliest estimate) is needed.
  if (!pointGates && !drift) return undefined;

  const measured = relativeNoise(values, t, NOISE_DAYS, firstWeekday, factors, level);
  const sigma = Math.max(MIN_SIGMA, Number.isNaN(measured) ? DEFAULT_SIGMA : measured);
  const scale = Math.max(level * factor, 0.25 * level);
  const pointScore = (actual - pointExpected) / (PREDICTION_SIGMA * sigma * scale);
  const pointHit = pointGates && pointScore >= gates.minScore;
  const driftScore = drift ? drift.shift / (sigma * DRIFT_SIGMA) : 0;
  if (drift && driftScore < gates.minScore) drift = undefined;
  if (!pointHit && !drift) return undefined;

  if (pointHit) {
    const minRatio = Math.max(gates.minDeviation / 2, 2 * sigma);
    const run = describeRun(values, t, 14, level, firstWeekday, minRatio);
    // A change that has lasted a few days is better told against the level before it began.
    if (!drift || run.kind === 'spike') return { index: t, kind: run.kind, actual, expected: pointExpected, startIndex: run.start, score: pointScore };
  }
  const d = drift!;
  const run = describeRun(values, t, 41, d.reference, firstWeekday, Math.max(0.25 * ((actual - d.expected) / d.expected), 1.5 * sigma));
  const kind: AnomalyKind = run.kind === 'spike' ? 'level-shift' : run.kind;
  return { index: t, kind, actual, expected: d.expected, startIndex: run.start, score: driftScore };
}

/**
 * The point view's expected value for day t (what evaluateDay compares a spike with), or the
 * recurring monthly charge alone for a new series. Used to give breakdown rows a baseline.
 */
export function expectedValue(values: Values, t: number, firstDayNum: number): number {
  const firstWeekday = weekdayOf(firstDayNum);
  const recurring = recurringExcess(values, t, firstDayNum, t, RECURRING_MONTHS);
  if (countNonZero(values, t - YOUNG_LOOKBACK, t) < YOUNG_MIN_DAYS) return recurring;
  weekdayFactors(values, t, firstWeekday, SEASON_WEEKS, factors);
  const level = maxDefined(deseasonalizedMedian(values, t - 14, t, firstWeekday, factors), deseasonalizedMedian(values, t - 28, t, firstWeekday, factors));
  if (!(level > 0)) return recurring;
  return Math.max(level * factors[(firstWeekday + t) % 7]!, sameWeekdayMedian(values, t)) + recurring;
}

function judgeNew(values: Values, t: number, actual: number, recurring: number, gates: Gates): Finding | undefined {
  // A monthly charge seen in earlier months is not new spend, even on an otherwise idle series.
  if (recurring > 0 && !passes(actual, recurring, gates)) return undefined;
  let start = t;
  for (let u = Math.max(0, t - YOUNG_LOOKBACK); u < t; u++) {
    if (values[u] !== 0) {
      start = u;
      break;
    }
  }
  return { index: t, kind: 'new', actual, expected: recurring, startIndex: start, score: NaN };
}

/** The dollar and percent gates on one day's value. */
function passes(actual: number, expected: number, gates: Gates): boolean {
  const impact = actual - expected;
  return impact >= gates.minImpact && (expected <= 0 || impact / expected >= gates.minDeviation);
}

/**
 * Walks back from t over days that are elevated (deseasonalized value at least `minRatio`
 * above `level`; one ordinary day in between is tolerated) to find where the change began,
 * then tells a step (level shift) from a slope (ramp) by comparing the run's halves.
 */
function describeRun(values: Values, t: number, maxBack: number, level: number, firstWeekday: number, minRatio: number): { start: number; kind: AnomalyKind } {
  let start = t;
  let misses = 0;
  for (let u = t - 1; u >= Math.max(0, t - maxBack); u--) {
    if (excessRatio(values, u, level, firstWeekday) >= minRatio) {
      start = u;
      misses = 0;
    } else if (++misses > 1) break;
  }
  if (start === t) return { start, kind: 'spike' };
  const length = t - start + 1;
  if (length < 4) return { start, kind: 'level-shift' };
  const half = Math.floor(length / 2);
  let early = 0;
  let late = 0;
  for (let i = 0; i < half; i++) {
    early += excessRatio(values, start + i, level, firstWeekday);
    late += excessRatio(values, t - i, level, firstWeekday);
  }
  return { start, kind: early < 0.6 * late ? 'ramp' : 'level-shift' };
}

function excessRatio(values: Values, u: number, level: number, firstWeekday: number): number {
  const f = factors[(firstWeekday + u) % 7]!;
  if (f < MIN_FACTOR) return 0;
  return values[u]! / (level * f) - 1;
}

/** Median of the same weekday one, two and three weeks before t (0 without that history). */
function sameWeekdayMedian(values: Values, t: number): number {
  if (t < 21) return 0;
  const a = values[t - 7]!;
  const b = values[t - 14]!;
  const c = values[t - 21]!;
  return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
}

function countNonZero(values: Values, from: number, to: number): number {
  let n = 0;
  for (let u = Math.max(0, from); u < to; u++) if (values[u] !== 0) n++;
  return n;
}

function maxDefined(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return Math.max(a, b);
}
