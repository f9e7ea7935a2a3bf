/**
 * The second half of replacing a source's days: after the new records are upserted, the
 * source's records on those days that the new set no longer has are removed, and the touched
 * months' rollups recomputed. Runs under the store's write lock.
 */
import type { CostRecord } from '../domain/cost-record';
import { monthOf, type Day } from '../domain/days';
import { AppError } from '../domain/errors';
import type { PartitionWriter } from './partition-writer';
import type { PartitionStates } from './write-session';

export async function removeStaleRecords(writer: PartitionWriter, states: PartitionStates, source: string, days: readonly Day[], keep: ReadonlySet<string>): Promise<number> {
  let removed = 0;
  for (const [month, monthDays] of byMonth(days)) {
    const state = await states.get(month);
    if (!state || (!state.hasData && !state.dirty)) continue; // nothing was ever stored that month
    const stale = await writer.staleIds(month, monthDays, source, keep);
    if (stale.length === 0) continue;
    await states.set(month, { dirty: true }); // readers fall back to the records meanwhile
    await writer.removeRecords(month, monthDays, stale);
    await writer.rebuildMonthlyFromDaily(month);
    const bounds = await writer.dayBounds(month);
    await states.set(month, { dirty: false, hasData: bounds.firstDay !== undefined, ...bounds });
    removed += stale.length;
  }
  return removed;
}

/** A replacement may only touch its own source and days; anything else is a bug upstream. */
export function assertWithin(source: string, days: readonly Day[], records: readonly CostRecord[]): void {
  const allowed = new Set(days);
  const stray = records.find((r) => r.source !== source || !allowed.has(r.day));
  if (stray) {
    throw new AppError('INTERNAL', 'A sync produced a cost outside the days it was replacing.', { detail: { source, day: stray.day, recordSource: stray.source } });
  }
}

function byMonth(days: readonly Day[]): Map<string, Day[]> {
  const out = new Map<string, Day[]>();
  for (const day of [...new Set(days)].sort()) {
    const list = out.get(monthOf(day));
    if (list) list.push(day);
    else out.set(monthOf(day), [day]);
  }
  return out;
}
