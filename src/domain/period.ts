/**
 * One parser for every period a person can type, shared by Slack and the CLI.
 * "Today" is the calendar date in the reporting time zone; the ranges it yields are UTC days.
 */
import { addDays, addMonths, DateRange, Day, firstDayOfMonth, isDay, isMonth, lastDay, monthOf, rangeInclusive, rangeLength } from './days';
import { AppError } from './errors';

export type PeriodKind = 'day' | 'days' | 'week' | 'month' | 'quarter' | 'year' | 'to-date' | 'custom';

export interface Period {
  range: DateRange;
  label: string;
  kind: PeriodKind;
  /** For "to-date" periods: the calendar unit they are a part of. */
  unit?: 'week' | 'month' | 'quarter' | 'year';
}

export const ACCEPTED_PERIODS = [
  'today', 'yesterday', '7d / 30d / 90d (any Nd: the N full days before today)',
  'this week', 'last week', 'this month', 'last month', 'this quarter', 'last quarter', 'this year', 'last year',
  '2024-09', '2024-09-05', '2024-09-01..2024-09-15', 'Q3 2024', 'september 2024', '2024',
  'last 3 months', 'since monday', '2 weeks ago',
];

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MAX_DAYS = 1000;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};

export class PeriodError extends AppError {
  constructor(input: string, reason?: string) {
    super(
      'PERIOD_INVALID',
      `I can't read the period "${input}"${reason ? ` (${reason})` : ''}. Try one of: ${ACCEPTED_PERIODS.join(', ')}.`,
      { detail: { input, reason } },
    );
  }
}

/** Parses `text` relative to `today`. Throws PeriodError with the accepted forms. */
export function parsePeriod(text: string, today: Day): Period {
  const input = synonyms(text.trim().toLowerCase().replace(/\s+/g, ' '));
  const found = parseWords(input, today) ?? parseRelative(input, today) ?? parseDates(input, today);
  if (!found) throw new PeriodError(text);
  if (found.range.start >= found.range.end) throw new PeriodError(text, 'it ends before it starts');
  if (rangeLength(found.range) > MAX_DAYS * 4) throw new PeriodError(text, 'it is longer than 10 years');
  return found;
}

function parseWords(input: string, today: Day): Period | undefined {
  switch (input) {
    case 'today':
      return { range: rangeInclusive(today, today), label: `today (${today})`, kind: 'day' };
    case 'yesterday': {
      const y = addDays(today, -1);
      return { range: rangeInclusive(y, y), label: `yesterday (${y})`, kind: 'day' };
    }
    case 'this week':
    case 'wtd': {
      const start = startOfIsoWeek(today);
      return { range: rangeInclusive(start, today), label: `this week (${start} to ${today})`, kind: 'to-date', unit: 'week' };
    }
    case 'last week': {
      const start = addDays(startOfIsoWeek(today), -7);
      return { range: { start, end: addDays(start, 7) }, label: `last week (${start} to ${addDays(start, 6)})`, kind: 'week' };
    }
    case 'this month':
    case 'mtd':
      return toDate(firstDayOfMonth(monthOf(today)), today, 'month', `this month (${monthOf(today)}, to ${today})`);
    case 'last month':
      return monthPeriod(monthOf(addMonths(firstDayOfMonth(monthOf(today)), -1)));
    case 'this quarter':
    case 'qtd':
      return toDate(startOfQuarter(today), today, 'quarter', `this quarter (${quarterName(today)}, to ${today})`);
    case 'last quarter':
      return quarterPeriod(addMonths(startOfQuarter(today), -3));
    case 'this year':
    case 'ytd':
      return toDate(`${today.slice(0, 4)}-01-01`, today, 'year', `this year (${today.slice(0, 4)}, to ${today})`);
    case 'last year':
      return yearPeriod(String(Number(today.slice(0, 4)) - 1));
  }
  const nDays = /^(?:last )?(\d{1,4}) ?(?:d|days?)$/.exec(input);
  if (nDays) {
    const n = Number(nDays[1]);
    if (n < 1 || n > MAX_DAYS) return undefined;
    const end = today; // exclusive: the N full days before today
    const start = addDays(end, -n);
    return { range: { start, end }, label: `last ${n} days (${start} to ${addDays(end, -1)})`, kind: 'days' };
  }
  return undefined;
}

/** Spellings that mean a form parsed below: "previous month", "this month so far", "past 7 days". */
function synonyms(input: string): string {
  const out = input.replace(/ (?:so far|to date)$/, '').replace(/^(?:previous|prior) /, 'last ');
  // "Past" is rolling: the past week is the last 7 days, not the previous calendar week.
  const rolling: Record<string, string> = { 'past week': '7d', 'past month': '30d', 'past quarter': '90d', 'past year': '365d' };
  return rolling[out] ?? out.replace(/^past (?=\S+ \S+$)/, 'last ');
}

