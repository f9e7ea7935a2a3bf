/**
 * Weekly seasonality and robust levels over a daily series of plain numbers (currency units).
 * Functions read only the days they are given: weekdayFactors and relativeNoise the days
 * before t, so the day being judged or forecast never shapes its own baseline.
 *
 * Model: value(u) ≈ level × factor[weekday(u)], factors averaging 1 over a week, so `level`
 * reads as the mean daily spend of a typical week.
 */
import { interquartileMeanInPlace, medianInPlace, trimmedMean, trimmedSigmaInPlace } from './robust-stats';

export type Values = ArrayLike<number>;

/** Factors below this mean "this weekday has (almost) no spend": skip it when deseasonalizing. */
export const MIN_FACTOR = 0.05;
/** Weekdays below this share of a typical day are too quiet to measure the noise on. */
export const QUIET_FACTOR = 0.25;

// Reused scratch space. The functions are synchronous, so two callers never share it at once.
const scratch = new Float64Array(512);
const perWeekday = Array.from({ length: 7 }, () => new Float64Array(64));
const week = new Float64Array(7);

/**
 * Weekday factors from the last `weeks` whole weeks before t: each weekday's value divided by
 * its week's typical day, then the mean of the middle half across weeks (a spike or a monthly
 * fee spoils a week or two, not the factor; a median of so few weeks would be noisier), and
 * scaled to average 1.
 * `firstWeekday` is the weekday (Monday = 0) of values[0]. Returns the number of weeks used;
 * with fewer than 2 the factors are flat.
 */
export function weekdayFactors(values: Values, t: number, firstWeekday: number, weeks: number, out: Float64Array): number {
  const counts = [0, 0, 0, 0, 0, 0, 0];
  let used = 0;
  for (let w = 0; w < Math.min(weeks, 64); w++) {
    const from = t - 7 * (w + 1);
    if (from < 0) break;
    // The week's typical day without its highest and lowest: a fee or a spike on one day must
    // not shrink the other six days' shares.
    for (let u = from; u < from + 7; u++) week[u - from] = values[u]!;
    const typical = trimmedMean(week, 7);
    if (!(typical > 0)) continue;
    for (let u = from; u < from + 7; u++) {
      const wd = (firstWeekday + u) % 7;
      perWeekday[wd]![counts[wd]!++] = values[u]! / typical;
    }
    used++;
  }
  if (used < 2) {
    out.fill(1);
    return used;
  }
  let total = 0;
  for (let wd = 0; wd < 7; wd++) {
    out[wd] = interquartileMeanInPlace(perWeekday[wd]!, counts[wd]!);
    total += out[wd]!;
  }
  // Medians need not average to 1; rescale so the level stays a weekly mean.
  const scale = total > 0 ? 7 / total : 1;
  for (let wd = 0; wd < 7; wd++) out[wd] = out[wd]! * scale;
  return used;
}

/** Median of value/factor over [from, to), skipping weekdays without spend. NaN when empty. */
export function deseasonalizedMedian(values: Values, from: number, to: number, firstWeekday: number, factors: Float64Array): number {
  let n = 0;
  for (let u = Math.max(0, from); u < to; u++) {
    const f = factors[(firstWeekday + u) % 7]!;
    if (f >= MIN_FACTOR) scratch[n++] = values[u]! / f;
  }
  return medianInPlace(scratch, n);
}

/**
 * Relative day-to-day noise (sigma as a fraction of the expected value) from week-over-week
 * differences over [t - days, t): differencing by 7 removes the weekday pattern and slow
 * trends, so neither inflates the noise. Weekdays carrying under a quarter of a typical day's
 * spend (a dev account's weekend) are left out: their near-zero differences would make a noisy
 * series look calm. NaN when fewer than 7 differences exist.
 */
export function relativeNoise(values: Values, t: number, days: number, firstWeekday: number, factors: Float64Array, level: number): number {
  if (!(level > 0)) return NaN;
  let n = 0;
  for (let u = Math.max(7, t - days); u < t; u++) {
    const f = factors[(firstWeekday + u) % 7]!;
    if (f >= QUIET_FACTOR) scratch[n++] = (values[u]! - values[u - 7]!) / (level * f);
  }
  if (n < 7) return NaN;
  // The difference of two noisy days has sqrt(2) times one day's sigma.
  return trimmedSigmaInPlace(scratch, n) / Math.SQRT2;
}

/** Index of the first non-zero value in [from, to), or `to` when there is none. */
export function firstNonZero(values: Values, from: number, to: number): number {
  for (let u = Math.max(0, from); u < to; u++) if (values[u] !== 0) return u;
  return to;
}
