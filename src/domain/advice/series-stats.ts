/** Small exact helpers over daily series (bigint nanos, UTC days). */
import { addDays, type Day } from '../days';
import { divRoundHalfEven, type Nanos } from '../money';

export interface DayValue {
  day: Day;
  value: Nanos;
}

/**
 * The run of consecutive days with data that ends on the series' last day, oldest first, going
 * back no earlier than `from`.
 */
export function lastRun(daily: ReadonlyMap<Day, Nanos>, from: Day): DayValue[] {
  const last = lastDay(daily);
  if (!last) return [];
  const out: DayValue[] = [];
  for (let d = last; d >= from && daily.has(d); d = addDays(d, -1)) out.push({ day: d, value: daily.get(d)! });
  return out.reverse();
}

export function lastDay(daily: ReadonlyMap<Day, unknown>): Day | undefined {
  let last: Day | undefined;
  for (const d of daily.keys()) if (!last || d > last) last = d;
  return last;
}

export function sum(values: readonly Nanos[]): Nanos {
  let total = 0n;
  for (const v of values) total += v;
  return total;
}

/** The mean, rounded half-even to the nano. */
export function mean(values: readonly Nanos[]): Nanos {
  return values.length === 0 ? 0n : divRoundHalfEven(sum(values), BigInt(values.length));
}

export function minOf(values: readonly Nanos[]): Nanos {
  return values.reduce((a, b) => (b < a ? b : a));
}

export function maxOf(values: readonly Nanos[]): Nanos {
  return values.reduce((a, b) => (b > a ? b : a));
}

/** The k-th lowest value, k = ceil(percentile% × n) (at least 1): the 10th percentile of 30 days is the 3rd lowest. */
export function lowPercentile(values: readonly Nanos[], percentile: number): Nanos {
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const k = Math.max(1, Math.ceil((percentile / 100) * sorted.length));
  return sorted[k - 1]!;
}

/** (max − min) within `tolerancePct` of the mean, exactly. */
export function isFlat(values: readonly Nanos[], tolerancePct: number): boolean {
  if (values.length === 0) return false;
  const spread = maxOf(values) - minOf(values);
  return spread * 1_000_000n <= BigInt(Math.round(tolerancePct * 10_000)) * mean(values);
}

/** 0 Sunday … 6 Saturday, of a UTC day. */
export function weekday(day: Day): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

export function isWeekend(day: Day): boolean {
  const w = weekday(day);
  return w === 0 || w === 6;
}

/** Ratio a / b for display and thresholds (not for sums). */
export function ratio(a: Nanos, b: Nanos): number {
  return b === 0n ? NaN : Number((a * 1_000_000n) / b) / 1_000_000;
}

/** "1234.50": an amount to the cent for sentences (faces format money their own way). */
export function centsText(nanos: Nanos): string {
  const cents = divRoundHalfEven(nanos, 10_000_000n);
  const abs = cents < 0n ? -cents : cents;
  return `${cents < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}
