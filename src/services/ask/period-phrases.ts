/**
 * Finds the periods inside a sentence ("in October", "over the last 90 days", "Sep 1-15",
 * "the month before") and reads each with the shared period parser.
 */
import { addDays, addMonths, isDay } from '../../domain/days';
import { parsePeriod, periodFromBounds, type Period } from '../../domain/period';

export interface PeriodPhrase {
  /** Character offsets in the normalized question. */
  start: number;
  end: number;
  text: string;
  period: Period;
  /** "the month before", "the previous month": relative to another period when there is one. */
  relative?: 'previous';
  /** "from A to B": a range that a comparison may split into its two ends. */
  parts?: [Period, Period];
  /** Starts after today: only a forecast can speak of it. */
  future?: boolean;
}

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const N = '(\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';
const UNIT = '(days?|weeks?|months?|quarters?|years?)';
const WEEKDAY = '(monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const ORD = '(\\d{1,2})(?:st|nd|rd|th)?';
const ISO = '(\\d{4}-\\d{2}-\\d{2})';
const YEAR = '(20\\d{2})';
const DAY_DATE = `(?:${ISO}|${MONTH} ${ORD}(?: ${YEAR})?|(?:the )?${ORD} (?:of )?${MONTH}(?: ${YEAR})?)`;
const RANGE_JOIN = '(?: ?(?:to|until|till|through|thru|and) ?)';

type Found = Omit<PeriodPhrase, 'start' | 'end' | 'text'>;
/** Reads one match; `before` is the text in front of it, for words that need context. */
type Reader = (m: RegExpExecArray, today: string, before: string) => Found | undefined;

const read = (text: string, today: string): Period | undefined => safe(() => parsePeriod(text, today));
const plain = (text: string, today: string): Found | undefined => {
  const period = read(text, today);
  return period ? { period } : undefined;
};

const DAY_DATE_RE = new RegExp(DAY_DATE, 'g');
const MONTH_YEAR_RE = new RegExp(`${MONTH}(?: ${YEAR})?`, 'g');
/** "may" is also a verb: alone it counts as a month only after one of these. */
const BEFORE_MONTH = /(?:^|\s)(?:in|for|during|of|since|until|through|and|vs|than|to|from|between|versus|with|on)\s*$/;

/** Patterns tried in order; the first to claim a stretch of text keeps it. */
const PATTERNS: [RegExp, Reader][] = [
  // Ranges of days: "from 2024-09-01 to 2024-09-15", "between sep 1 and sep 15".
  [new RegExp(`(?:from |between )?${DAY_DATE}${RANGE_JOIN}${DAY_DATE}`), (m, today) => {
    const [a, b] = [...m[0]!.matchAll(DAY_DATE_RE)].map((d) => dayOf(d, today));
    return dayRange(a, b, today);
  }],
  // "sep 1 to 15", "sep 1-15 2024".
  [new RegExp(`(?:from |between )?${MONTH} ${ORD}${RANGE_JOIN}${ORD}(?: ${YEAR})?`), (m, today) => {
    const from = monthDay(m[1]!, m[2]!, m[4], today);
    return dayRange(from, from && monthDay(m[1]!, m[3]!, from.slice(0, 4), today), today);
  }],
  // Ranges of months: "from july to september", "between aug and sep 2024".
  [new RegExp(`(?:from )?${MONTH}(?: ${YEAR})? (?:to|through|thru|until|till) ${MONTH}(?: ${YEAR})?|between ${MONTH}(?: ${YEAR})? and ${MONTH}(?: ${YEAR})?`), (m, today) => monthRange(m[0]!, today)],
  [new RegExp(`(?:the )?(?:last|past|previous|prior) ${N} ${UNIT}`), (m, today) => plain(`last ${m[1]} ${m[2]}`, today)],
  [new RegExp(`(?:the )?${N} ${UNIT} ago`), (m, today) => plain(`${m[1]} ${m[2]} ago`, today)],
  [/(?:the )?day before yesterday/, (_m, today) => plain('day before yesterday', today)],
  [/(?:the )?month before last/, (_m, today) => plain('month before last', today)],
  [/the (week|month|quarter|year) before|the (?:previous|prior|preceding) (week|month|quarter|year)/, (m, today) => {
    const found = read(`last ${m[1] ?? m[2]}`, today);
    return found ? { period: found, relative: 'previous' } : undefined;
  }],
  [/(?:the )?(last|past|previous|prior) (week|month|quarter|year)/, (m, today) => plain(`${m[1]} ${m[2]}`, today)],
  [/(?:the |this )?(week|month|quarter|year) (?:so far|to date)|(?:so far )?(?:this|the current|current) (week|month|quarter|year)(?: so far| to date)?/, (m, today) => plain(`this ${m[1] ?? m[2]}`, today)],
  [/(wtd|mtd|qtd|ytd|today|yesterday)/, (m, today) => plain(m[1]!, today)],
  [new RegExp(`since (?:last )?${WEEKDAY}`), (m, today) => plain(`since ${m[1]}`, today)],
  [new RegExp(`since ${DAY_DATE}`), (m, today) => {
    const day = [...m[0]!.matchAll(DAY_DATE_RE)].map((d) => dayOf(d, today))[0];
    return day ? plain(`since ${day}`, today) : undefined;
  }],
  [new RegExp(`since ${MONTH}(?: ${YEAR})?`), (m, today) => plain(`since ${m[1]}${m[2] ? ` ${m[2]}` : ''}`, today)],
  [/q([1-4])(?: (?:of )?(20\d{2}))?|(20\d{2})[ -]q([1-4])/, (m, today) => plain(m[1] ? `q${m[1]}${m[2] ? ` ${m[2]}` : ''}` : `q${m[4]} ${m[3]}`, today)],
  [new RegExp(ISO), (m, today) => plain(m[1]!, today)],
  [/(\d{4}-\d{2})/, (m, today) => plain(m[1]!, today)],
  [new RegExp(`${MONTH} ${ORD}(?: ${YEAR})?|(?:the )?${ORD} (?:of )?${MONTH}(?: ${YEAR})?`), (m, today) => {
    const day = m[1] ? monthDay(m[1], m[2]!, m[3], today) : monthDay(m[5]!, m[4]!, m[6], today);
    return day ? plain(day, today) : undefined;
  }],
  [new RegExp(`${MONTH}(?: (?:of )?${YEAR})?`), (m, today, before) => {
    const verbish = m[1] === 'may' && !m[2] && !BEFORE_MONTH.test(before);
    return verbish ? undefined : plain(`${m[1]}${m[2] ? ` ${m[2]}` : ''}`, today);
  }],
  [new RegExp(YEAR), (m, today) => plain(m[1]!, today)],
  [/(?:next|coming|upcoming) (week|month|quarter|year)|tomorrow/, (m, today) => ({ period: futurePeriod(m[1] ?? 'day', today), future: true })],
];

