/**
 * Costs are kept in one set of collections per UTC month. A question about a month reads only
 * that month's collections, and a year of history never slows down this week's questions.
 * (It matters most on servers without filter pushdown, like FerretDB on SQLite.)
 */
export type PartitionKind = 'records' | 'daily' | 'monthly';

const PREFIX: Record<PartitionKind, string> = {
  records: 'cost_records',
  daily: 'cost_daily',
  monthly: 'cost_monthly',
};

export function partitionCollection(kind: PartitionKind, month: string): string {
  if (!/^\d{4}-\d{2}$/.test(month)) throw new Error(`bad partition month: ${month}`);
  return `${PREFIX[kind]}_${month.replace('-', '_')}`;
}

/** State of one month's partition, kept in the `cost_partitions` collection. */
export interface PartitionState {
  _id: string; // YYYY-MM
  hasData: boolean;
  /** Set while records are being written and rollups rebuilt; readers then use the records. */
  dirty: boolean;
  firstDay?: string;
  lastDay?: string;
  updatedAt: Date;
}
