/**
 * Charges that come back on the same day every month (a support fee or a subscription billed
 * as usage on the 1st, tax on the last day). Days are keyed by day of month, except the last
 * three days of a month, which are keyed by their distance from the month's end so that
 * "the last day" matches across 28-, 30- and 31-day months.
 */
import { civilOf, civilToNumber, daysInMonth } from './day-number';
import { medianInPlace } from './robust-stats';
import type { Values } from './weekly-season';

/** Day number of the day with the same monthly key as `dayNum`, `monthsBack` months earlier. */
export function sameKeyDayBefore(dayNum: number, monthsBack: number): number {
  const { year, month, day } = civilOf(dayNum);
  const length = daysInMonth(year, month);
  const total = year * 12 + (month - 1) - monthsBack;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const fromEnd = length - day;
  const targetDay = fromEnd < 3 ? daysInMonth(y, m) - fromEnd : day;
  return civilToNumber(y, m, targetDay);
}

const NEIGHBOUR_OFFSETS = [-14, -7, 7, 14];
const neighbours = new Float64Array(4);
const excesses = new Float64Array(3);

/**
 * How much day index t usually exceeds its neighbours because of a monthly charge, judged
 * from data before `limit` (t itself when judging a day; the forecast origin when projecting a
 * future day): for each of the three latest months with data, the same-key day minus the median
 * of the same weekday one and two weeks around it. Months in which the series did not exist yet
 * (no spend that day nor on the same weekday before) are unknown, not evidence. With three known
 * months the median, with two the smaller, so a one-off spike on that date counts for nothing;
 * one known month is taken as is (a young series' second fee looks like its first). Looks at
 * most `maxMonthsBack` months back. Never negative.
 */
export function recurringExcess(values: Values, t: number, firstDayNum: number, limit = t, maxMonthsBack = 15): number {
  let months = 0;
  for (let back = 1; back <= maxMonthsBack && months < 3; back++) {
    const u = sameKeyDayBefore(firstDayNum + t, back) - firstDayNum;
    if (u < 0) break;
    if (u >= limit) continue;
    // The series existed by then if it had spend that day or on the same weekday before.
    const alive = values[u] !== 0 || (u >= 7 && values[u - 7] !== 0) || (u >= 14 && values[u - 14] !== 0);
    if (!alive) continue;
    let n = 0;
    for (const offset of NEIGHBOUR_OFFSETS) {
      const v = u + offset;
      if (v >= 0 && v < limit) neighbours[n++] = values[v]!;
    }
    if (n < 2) continue;
    excesses[months++] = values[u]! - medianInPlace(neighbours, n);
  }
  if (months === 0) return 0;
  const typical = months === 1 ? excesses[0]! : months === 2 ? Math.min(excesses[0]!, excesses[1]!) : medianInPlace(excesses, 3);
  return Math.max(0, typical);
}

/**
 * A charge expected on day index t of a series that is zero on ordinary days (purchases, fees,
 * credits, tax): the median of the same-key day in the three months before `limit` (the first
 * index without data). Credits stay negative. Needs two months; with two, the one closer to 0.
 */
export function recurringCharge(values: Values, t: number, firstDayNum: number, limit: number): number {
  let months = 0;
  for (let back = 1; back <= 15 && months < 3; back++) {
    const u = sameKeyDayBefore(firstDayNum + t, back) - firstDayNum;
    if (u < 0) break;
    if (u >= limit) continue;
    excesses[months++] = values[u]!;
  }
  if (months < 2) return 0;
  if (months === 2) return Math.abs(excesses[0]!) < Math.abs(excesses[1]!) ? excesses[0]! : excesses[1]!;
  return medianInPlace(excesses, 3);
}
