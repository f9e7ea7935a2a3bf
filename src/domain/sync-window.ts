/**
 * Which days a cloud sync fetches. Pure: today, past runs and settings come in as values.
 *
 * - First sync: the last `backfillDays` days up to yesterday.
 * - Later syncs: the last `reviseDays` days (providers revise recent days), plus any gap since
 *   the last day synced and any day a run failed to sync since. Nothing older than the
 *   backfill horizon, and a closed day that synced well is never fetched again.
 * - An explicit window is fetched exactly.
 */
import { addDays, daysIn, firstDayOfMonth, monthOf, nextMonth, rangeLength, type DateRange, type Day } from './days';
import type { SyncRun } from './sync-run';

export interface SyncWindowSettings {
  backfillDays: number;
  reviseDays: number;
}

export type PastRun = Pick<SyncRun, 'from' | 'to' | 'status' | 'failedDays' | 'finishedAt'>;

export function planSyncWindow(today: Day, runs: readonly PastRun[], settings: SyncWindowSettings): DateRange {
  const end = today;
  const horizon = addDays(today, -settings.backfillDays);
  const state = dayStates(runs, horizon, end);
  const synced = [...state].filter(([, ok]) => ok).map(([d]) => d).sort();
  if (synced.length === 0) return { start: horizon, end };
  const failed = [...state].filter(([, ok]) => !ok).map(([d]) => d).sort();
  const candidates = [addDays(today, -settings.reviseDays), addDays(synced[synced.length - 1]!, 1)];
  if (failed[0]) candidates.push(failed[0]);
  const start = candidates.sort()[0]!;
  return { start: start < horizon ? horizon : start > end ? end : start, end };
}

/** The latest outcome of each day within [horizon, end): true when it synced, false when it failed. */
function dayStates(runs: readonly PastRun[], horizon: Day, end: Day): Map<Day, boolean> {
  const state = new Map<Day, boolean>();
  const ordered = [...runs].sort((a, b) => a.finishedAt.getTime() - b.finishedAt.getTime());
  for (const run of ordered) {
    const failed = new Set(run.status === 'failed' ? [] : run.failedDays);
    const from = run.from < horizon ? horizon : run.from;
    const to = run.to >= end ? addDays(end, -1) : run.to;
    for (const day of daysIn({ start: from, end: addDays(to, 1) })) state.set(day, run.status !== 'failed' && !failed.has(day));
  }
  return state;
}

/** Splits a range into consecutive pieces of at most `maxDays` days. */
export function chunkRange(range: DateRange, maxDays: number): DateRange[] {
  const out: DateRange[] = [];
  for (let start = range.start; start < range.end; start = addDays(start, maxDays)) {
    const end = addDays(start, maxDays);
    out.push({ start, end: end < range.end ? end : range.end });
  }
  return out;
}

/**
 * For providers without a per-day flag: a day is final once its month has been over for
 * `graceDays` days (invoices close early in the following month).
 */
export function isClosedDay(day: Day, today: Day, graceDays = 5): boolean {
  return today >= addDays(firstDayOfMonth(nextMonth(monthOf(day))), graceDays);
}

export function windowDays(range: DateRange): number {
  return Math.max(0, rangeLength(range));
}
