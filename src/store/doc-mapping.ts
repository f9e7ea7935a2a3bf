/**
 * Domain record <-> stored document. Tag keys may contain "." or start with "$", which
 * MongoDB field names cannot, so they are escaped with look-alike full-width characters.
 */
import type { CostRecord, Tags } from '../domain/cost-record';

export interface CostRecordDoc {
  _id: string;
  day: string;
  month: string;
  source: string;
  provider: string;
  providerName: string;
  billingAccountId: string;
  billingAccountName: string;
  subAccountId: string;
  subAccountName: string;
  service: string;
  serviceCategory: string;
  regionId: string;
  regionName: string;
  chargeCategory: string;
  resourceId: string;
  currency: string;
  tags: Record<string, string>;
  /** Only present when the source said (see CostDimensions). */
  resourceType?: string;
  instanceType?: string;
  billed: bigint;
  effective: bigint;
  list: bigint;
  ingestedAt: Date;
  importId: string;
}

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
    source: record.source,
    provider: record.provider,
    providerName: record.providerName,
    billingAccountId: record.billingAccountId,
    billingAccountName: record.billingAccountName,
    subAccountId: record.subAccountId,
    subAccountName: record.subAccountName,
    service: record.service,
    serviceCategory: record.serviceCategory,
    regionId: record.regionId,
    regionName: record.regionName,
    chargeCategory: record.chargeCategory,
    resourceId: record.resourceId,
    currency: record.currency,
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
    source: doc.source,
    provider: doc.provider,
    providerName: doc.providerName,
    billingAccountId: doc.billingAccountId,
    billingAccountName: doc.billingAccountName,
    subAccountId: doc.subAccountId,
    subAccountName: doc.subAccountName,
    service: doc.service,
    serviceCategory: doc.serviceCategory,
    regionId: doc.regionId,
    regionName: doc.regionName,
    chargeCategory: doc.chargeCategory as CostRecord['chargeCategory'],
    resourceId: doc.resourceId,
    currency: doc.currency,
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
