/**
 * Pulls a CostSource's records for a range and writes them to the store, batch by batch.
 */
import { randomUUID } from 'node:crypto';
import type { DateRange } from '../domain/days';
import type { CostSource } from '../ports/cost-source';
import type { CostStore } from '../ports/cost-store';

export interface SyncSummary {
  source: string;
  range: DateRange;
  records: number;
}

export async function syncSource(
  store: CostStore,
  source: CostSource,
  range: DateRange,
  onBatch?: (written: number) => void,
): Promise<SyncSummary> {
  const importId = `${source.id}:${randomUUID()}`;
  let records = 0;
  if (range.start < range.end) {
    for await (const batch of source.fetch(range)) {
      const result = await store.writeRecords(batch, { importId });
      records += result.records;
      onBatch?.(records);
    }
  }
  return { source: source.id, range, records };
}
