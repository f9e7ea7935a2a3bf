/**
 * Rollups: the same costs without resources and tags, summed per day and per month.
 * Most questions are answered from these, which are far smaller than the records.
 */
import { createHash } from 'node:crypto';

export interface RollupSource {
  day: string;
  month: string;
  provider: string;
  billingAccountId: string;
  billingAccountName: string;
  subAccountId: string;
  subAccountName: string;
  service: string;
  serviceCategory: string;
  regionId: string;
  regionName: string;
  chargeCategory: string;
  currency: string;
  billed: bigint;
  effective: bigint;
  list: bigint;
}

export interface RollupDoc extends Omit<RollupSource, 'day'> {
  _id: string;
  day?: string; // absent in monthly rollups
  records: number;
}

/** Fields a rollup is grouped by, besides the day or month. */
const KEY_FIELDS = ['provider', 'billingAccountId', 'subAccountId', 'service', 'regionId', 'chargeCategory', 'currency'] as const;

/** Projection for reading what a rollup needs from records or daily rollups. */
export const ROLLUP_SOURCE_PROJECTION = Object.fromEntries(
  ['day', 'month', ...KEY_FIELDS, 'billingAccountName', 'subAccountName', 'serviceCategory', 'regionName', 'billed', 'effective', 'list'].map((f) => [f, 1]),
);

export class RollupAccumulator {
  private readonly groups = new Map<string, RollupDoc>();

  constructor(private readonly grain: 'day' | 'month') {}

  add(source: RollupSource, records = 1): void {
    const period = this.grain === 'day' ? source.day : source.month;
    const key = `${period}\u001d${KEY_FIELDS.map((f) => source[f]).join('\u001d')}`;
    const seen = this.groups.get(key);
    if (seen) {
      seen.billed += BigInt(source.billed);
      seen.effective += BigInt(source.effective);
      seen.list += BigInt(source.list);
      seen.records += records;
      // Names follow the newest data; any non-empty one is better than none.
      if (source.subAccountName) seen.subAccountName = source.subAccountName;
      if (source.billingAccountName) seen.billingAccountName = source.billingAccountName;
      if (source.regionName) seen.regionName = source.regionName;
      return;
    }
    const doc: RollupDoc = {
      _id: createHash('sha256').update(key).digest('base64url').slice(0, 24),
      month: source.month,
      provider: source.provider,
      billingAccountId: source.billingAccountId,
      billingAccountName: source.billingAccountName,
      subAccountId: source.subAccountId,
      subAccountName: source.subAccountName,
      service: source.service,
      serviceCategory: source.serviceCategory,
      regionId: source.regionId,
      regionName: source.regionName,
      chargeCategory: source.chargeCategory,
      currency: source.currency,
      billed: BigInt(source.billed),
      effective: BigInt(source.effective),
      list: BigInt(source.list),
      records,
    };
    if (this.grain === 'day') doc.day = source.day;
    this.groups.set(key, doc);
  }

  docs(): RollupDoc[] {
    return [...this.groups.values()];
  }

  get size(): number {
    return this.groups.size;
  }
}