function count(word: string): number | undefined {
  const n = /^\d{1,3}$/.test(word) ? Number(word) : NUMBER_WORDS[word];
  return n !== undefined && n >= 1 ? n : undefined;
}

/** "last 3 months" (full months before this one), "2 weeks ago", "since monday", "q3". */
function parseRelative(input: string, today: Day): Period | undefined {
  const lastN = /^last (\S+) (week|month|quarter|year)s?$/.exec(input);
  if (lastN && count(lastN[1]!) !== undefined) return lastUnits(count(lastN[1]!)!, lastN[2] as Unit, today);
  const ago = /^(\S+) (day|week|month|quarter|year)s? ago$/.exec(input);
  if (ago && count(ago[1]!) !== undefined) return unitAgo(count(ago[1]!)!, ago[2] as Unit | 'day', today);
  if (input === 'day before yesterday') return unitAgo(2, 'day', today);
  if (input === 'month before last' || input === 'the month before last') return unitAgo(2, 'month', today);
  const since = /^since (.+)$/.exec(input);
  if (since) return sincePeriod(since[1]!, today);
  const bareQuarter = /^q([1-4])$/.exec(input);
  if (bareQuarter) {
    // The most recent such quarter that has started.
    const start = `${today.slice(0, 4)}-${String((Number(bareQuarter[1]) - 1) * 3 + 1).padStart(2, '0')}-01`;
    return quarterPeriod(start > today ? addMonths(start, -12) : start);
  }
  return undefined;
}

type Unit = 'week' | 'month' | 'quarter' | 'year';

function unitStart(unit: Unit, today: Day): Day {
  if (unit === 'week') return startOfIsoWeek(today);
  if (unit === 'month') return firstDayOfMonth(monthOf(today));
  if (unit === 'quarter') return startOfQuarter(today);
  return `${today.slice(0, 4)}-01-01`;
}

function step(unit: Unit, start: Day, n: number): Day {
  if (unit === 'week') return addDays(start, 7 * n);
  return addMonths(start, n * (unit === 'month' ? 1 : unit === 'quarter' ? 3 : 12));
}

/** The N whole units before the current one ("last 3 months" in October: July to September). */
function lastUnits(n: number, unit: Unit, today: Day): Period | undefined {
  const end = unitStart(unit, today);
  const start = step(unit, end, -n);
  if (n === 1) return unitAgo(1, unit, today);
  if (rangeLength({ start, end }) > MAX_DAYS * 4) return undefined;
  return { range: { start, end }, label: `last ${n} ${unit}s (${start} to ${addDays(end, -1)})`, kind: 'custom' };
}

function unitAgo(n: number, unit: Unit | 'day', today: Day): Period {
  if (unit === 'day') {
    const day = addDays(today, -n);
    return { range: rangeInclusive(day, day), label: day, kind: 'day' };
  }
  const start = step(unit, unitStart(unit, today), -n);
  if (unit === 'month') return monthPeriod(monthOf(start));
  if (unit === 'quarter') return quarterPeriod(start);
  if (unit === 'year') return yearPeriod(start.slice(0, 4));
  return { range: { start, end: addDays(start, 7) }, label: `week of ${start} (to ${addDays(start, 6)})`, kind: 'week' };
}

/** "since monday" (the latest Monday up to today), "since 2024-09-15", "since september". */
function sincePeriod(from: string, today: Day): Period | undefined {
  let start: Day | undefined;
  const weekday = WEEKDAYS.indexOf(from);
  if (weekday >= 0) {
    const back = (new Date(`${today}T00:00:00Z`).getUTCDay() - weekday + 7) % 7;
    start = addDays(today, -back);
  } else {
    const inner = from.startsWith('since ') ? undefined : parseWords(from, today) ?? parseDates(from, today);
    start = inner?.range.start;
  }
  if (!start || start > today) return undefined;
  return { range: rangeInclusive(start, today), label: `since ${start} (to ${today})`, kind: 'custom' };
}

