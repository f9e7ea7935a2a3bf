/**
 * Mongoose schemas. Money is Int64 nano-units (FerretDB v1 has no Decimal128); days are strings.
 */
import { Schema } from 'mongoose';
import { DIMENSION_FIELDS, ROLLUP_KEY_DIMENSIONS, ROLLUP_NAME_DIMENSIONS } from '../domain/cost-record';
import type { CostRecordDoc } from './doc-mapping';
import type { PartitionState } from './partitions';
import type { RollupDoc } from './rollups';

const money = { type: BigInt, required: true };
const str = { type: String, default: '' };

/** One string path per dimension: `required` ones must be there, the rest default to ''. */
function dimensionPaths(fields: readonly string[], required: readonly string[]) {
  return Object.fromEntries(fields.map((f) => [f, required.includes(f) ? { type: String, required: true } : str]));
}

export const costRecordSchema = new Schema<CostRecordDoc>(
  {
    _id: { type: String, required: true },
    day: { type: String, required: true },
    month: { type: String, required: true },
    ...dimensionPaths(DIMENSION_FIELDS, ['source', 'provider', 'chargeCategory', 'currency']),
    tags: { type: Schema.Types.Mixed, default: {} },
    resourceType: String,
    instanceType: String,
    billed: money,
    effective: money,
    list: money,
    ingestedAt: { type: Date, required: true },
    importId: str,
  },
  { versionKey: false, minimize: false, autoIndex: false },
);
costRecordSchema.index({ day: 1, service: 1 });
costRecordSchema.index({ resourceId: 1, day: 1 });

const rollupFields = {
  _id: { type: String, required: true },
  month: { type: String, required: true },
  ...dimensionPaths([...ROLLUP_KEY_DIMENSIONS, ...ROLLUP_NAME_DIMENSIONS], []),
  billed: money,
  effective: money,
  list: money,
  records: { type: Number, default: 0 },
};

export const dailyRollupSchema = new Schema<RollupDoc>({ ...rollupFields, day: { type: String, required: true } }, { versionKey: false, autoIndex: false });
dailyRollupSchema.index({ day: 1 });

export const monthlyRollupSchema = new Schema<RollupDoc>(rollupFields, { versionKey: false, autoIndex: false });

export const partitionStateSchema = new Schema<PartitionState>(
  {
    _id: { type: String, required: true },
    hasData: { type: Boolean, default: false },
    dirty: { type: Boolean, default: false },
    firstDay: String,
    lastDay: String,
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'cost_partitions' },
);

export interface DimensionDoc {
  _id: string; // `${dim}\u001f${value}`
  dim: string;
  value: string;
  label: string;
  parent: string;
  lastDay: string;
}

export const dimensionSchema = new Schema<DimensionDoc>(
  {
    _id: { type: String, required: true },
    dim: { type: String, required: true },
    value: { type: String, required: true },
    label: str,
    parent: str,
    lastDay: str,
  },
  { versionKey: false, collection: 'cost_dimensions' },
);

export interface LockDoc {
  _id: string; // `${name}#${seq}`
  name: string;
  seq: number;
  owner: string;
  expiresAt: Date;
  released: boolean;
  /** Who holds it, so that a waiting writer can say why it waits. */
  activity?: string;
  host?: string;
  pid?: number;
  startedAt?: Date;
}

export const lockSchema = new Schema<LockDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    seq: { type: Number, required: true },
    owner: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    released: { type: Boolean, default: false },
    activity: String,
    host: String,
    pid: Number,
    startedAt: Date,
  },
  { versionKey: false, collection: 'store_locks' },
);
