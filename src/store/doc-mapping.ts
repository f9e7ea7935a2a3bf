/**
 * Domain record <-> stored document. Tag keys may contain "." or start with "$", which
 * MongoDB field names cannot, so they are escaped with look-alike full-width characters.
 */
import { dimensionFields, type CostRecord, type DimensionField, type Tags } from '../domain/cost-record';

/** A stored record: its dimensions as written (cost-record.ts), escaped tags, amounts in nano-units. */
export type CostRecordDoc = Record<DimensionField, string> & {
  _id: string;
  day: string;
  month: string;
  tags: Record<string, string>;
  /** Only present when the source said (see CostDimensions). */
  resourceType?: string;
  instanceType?: string;
  billed: bigint;
  effective: bigint;
  list: bigint;
  ingestedAt: Date;
  importId: string;
};

export function encodeTagKey(key: string): string {
  return key.replace(/\./g, '\uff0e').replace(/^\$/, '\uff04');
}

export function decodeTagKey(key: string): string {
  return key.replace(/\uff0e/g, '.').replace(/^\uff04/, '$');
}

export function encodeTags(tags: Tags): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(tags)) out[encodeTagKey(k)] = v;
  return out;
}

export function decodeTags(tags: Record<string, string> | undefined): Tags {
  const out: Tags = {};
  for (const [k, v] of Object.entries(tags ?? {})) out[decodeTagKey(k)] = v;
  return out;
}

export function toDoc(record: CostRecord, importId: string): CostRecordDoc {
  const doc: CostRecordDoc = {
    _id: record.id,
    day: record.day,
    month: record.month,
    ...dimensionFields(record),
    tags: encodeTags(record.tags),
    billed: record.billed,
    effective: record.effective,
    list: record.list,
    ingestedAt: record.ingestedAt,
    importId,
  };
  if (record.resourceType) doc.resourceType = record.resourceType;
  if (record.instanceType) doc.instanceType = record.instanceType;
  return doc;
}

export function fromDoc(doc: CostRecordDoc): CostRecord {
  const record: CostRecord = {
    id: doc._id,
    day: doc.day,
    month: doc.month,
    ...dimensionFields(doc),
    chargeCategory: doc.chargeCategory as CostRecord['chargeCategory'],
    tags: decodeTags(doc.tags),
    billed: BigInt(doc.billed),
    effective: BigInt(doc.effective),
    list: BigInt(doc.list),
    ingestedAt: doc.ingestedAt,
  };
  if (doc.resourceType) record.resourceType = doc.resourceType;
  if (doc.instanceType) record.instanceType = doc.instanceType;
  return record;
}