export function findPeriodPhrases(text: string, today: string): PeriodPhrase[] {
  const found: PeriodPhrase[] = [];
  const taken = (s: number, e: number) => found.some((f) => s < f.end && e > f.start);
  for (const [pattern, reader] of PATTERNS) {
    const re = new RegExp(`(?<![\\w-])(?:${pattern.source})(?![\\w-])`, 'g');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[0].length === 0 || taken(start, end)) continue;
      const inner = new RegExp(`^(?:${pattern.source})$`).exec(m[0]);
      const got = inner ? reader(inner, today, text.slice(0, start)) : undefined;
      if (got) found.push({ start, end, text: m[0], ...got, future: got.future || got.period.range.start > today || undefined });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function monthIndex(name: string): number {
  return MONTH_NAMES.indexOf(name.slice(0, 3));
}

/** "sep 5" is the latest Sep 5 on or before today, unless a year is given. */
function monthDay(month: string, day: string, year: string | undefined, today: string): string | undefined {
  const mm = String(monthIndex(month) + 1).padStart(2, '0');
  const dd = day.padStart(2, '0');
  let y = year ?? today.slice(0, 4);
  if (!year && `${y}-${mm}-${dd}` > today) y = String(Number(y) - 1);
  const iso = `${y}-${mm}-${dd}`;
  return isDay(iso) ? iso : undefined;
}

/** The day one DAY_DATE match holds: ISO, "month day [year]" or "[the] day [of] month [year]". */
function dayOf(d: RegExpMatchArray, today: string): string | undefined {
  if (d[1]) return isDay(d[1]) ? d[1] : undefined;
  if (d[2]) return monthDay(d[2], d[3]!, d[4], today);
  if (d[6]) return monthDay(d[6], d[5]!, d[7], today);
  return undefined;
}

function dayRange(from: string | undefined, to: string | undefined, today: string): Found | undefined {
  if (!from || !to || from > to) return undefined;
  const period = safe(() => periodFromBounds(from, to));
  const a = read(from, today);
  const b = read(to, today);
  return period && a && b ? { period, parts: [a, b] } : undefined;
}

/** "from july to september 2024": a year said once applies to both ends. */
function monthRange(text: string, today: string): Found | undefined {
  const ends = [...text.matchAll(MONTH_YEAR_RE)];
  if (ends.length !== 2) return undefined;
  const year = ends[1]![2] ?? ends[0]![2];
  const a = read(`${ends[0]![1]}${ends[0]![2] ?? year ? ` ${ends[0]![2] ?? year}` : ''}`, today);
  const b = read(`${ends[1]![1]}${year ? ` ${ends[1]![2] ?? year}` : ''}`, today);
  if (!a || !b || a.range.start >= b.range.end) return undefined;
  const period = safe(() => periodFromBounds(a.range.start, addDays(b.range.end, -1)));
  return period ? { period, parts: [a, b] } : undefined;
}

/** The calendar unit after the current one (or tomorrow). */
function futurePeriod(unit: string, today: string): Period {
  if (unit === 'day') {
    const tomorrow = addDays(today, 1);
    return { range: { start: tomorrow, end: addDays(tomorrow, 1) }, label: `tomorrow (${tomorrow})`, kind: 'day' };
  }
  const last = parsePeriod(`last ${unit}`, today).range.start;
  const start = unit === 'week' ? addDays(last, 14) : addMonths(last, unit === 'month' ? 2 : unit === 'quarter' ? 6 : 24);
  const end = unit === 'week' ? addDays(start, 7) : addMonths(start, unit === 'month' ? 1 : unit === 'quarter' ? 3 : 12);
  return { range: { start, end }, label: `next ${unit} (${start} to ${addDays(end, -1)})`, kind: unit as Period['kind'] };
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
