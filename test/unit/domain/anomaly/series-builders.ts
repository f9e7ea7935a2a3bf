/** Hand-made daily series for the watchdog tests: whole dollars, exact nanos. */
import { addDays, type Day } from '../../../../src/domain/days';
import type { DailyCostSeries } from '../../../../src/domain/anomaly/anomaly-types';

export const DOLLAR = 1_000_000_000n;
export const usd = (n: number): bigint => BigInt(Math.round(n * 100)) * 10_000_000n;

/** A series of `days` days from `start`, each from `amount(day, index)` in dollars. */
export function series(start: Day, days: number, amount: (day: Day, i: number) => number): DailyCostSeries {
  const usage: bigint[] = [];
  for (let i = 0; i < days; i++) usage.push(usd(amount(addDays(start, i), i)));
  return { start, usage };
}

/** Monday = 0 … Sunday = 6. */
export function weekday(day: Day): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** Deterministic ±spread noise (a fixed pattern, not random): the same for every run. */
export function wobble(i: number, spread: number): number {
  const pattern = [0.3, -0.5, 0.8, -0.2, 0.6, -0.9, 0.1, -0.4, 0.9, -0.7, 0.2, 0.5, -0.6, -0.1, 0.7, -0.3, 0.4];
  return pattern[i % pattern.length]! * spread;
}
