/**
 * Days as integers (days since 1970-01-01, UTC) for the statistics' inner loops, where
 * parsing "YYYY-MM-DD" strings or allocating Dates per step would dominate the cost.
 */
import type { Day } from '../days';

export const MS_PER_DAY = 86_400_000;

/** 2024-01-01 -> 19723. Assumes a valid Day (validate at the edges with isDay). */
export function dayNumber(day: Day): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / MS_PER_DAY;
}

export function dayFromNumber(n: number): Day {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Monday = 0 … Sunday = 6. Day 0 (1970-01-01) was a Thursday. */
export function weekdayOf(n: number): number {
  return (((n + 3) % 7) + 7) % 7;
}

export interface CivilDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

/**
 * Calendar date of a day number with integer arithmetic only (no Date allocation). The
 * computation counts from 0000-03-01 so that the leap day is the last day of its "year".
 */
export function civilOf(n: number): CivilDate {
  const z = n + 719_468; // days from 0000-03-01 to 1970-01-01
  const era = Math.floor(z / 146_097); // 400-year eras
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153); // 0 = March
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function civilToNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_LENGTHS[month - 1]!;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return leap ? 29 : 28;
}
