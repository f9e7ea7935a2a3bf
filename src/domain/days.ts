/**
 * UTC calendar days as "YYYY-MM-DD" strings, and half-open day ranges [start, end).
 * Strings sort and compare correctly, which is why the store keeps days this way.
 */
// One file per function: the date-fns index loads all ~250 of them, a few hundred ms at every start.
import { addDays as fnsAddDays } from 'date-fns/addDays';
import { addMonths as fnsAddMonths } from 'date-fns/addMonths';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { UTCDate } from '@date-fns/utc';

export type Day = string; // YYYY-MM-DD, UTC
export type Month = string; // YYYY-MM

export interface DateRange {
  start: Day; // inclusive
  end: Day; // exclusive
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

export function isDay(text: string): boolean {
  const m = DAY_RE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

export function isMonth(text: string): boolean {
  const m = MONTH_RE.exec(text);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

export function toUtcDate(day: Day): UTCDate {
  return new UTCDate(`${day}T00:00:00Z`);
}

export function fromDate(date: Date): Day {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: Day, n: number): Day {
  return fromDate(fnsAddDays(toUtcDate(day), n));
}

export function addMonths(day: Day, n: number): Day {
  return fromDate(fnsAddMonths(toUtcDate(day), n));
}

export function monthOf(day: Day): Month {
  return day.slice(0, 7);
}

export function firstDayOfMonth(month: Month): Day {
  return `${month}-01`;
}

export function nextMonth(month: Month): Month {
  return monthOf(addMonths(firstDayOfMonth(month), 1));
}

/** Number of days in [start, end). */
export function rangeLength(range: DateRange): number {
  return differenceInCalendarDays(toUtcDate(range.end), toUtcDate(range.start));
}

/** Inclusive last day of a half-open range. */
export function lastDay(range: DateRange): Day {
  return addDays(range.end, -1);
}

export function rangeInclusive(from: Day, to: Day): DateRange {
  return { start: from, end: addDays(to, 1) };
}

export function* daysIn(range: DateRange): Generator<Day> {
  for (let d = range.start; d < range.end; d = addDays(d, 1)) yield d;
}

/** Months touched by the range, oldest first. */
export function monthsIn(range: DateRange): Month[] {
  const out: Month[] = [];
  if (range.start >= range.end) return out;
  for (let m = monthOf(range.start); m <= monthOf(lastDay(range)); m = nextMonth(m)) out.push(m);
  return out;
}

/** True when the range covers every day of `month`. */
export function coversMonth(range: DateRange, month: Month): boolean {
  return range.start <= firstDayOfMonth(month) && range.end >= firstDayOfMonth(nextMonth(month));
}

/** The calendar date "now" has in an IANA time zone. */
export function todayIn(timeZone: string, now: Date): Day {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