function parseDates(input: string, today: Day): Period | undefined {
  const range = /^(\d{4}-\d{2}-\d{2}) ?(?:\.\.|to) ?(\d{4}-\d{2}-\d{2})$/.exec(input);
  if (range) {
    const [, from = '', to = ''] = range;
    if (!isDay(from) || !isDay(to) || from > to) return undefined;
    return customPeriod(from, to);
  }
  if (isDay(input)) return { range: rangeInclusive(input, input), label: input, kind: 'day' };
  if (isMonth(input)) return monthPeriod(input);
  if (/^\d{4}$/.test(input)) return yearPeriod(input);
  const quarter = /^q([1-4]) ?(\d{4})$/.exec(input) ?? swap(/^(\d{4})[ -]?q([1-4])$/.exec(input));
  if (quarter) {
    const [, q = '1', year = ''] = quarter;
    return quarterPeriod(`${year}-${String((Number(q) - 1) * 3 + 1).padStart(2, '0')}-01`);
  }
  const named = /^([a-z]+)(?: (\d{4}))?$/.exec(input);
  if (named) {
    const index = MONTHS.findIndex((m) => m === named[1] || (named[1]!.length >= 3 && m.startsWith(named[1]!)));
    if (index < 0) return undefined;
    const mm = String(index + 1).padStart(2, '0');
    let year = named[2] ?? today.slice(0, 4);
    // A bare month name means the most recent one that has started.
    if (!named[2] && `${year}-${mm}` > monthOf(today)) year = String(Number(year) - 1);
    return monthPeriod(`${year}-${mm}`);
  }
  return undefined;
}

function swap(m: RegExpExecArray | null): string[] | null {
  return m ? [m[0], m[2] ?? '', m[1] ?? ''] : null;
}

function toDate(start: Day, today: Day, unit: Period['unit'], label: string): Period {
  return { range: rangeInclusive(start, today), label, kind: 'to-date', unit };
}

export function monthPeriod(month: string): Period {
  const start = firstDayOfMonth(month);
  const name = new Date(`${start}T00:00:00Z`).toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return { range: { start, end: addMonths(start, 1) }, label: name, kind: 'month' };
}

function quarterPeriod(start: Day): Period {
  return { range: { start, end: addMonths(start, 3) }, label: quarterName(start), kind: 'quarter' };
}

function yearPeriod(year: string): Period {
  return { range: { start: `${year}-01-01`, end: `${Number(year) + 1}-01-01` }, label: year, kind: 'year' };
}

function startOfQuarter(day: Day): Day {
  const month = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
}

function quarterName(day: Day): string {
  return `Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1} ${day.slice(0, 4)}`;
}

function startOfIsoWeek(day: Day): Day {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/**
 * The period to compare with: the previous calendar unit for calendar periods, the same span
 * of the previous unit for to-date periods (month-to-date vs the same days last month), and
 * otherwise the equal-length window just before.
 */
export function previousPeriod(period: Period): Period {
  const { range } = period;
  const months = period.kind === 'month' ? 1 : period.kind === 'quarter' ? 3 : period.kind === 'year' ? 12 : 0;
  if (months > 0) {
    const start = addMonths(range.start, -months);
    return { range: { start, end: range.start }, label: `previous ${period.kind}`, kind: period.kind };
  }
  if (period.kind === 'to-date' && period.unit && period.unit !== 'week') {
    const back = period.unit === 'month' ? 1 : period.unit === 'quarter' ? 3 : 12;
    const start = addMonths(range.start, -back);
    // Clamp so that "Mar 1-31 to date" compares with all of February, not part of March.
    const end = minDay(addMonths(lastDay(range), -back), addDays(range.start, -1));
    return { range: rangeInclusive(start, end), label: `same days last ${period.unit}`, kind: 'custom' };
  }
  if (period.kind === 'to-date' && period.unit === 'week') {
    return { range: { start: addDays(range.start, -7), end: addDays(range.end, -7) }, label: 'same days last week', kind: 'custom' };
  }
  const len = rangeLength(range);
  return { range: { start: addDays(range.start, -len), end: range.start }, label: `previous ${len} days`, kind: period.kind === 'day' ? 'day' : 'custom' };
}

function minDay(a: Day, b: Day): Day {
  return a < b ? a : b;
}

/** Parses explicit --from/--to bounds (inclusive). */
export function periodFromBounds(from: string, to: string): Period {
  if (!isDay(from) || !isDay(to)) throw new PeriodError(`${from}..${to}`, 'dates must be YYYY-MM-DD');
  if (from > to) throw new PeriodError(`${from}..${to}`, 'it ends before it starts');
  return customPeriod(from, to);
}

/** Explicit dates that happen to cover a whole month, quarter or year behave like one. */
function customPeriod(from: Day, to: Day): Period {
  const range = rangeInclusive(from, to);
  if (from.endsWith('-01') && range.end.endsWith('-01')) {
    if (addMonths(from, 1) === range.end) return monthPeriod(monthOf(from));
    if (addMonths(from, 3) === range.end && ['01', '04', '07', '10'].includes(from.slice(5, 7))) return quarterPeriod(from);
    if (addMonths(from, 12) === range.end && from.slice(5) === '01-01') return yearPeriod(from.slice(0, 4));
  }
  return { range, label: `${from} to ${to}`, kind: from === to ? 'day' : 'custom' };
}
