/**
 * Folds source rows (hourly or daily) into daily cost records keyed by their natural key.
 * Amounts are summed exactly at fine scale and rounded to nano-units once, per record.
 *
 * Memory is what limits big imports, so each distinct set of dimensions is kept once and
 * entries are keyed by a number (dimensions index, day); the natural-key hash is computed
 * only when records are produced, month by month.
 */
import { naturalKey, type CostDimensions, type CostRecord } from './cost-record';
import { monthOf, rangeLength, type Day, type Month } from './days';
import { fineToNanos } from './money';

export interface FineAmounts {
  billed: bigint;
  effective: bigint;
  list: bigint;
}

interface Entry {
  dims: number;
  day: number;
  billed: bigint;
  effective: bigint;
  list: bigint;
}

const EPOCH: Day = '1970-01-01';
const DAY_SPAN = 2 ** 17; // day numbers stay below this until year 2328

export class DailyAggregator {
  private readonly dimsIndex = new Map<string, number>();
  private readonly dimsList: CostDimensions[] = [];
  private readonly entries = new Map<number, Entry>();
  private readonly dayNumbers = new Map<Day, number>();
  private readonly days = new Map<number, Day>();

  add(dims: CostDimensions, day: Day, amounts: FineAmounts): void {
    const d = this.internDims(dims);
    const n = this.dayNumber(day);
    const key = d * DAY_SPAN + n;
    const entry = this.entries.get(key);
    if (entry) {
      entry.billed += amounts.billed;
      entry.effective += amounts.effective;
      entry.list += amounts.list;
      return;
    }
    this.entries.set(key, { dims: d, day: n, ...amounts });
  }

  get size(): number {
    return this.entries.size;
  }

  /** Records grouped by month, oldest first; each month is released as soon as it is taken. */
  *drainByMonth(ingestedAt: Date): Generator<{ month: Month; records: CostRecord[] }> {
    const byMonth = new Map<Month, Entry[]>();
    for (const e of this.entries.values()) {
      const month = monthOf(this.days.get(e.day)!);
      const list = byMonth.get(month);
      if (list) list.push(e);
      else byMonth.set(month, [e]);
    }
    this.entries.clear();
    for (const month of [...byMonth.keys()].sort()) {
      const entries = byMonth.get(month)!;
      byMonth.delete(month);
      yield { month, records: entries.map((e) => this.toRecord(e, ingestedAt)) };
    }
  }

  private toRecord(e: Entry, ingestedAt: Date): CostRecord {
    const dims = this.dimsList[e.dims]!;
    const day = this.days.get(e.day)!;
    return {
      ...dims,
      id: naturalKey(dims, day),
      day,
      month: monthOf(day),
      billed: fineToNanos(e.billed),
      effective: fineToNanos(e.effective),
      list: fineToNanos(e.list),
      ingestedAt,
    };
  }

  private internDims(dims: CostDimensions): number {
    const id = dimsIdentity(dims);
    const seen = this.dimsIndex.get(id);
    if (seen !== undefined) {
      // Names may be filled in on a later row; keep the most informative version.
      if (!this.dimsList[seen]!.subAccountName && dims.subAccountName) this.dimsList[seen] = dims;
      return seen;
    }
    this.dimsList.push(dims);
    this.dimsIndex.set(id, this.dimsList.length - 1);
    return this.dimsList.length - 1;
  }

  private dayNumber(day: Day): number {
    let n = this.dayNumbers.get(day);
    if (n === undefined) {
      n = rangeLength({ start: EPOCH, end: day });
      this.dayNumbers.set(day, n);
      this.days.set(n, day);
    }
    return n;
  }
}

/** The parts of the natural key other than the day, as one string. */
function dimsIdentity(d: CostDimensions): string {
  const tags = Object.keys(d.tags).sort().map((k) => `${k}\u001f${d.tags[k]}`).join('\u001e');
  return [d.source, d.provider, d.billingAccountId, d.subAccountId, d.service, d.regionId, d.chargeCategory, d.resourceId, d.currency, tags].join('\u001d');
}
