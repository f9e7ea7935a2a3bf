/**
 * When a daily digest is due, in the subscriber's own time zone. Pure: no I/O, no clock.
 *
 * A digest for local day D is due from the first instant that day at which the local clock reads
 * the subscription's time or later, until the local day ends. So a digest missed while the app was
 * down goes out late the same local day, never the next. Across DST:
 * - spring forward, the time does not exist (02:30 in Berlin on the last Sunday of March): due at
 *   the end of the gap (03:00 local);
 * - fall back, the time happens twice (01:30 in New York on the first Sunday of November): due at
 *   the first of the two, and it stays due through the repeat (the delivery claim stops a 2nd post).
 * Time zone maths uses Intl (full ICU ships with Node), never a fixed offset.
 */
import { addDays } from '../domain/days';
import type { DigestSubscription } from '../ports/digests';

export const DIGEST_TIME_EXAMPLES = ['09:00', '9:00', '9am', '5:30pm', '17:30', 'noon'];

export interface LocalDateTime {
  /** `YYYY-MM-DD` on the local calendar. */
  date: string;
  /** `HH:MM`, 24 h. */
  time: string;
  /** Minutes since local midnight, as the clock reads (0..1439). */
  minutes: number;
}

export interface DueCheck {
  due: boolean;
  /** The local day the check is about: the delivery key. */
  localDate: string;
}

type ScheduleFields = Pick<DigestSubscription, 'time' | 'timeZone'>;

const H24 = /^(\d{1,2}):(\d{2})$/;
const H12 = /^(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s*m\.?$/;

/**
 * Reads a time of day the way people type it: `9:00`, `09:00`, `17:30`, `9am`, `9 AM`, `5:30pm`,
 * `noon`, `midnight`. Returns it as `HH:MM`, or undefined when it is not a valid time.
 */
export function parseDigestTime(input: string): string | undefined {
  const text = input.trim().toLowerCase();
  if (text === 'noon') return '12:00';
  if (text === 'midnight') return '00:00';
  const h24 = H24.exec(text);
  if (h24) return clock(Number(h24[1]), Number(h24[2]));
  const h12 = H12.exec(text);
  if (h12) {
    const hour = Number(h12[1]);
    if (hour < 1 || hour > 12) return undefined;
    return clock((hour % 12) + (h12[3] === 'p' ? 12 : 0), Number(h12[2] ?? '0'));
  }
  return undefined;
}

function clock(hour: number, minute: number): string | undefined {
  if (!Number.isInteger(hour) || !Number.isInteger(minute) || hour < 0 || hour > 23 || minute < 0 || minute > 59) return undefined;
  return `${pad(hour)}:${pad(minute)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** True for any zone this runtime's ICU knows (`Europe/Berlin`, `UTC`, `America/New_York`). */
export function isValidTimeZone(timeZone: string): boolean {
  return canonicalTimeZone(timeZone) !== undefined;
}

/** The zone's canonical spelling (`europe/berlin` → `Europe/Berlin`), or undefined if unknown. */
export function canonicalTimeZone(timeZone: string): string | undefined {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: timeZone.trim() }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local calendar date and wall-clock time of `now` in `timeZone`. Throws RangeError on an unknown zone. */
export function localDateTime(now: Date, timeZone: string): LocalDateTime {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(now)) parts[p.type] = p.value;
  const hour = Number(parts.hour) % 24;
  const minute = Number(parts.minute);
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${pad(hour)}:${pad(minute)}`,
    minutes: hour * 60 + minute,
  };
}

function localKey(at: number, timeZone: string): string {
  const l = localDateTime(new Date(at), timeZone);
  return `${l.date} ${l.time}`;
}

/** UTC offset of `timeZone` at instant `at`, in ms (local = utc + offset), at minute precision. */
function offsetMs(at: number, timeZone: string): number {
  const minute = Math.floor(at / 60_000) * 60_000;
  const l = localDateTime(new Date(minute), timeZone);
  const [y, mo, d] = l.date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, mo - 1, d, Math.floor(l.minutes / 60), l.minutes % 60) - minute;
}

/**
 * The first instant on local day `localDate` at which the clock in `timeZone` reads `time` or later:
 * the first occurrence when the time repeats, the end of the gap when it does not exist.
 */
export function scheduledInstant(localDate: string, time: string, timeZone: string): Date {
  const [y, mo, d] = localDate.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(y, mo - 1, d, hh, mm);
  const target = `${localDate} ${time}`;
  const day = 86_400_000;
  const offsets = [...new Set([offsetMs(naive - day, timeZone), offsetMs(naive, timeZone), offsetMs(naive + day, timeZone)])];
  const guesses = offsets.map((o) => naive - o).sort((a, b) => a - b);
  const exact = guesses.find((t) => localKey(t, timeZone) === target);
  if (exact !== undefined) return new Date(exact);
  // The time falls into a gap: find the first minute whose local reading is past it.
  let lo = guesses[0] as number;
  let hi = guesses[guesses.length - 1] as number;
  if (localKey(hi, timeZone) < target) return new Date(hi);
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
    if (localKey(mid, timeZone) >= target) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/** Whether the subscription's digest for the current local day is due at `now`. */
export function isDue(sub: ScheduleFields, now: Date): DueCheck {
  const localDate = localDateTime(now, sub.timeZone).date;
  return { due: now.getTime() >= scheduledInstant(localDate, sub.time, sub.timeZone).getTime(), localDate };
}

/** The next scheduled instant strictly after `now` (tomorrow's when today's has passed). */
export function nextRun(sub: ScheduleFields, now: Date): Date {
  const today = localDateTime(now, sub.timeZone).date;
  const todays = scheduledInstant(today, sub.time, sub.timeZone);
  if (todays.getTime() > now.getTime()) return todays;
  // Usually tomorrow. A local day that does not exist (Pacific/Apia skipped 2011-12-30) or whose
  // time falls into a gap reaching past midnight yields an instant on another day: skip it.
  let date = addDays(today, 1);
  for (let i = 0; i < 3; i++, date = addDays(date, 1)) {
    const at = scheduledInstant(date, sub.time, sub.timeZone);
    if (at.getTime() > now.getTime() && localDateTime(at, sub.timeZone).date === date) return at;
  }
  return scheduledInstant(date, sub.time, sub.timeZone);
}
