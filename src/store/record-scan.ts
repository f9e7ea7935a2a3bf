/**
 * Reads stored records batch by batch from the monthly partitions a filter touches, with only the
 * fields the recommendation rules read. Plain $match operators, so FerretDB v1 runs it too.
 */
import type { Collection } from 'mongodb';
import type { ScannedRecord } from '../domain/advice/advice-data';
import type { ChargeCategory } from '../domain/cost-record';
import { monthOf, monthsIn, type Month } from '../domain/days';
import type { RecordScanFilter } from '../ports/record-scanner';
import { decodeTags } from './doc-mapping';
import type { StoredDoc } from './partition-writer';

const BATCH = 5000;

const PROJECTION = {
  provider: 1, subAccountId: 1, subAccountName: 1, service: 1, serviceCategory: 1, regionId: 1, chargeCategory: 1,
  resourceId: 1, resourceType: 1, instanceType: 1, currency: 1, tags: 1, day: 1, billed: 1, effective: 1,
} as const;

export function scanMonths(filter: RecordScanFilter): Month[] {
  if (filter.days) return [...new Set(filter.days.map(monthOf))].sort();
  return filter.range ? monthsIn(filter.range) : [];
}

export function scanMatch(filter: RecordScanFilter, month: Month): Record<string, unknown> {
  const match: Record<string, unknown> = {};
  if (filter.range) match.day = { $gte: filter.range.start, $lt: filter.range.end };
  if (filter.days) match.day = { $in: filter.days.filter((d) => monthOf(d) === month) };
  if (filter.chargeCategories?.length) match.chargeCategory = { $in: [...filter.chargeCategories] };
  return match;
}

/** `months`: the partitions that hold data, oldest first. */
export async function* scanPartitions(collection: (month: Month) => Collection<StoredDoc>, months: Month[], filter: RecordScanFilter): AsyncIterable<ScannedRecord[]> {
  for (const month of months) {
    let batch: ScannedRecord[] = [];
    const cursor = collection(month).find(scanMatch(filter, month), { projection: PROJECTION, batchSize: BATCH, useBigInt64: true });
    for await (const doc of cursor) {
      batch.push(toScanned(doc));
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
}

function toScanned(doc: Record<string, unknown>): ScannedRecord {
  const text = (k: string) => (typeof doc[k] === 'string' ? (doc[k] as string) : '');
  const record: ScannedRecord = {
    provider: text('provider'), subAccountId: text('subAccountId'), subAccountName: text('subAccountName'), service: text('service'),
    serviceCategory: text('serviceCategory'), regionId: text('regionId'), chargeCategory: text('chargeCategory') as ChargeCategory,
    resourceId: text('resourceId'), currency: text('currency'), tags: decodeTags(doc.tags as Record<string, string> | undefined), day: text('day'),
    billed: BigInt(doc.billed as bigint), effective: BigInt(doc.effective as bigint),
  };
  if (doc.resourceType) record.resourceType = text('resourceType');
  if (doc.instanceType) record.instanceType = text('instanceType');
  return record;
}
