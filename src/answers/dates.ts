/** Short, unambiguous day words for people ("Nov 19", "Wed, Nov 19") and for commands ("2026-11-01..2026-11-30"). */
import { lastDay, type DateRange, type Day } from '../domain/days';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Nov 19", or "Nov 19, 2025" when `yearUnlessIn` is given and the year differs from it. */
export function shortDay(day: Day, yearUnlessIn?: Day): string {
  const month = MONTHS[Number(day.slice(5, 7)) - 1] ?? day.slice(5, 7);
  const text = `${month} ${Number(day.slice(8, 10))}`;
  return yearUnlessIn !== undefined && yearUnlessIn.slice(0, 4) !== day.slice(0, 4) ? `${text}, ${day.slice(0, 4)}` : text;
}

/** "Wed, Nov 19". Days are UTC calendar dates, so the weekday is computed in UTC. */
export function weekdayDay(day: Day): string {
  const weekday = WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()] ?? '';
  return `${weekday}, ${shortDay(day)}`;
}

/** "Oct 1 – Oct 31, 2026" (inclusive last day), or "Oct 1, 2026" for a single day. */
export function rangeText(range: DateRange): string {
  const end = lastDay(range);
  if (end <= range.start) return `${shortDay(range.start)}, ${range.start.slice(0, 4)}`;
  const sameYear = range.start.slice(0, 4) === end.slice(0, 4);
  const from = sameYear ? shortDay(range.start) : `${shortDay(range.start)}, ${range.start.slice(0, 4)}`;
  return `${from} – ${shortDay(end)}, ${end.slice(0, 4)}`;
}

/** The range as the period parser reads it back: "2026-09-01..2026-09-30" or one day "2026-09-05". */
export function rangeCommandText(range: DateRange): string {
  const end = lastDay(range);
  return end <= range.start ? range.start : `${range.start}..${end}`;
}
