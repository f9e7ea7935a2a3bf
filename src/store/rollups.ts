/**
 * Rollups: the same costs without resources and tags, summed per day and per month.
 * Most questions are answered from these, which are far smaller than the records.
 */
import { createHash } from 'node:crypto';
import { ROLLUP_KEY_DIMENSIONS, ROLLUP_NAME_DIMENSIONS, type RollupDimensionField } from '../domain/cost-record';

export type RollupSource = Record<RollupDimensionField, string> & {
  day: string;
  month: string;
  billed: bigint;
  effective: bigint;
  list: bigint;
};

export type RollupDoc = Omit<RollupSource, 'day'> & {
  _id: string;
  day?: string; // absent in monthly rollups
  records: number;
};

/** Fields a rollup is grouped by, besides the day or month (their order makes the stored ids). */
const KEY_FIELDS = ROLLUP_KEY_DIMENSIONS;

/** Projection for reading what a rollup needs from records or daily rollups. */
export const ROLLUP_SOURCE_PROJECTION = Object.fromEntries(
  ['day', 'month', ...KEY_FIELDS, ...ROLLUP_NAME_DIMENSIONS, 'billed', 'effective', 'list'].map((f) => [f, 1]),
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
      ...Object.fromEntries([...KEY_FIELDS, ...ROLLUP_NAME_DIMENSIONS].map((f) => [f, source[f]])) as Record<RollupDimensionField, string>,
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
