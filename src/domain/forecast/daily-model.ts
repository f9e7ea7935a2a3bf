/**
 * The forecaster's model of daily usage, fitted at an origin from the days before it:
 *
 *   usage(day) = level × exp(growth × damped days since the level's centre) × factor[weekday]
 *              + the monthly recurring excess of that day (a fee billed as usage on the 1st)
 *
 *  - factors: each weekday's share of its week over the last 12 weeks (shared with the detector);
 *  - level: the deseasonalized mean of the last 14 days without their two highest and two lowest
 *    (a spike or a month-start fee does not lift it; a mean, not a median, because a forecast of
 *    a total needs the mean);
 *  - growth: Theil–Sen slope (median of pairwise slopes) of the log weekly levels over the last
 *    13 weeks, shrunk towards 0 when the weeks barely support it, capped at ±5% a week and damped
 *    (φ = 0.97 a day) so a quarter-end forecast does not compound a noisy slope. A step up in the
 *    history (a new service) reads as growth for a while; the shrinking and damping limit that;
 *  - the recurring excess comes from the same day of the previous months (monthly-recurring.ts).
 * With under two weeks of history the model is flat: the mean of the days there are.
 */
import { weekdayOf } from '../timeseries/day-number';
import { recurringExcess } from '../timeseries/monthly-recurring';
import { MAD_TO_SIGMA, medianInPlace } from '../timeseries/robust-stats';
import { MIN_FACTOR, weekdayFactors, type Values } from '../timeseries/weekly-season';

export interface DailyModel {
  origin: number;
  level: number;
  /** Log growth per day. */
  growth: number;
  /** Index the level describes (the middle of the days it was measured on). */
  centre: number;
  factors: Float64Array;
  firstWeekday: number;
  firstDayNum: number;
}

const SEASON_WEEKS = 12;
const LEVEL_DAYS = 14;
const TREND_WEEKS = 13;
const MAX_WEEKLY_GROWTH = 0.05;
const DAMPING = 0.97;

const scratch = new Float64Array(64);
const weekly = new Float64Array(TREND_WEEKS);
const slopes = new Float64Array((TREND_WEEKS * (TREND_WEEKS - 1)) / 2);

export function fitDailyModel(values: Values, origin: number, firstDayNum: number): DailyModel {
  const firstWeekday = weekdayOf(firstDayNum);
  const factors = new Float64Array(7);
  const model: DailyModel = { origin, level: 0, growth: 0, centre: origin - 0.5, factors, firstWeekday, firstDayNum };
  if (origin < LEVEL_DAYS) {
    factors.fill(1);
    let sum = 0;
    for (let u = 0; u < origin; u++) sum += values[u]!;
    model.level = origin > 0 ? sum / origin : 0;
    model.centre = (origin - 1) / 2;
    return model;
  }
  weekdayFactors(values, origin, firstWeekday, SEASON_WEEKS, factors);
  model.level = deseasonalizedTrimmedMean(values, origin - LEVEL_DAYS, origin, model, 2);
  model.centre = origin - (LEVEL_DAYS + 1) / 2;
  model.growth = weeklyGrowth(values, origin, model) / 7;
  return model;
}

/** Expected usage on day index t >= origin (the recurring excess judged from before the origin). */
export function predictUsage(model: DailyModel, values: Values, t: number): number {
  const x = t - model.centre;
  const damped = (DAMPING * (1 - DAMPING ** x)) / (1 - DAMPING);
  const base = model.level * Math.exp(model.growth * damped) * model.factors[(model.firstWeekday + t) % 7]!;
  return base + recurringExcess(values, t, model.firstDayNum, model.origin);
}

/** Sum of predicted usage over [from, to) (from >= origin). */
export function predictUsageSum(model: DailyModel, values: Values, from: number, to: number): number {
  let sum = 0;
  for (let t = from; t < to; t++) sum += predictUsage(model, values, t);
  return sum;
}

function deseasonalizedTrimmedMean(values: Values, from: number, to: number, model: DailyModel, trim: number): number {
  let n = 0;
  for (let u = Math.max(0, from); u < to; u++) {
    const f = model.factors[(model.firstWeekday + u) % 7]!;
    if (f >= MIN_FACTOR) scratch[n++] = values[u]! / f;
  }
  if (n === 0) return 0;
  const cut = n > 2 * trim + 2 ? trim : 0;
  const sorted = scratch.subarray(0, n).sort();
  let sum = 0;
  for (let i = cut; i < n - cut; i++) sum += sorted[i]!;
  return sum / (n - 2 * cut);
}

/** Theil–Sen slope of log weekly levels (per week), 0 with fewer than 3 usable weeks. */
function weeklyGrowth(values: Values, origin: number, model: DailyModel): number {
  let weeks = 0;
  for (let k = 0; k < TREND_WEEKS; k++) {
    const from = origin - 7 * (k + 1);
    if (from < 0) break;
    weekly[k] = deseasonalizedTrimmedMean(values, from, from + 7, model, 1);
    weeks++;
  }
  let n = 0;
  for (let i = 0; i < weeks; i++) {
    for (let j = i + 1; j < weeks; j++) {
      if (weekly[i]! > 0 && weekly[j]! > 0) slopes[n++] = (Math.log(weekly[i]!) - Math.log(weekly[j]!)) / (j - i); // week i is the later one
    }
  }
  if (n < 3) return 0;
  const slope = medianInPlace(slopes, n);
  // Shrink a slope the weeks barely support towards 0 (weight slope² / (slope² + error²)).
  for (let i = 0; i < n; i++) slopes[i] = Math.abs(slopes[i]! - slope);
  const error = (MAD_TO_SIGMA * medianInPlace(slopes, n)) / Math.sqrt(weeks);
  const shrunk = (slope * slope * slope) / (slope * slope + error * error || 1);
  return Math.max(-MAX_WEEKLY_GROWTH, Math.min(MAX_WEEKLY_GROWTH, shrunk));
}
