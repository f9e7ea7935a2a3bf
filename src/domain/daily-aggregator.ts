/**
 * Folds source rows (hourly or daily) into daily cost records keyed by their natural key.
 * Amounts are summed exactly at fine scale and rounded to nano-units once, per record.
 */
import { naturalKey, type CostDimensions, type CostRecord } from './cost-record';
import { monthOf, type Day } from './days';
import { fineToNanos } from './money';

interface Entry {
  dims: CostDimensions;
  day: Day;
  billed: bigint;
  effective: bigint;
  list: bigint;
}

export interface FineAmounts {
  billed: bigint;
  effective: bigint;
  list: bigint;
}

export class DailyAggregator {
  private readonly entries = new Map<string, Entry>();

  add(dims: CostDimensions, day: Day, amounts: FineAmounts): void {
    const key = naturalKey(dims, day);
    const entry = this.entries.get(key);
    if (entry) {
      entry.billed += amounts.billed;
      entry.effective += amounts.effective;
      entry.list += amounts.list;
      // Names may be filled in on a later row; keep the most informative.
      if (!entry.dims.subAccountName && dims.subAccountName) entry.dims = dims;
      return;
    }
    this.entries.set(key, { dims, day, ...amounts });
  }

  get size(): number {
    return this.entries.size;
  }

  /** The aggregated records; the aggregator is emptied as they are produced. */
  *drain(ingestedAt: Date): Generator<CostRecord> {
    for (const [id, e] of this.entries) {
      this.entries.delete(id);
      yield {
        ...e.dims,
        id,
        day: e.day,
        month: monthOf(e.day),
        billed: fineToNanos(e.billed),
        effective: fineToNanos(e.effective),
        list: fineToNanos(e.list),
        ingestedAt,
      };
    }
  }
}
