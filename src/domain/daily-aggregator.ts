/**
 * Folds source rows (hourly or daily) into daily cost records keyed by their natural key.
 * Amounts are summed exactly at fine scale and rounded to nano-units once, per record.
 *
 * Each distinct set of dimensions is kept once, in a DimensionTable shared by a whole import,
 * and entries are keyed by a number (dimensions index, day); the natural-key hash is computed
 * only when records are produced.
 */
import { naturalKey, type CostDimensions, type CostRecord } from './cost-record';
import { monthOf, type Day, type Month } from './days';
import { fineToNanos } from './money';

export interface FineAmounts {
  billed: bigint;
  effective: bigint;
  list: bigint;
}

export class DimensionTable {
  private readonly index = new Map<string, number>();
  private readonly list: CostDimensions[] = [];

  intern(dims: CostDimensions): number {
    const id = dimsIdentity(dims);
    const seen = this.index.get(id);
    if (seen !== undefined) {
      // Names and types may be filled in on a later row; keep the most informative version.
      const kept = this.list[seen]!;
      if ((!kept.subAccountName && dims.subAccountName) || (!kept.instanceType && dims.instanceType) || (!kept.resourceType && dims.resourceType)) {
        this.list[seen] = { ...kept, ...dims, subAccountName: dims.subAccountName || kept.subAccountName, instanceType: dims.instanceType || kept.instanceType, resourceType: dims.resourceType || kept.resourceType };
      }
      return seen;
    }
    this.list.push(dims);
    this.index.set(id, this.list.length - 1);
    return this.list.length - 1;
  }

  get(i: number): CostDimensions {
    const dims = this.list[i];
    if (!dims) throw new RangeError(`no dimensions at ${i}`);
    return dims;
  }

  get size(): number {
    return this.list.length;
  }
}

interface Entry extends FineAmounts {
  dims: number;
  day: Day;
}

export class DailyAggregator {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly table: DimensionTable) {}

  add(dims: number, day: Day, amounts: FineAmounts): void {
    const key = `${dims}|${day}`;
    const entry = this.entries.get(key);
    if (entry) {
      entry.billed += amounts.billed;
      entry.effective += amounts.effective;
      entry.list += amounts.list;
      return;
    }
    this.entries.set(key, { dims, day, billed: amounts.billed, effective: amounts.effective, list: amounts.list });
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The records in chunks of about `chunkSize`, oldest day first. A chunk never splits a day or
   * spans two months. The aggregator is empty afterwards.
   */
  *drainChunks(ingestedAt: Date, chunkSize = 20_000): Generator<CostRecord[]> {
    const byDay = new Map<Day, Entry[]>();
    for (const e of this.entries.values()) {
      const list = byDay.get(e.day);
      if (list) list.push(e);
      else byDay.set(e.day, [e]);
    }
    this.entries.clear();
    let chunk: CostRecord[] = [];
    let month: Month | undefined;
    for (const day of [...byDay.keys()].sort()) {
      if (chunk.length > 0 && (chunk.length >= chunkSize || monthOf(day) !== month)) {
        yield chunk;
        chunk = [];
      }
      month = monthOf(day);
      for (const e of byDay.get(day)!) chunk.push(this.toRecord(e, ingestedAt));
      byDay.delete(day);
    }
    if (chunk.length > 0) yield chunk;
  }

  private toRecord(e: Entry, ingestedAt: Date): CostRecord {
    const d = this.table.get(e.dims);
    // Spelled out rather than spread: this runs once per record and spread is several times slower.
    const record: CostRecord = {
      source: d.source, provider: d.provider, providerName: d.providerName, billingAccountId: d.billingAccountId,
      billingAccountName: d.billingAccountName, subAccountId: d.subAccountId, subAccountName: d.subAccountName,
      service: d.service, serviceCategory: d.serviceCategory, regionId: d.regionId, regionName: d.regionName,
      chargeCategory: d.chargeCategory, resourceId: d.resourceId, currency: d.currency, tags: d.tags,
      id: naturalKey(d, e.day),
      day: e.day,
      month: monthOf(e.day),
      billed: fineToNanos(e.billed),
      effective: fineToNanos(e.effective),
      list: fineToNanos(e.list),
      ingestedAt,
    };
    // Only when the source said: records without them keep the shape they always had.
    if (d.resourceType) record.resourceType = d.resourceType;
    if (d.instanceType) record.instanceType = d.instanceType;
    return record;
  }
}

/** The parts of the natural key other than the day, as one string. */
function dimsIdentity(d: CostDimensions): string {
  const tags = Object.keys(d.tags).sort().map((k) => `${k}\u001f${d.tags[k]}`).join('\u001e');
  return [d.source, d.provider, d.billingAccountId, d.subAccountId, d.service, d.regionId, d.chargeCategory, d.resourceId, d.currency, tags].join('\u001d');
}
