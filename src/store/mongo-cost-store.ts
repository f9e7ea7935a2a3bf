/**
 * The cost store on MongoDB (or any server speaking its wire protocol, FerretDB included).
 * Records live in monthly partitions with daily and monthly rollups beside them; see partitions.ts.
 */
import { randomUUID } from 'node:crypto';
import type { Collection } from 'mongodb';
import type { Connection, Model } from 'mongoose';
import type { CostRecord } from '../domain/cost-record';
import type { CostQuery, GroupRow } from '../domain/cost-query';
import { coversMonth, DateRange, monthsIn, type Day } from '../domain/days';
import { AppError } from '../domain/errors';
import type { Logger } from '../ports/logger';
import type { CatalogDim, CostStore, DimensionValue, ReplaceResult, StoreCoverage, WriteResult } from '../ports/cost-store';
import type { CostRecordScanner, RecordScanFilter, ScannedRecord } from '../ports/record-scanner';
import { DimensionCatalog } from './dimension-catalog';
import { partitionCollection, type PartitionKind, type PartitionState } from './partitions';
import { prefetch } from './batching';
import { PartitionWriter, type StoredDoc } from './partition-writer';
import { WriteSession, type PartitionStates } from './write-session';
import { assertWithin, removeStaleRecords } from './day-replacement';
import { buildPipeline, kindCanAnswer } from './query-pipeline';
import { scanMonths, scanPartitions } from './record-scan';
import { costRecordSchema, dailyRollupSchema, monthlyRollupSchema, partitionStateSchema } from './schemas';
import { WriteLock } from './write-lock';

const QUERY_CONCURRENCY = 4;

export interface MongoCostStoreOptions {
  logger: Logger;
  /** How long to wait for another writer before giving up. */
  lockWaitMs?: number;
}

export class MongoCostStore implements CostStore, CostRecordScanner {
  private readonly partitions: Model<PartitionState>;
  private readonly catalog: DimensionCatalog;
  private readonly lock: WriteLock;
  private readonly owner = randomUUID();
  private readonly writer = new PartitionWriter((kind, month) => this.collection(kind, month));
  /** Off on servers that cannot use them for queries, where they would only slow writes. */
  private secondaryIndexes = true;

  constructor(private readonly conn: Connection, private readonly options: MongoCostStoreOptions) {
    this.partitions = conn.models.CostPartition ?? conn.model<PartitionState>('CostPartition', partitionStateSchema);
    this.catalog = new DimensionCatalog(conn);
    this.lock = new WriteLock(conn, 'cost-writes');
  }

  /** Repairs rollups a crashed writer left half-built. Call once at start. */
  async init(): Promise<void> {
    this.secondaryIndexes = await serverUsesIndexes(this.conn);
    const dirty = await this.partitions.find({ dirty: true }).lean();
    if (dirty.length === 0) return;
    await this.withLock(async () => {
      for (const state of dirty) {
        this.options.logger.warn({ month: state._id }, 'rebuilding rollups left incomplete by an interrupted write');
        await this.rebuildMonth(state._id);
      }
    });
  }

  writeRecords(input: readonly CostRecord[] | AsyncIterable<readonly CostRecord[]>, options: { importId: string }): Promise<WriteResult> {
    return this.withLock(() => this.writeLocked(input, options.importId));
  }

  async replaceSourceDays(source: string, days: readonly Day[], records: readonly CostRecord[], options: { importId: string }): Promise<ReplaceResult> {
    assertWithin(source, days, records);
    return this.withLock(async () => {
      const written = await this.writeLocked(records, options.importId);
      const removed = await removeStaleRecords(this.writer, this.states(), source, days, new Set(records.map((r) => r.id)));
      return { ...written, removed };
    });
  }

  private async writeLocked(input: readonly CostRecord[] | AsyncIterable<readonly CostRecord[]>, importId: string): Promise<WriteResult> {
    const session = new WriteSession(this.writer, this.states(), importId, this.options.logger);
    for await (const batch of Symbol.asyncIterator in input ? prefetch(input) : [input as readonly CostRecord[]]) {
      await session.add(batch);
      await this.lock.acquire(this.owner); // renew the lease as long writes go on
    }
    const result = await session.finish();
    await this.catalog.write(session.catalog);
    return result;
  }

  /** Full rebuild of one month's rollups from its records. */
  async rebuildMonth(month: string): Promise<void> {
    await this.setState(month, { dirty: true });
    await this.ensureIndexes(month); // an interrupted first write may not have made them
    const result = await this.writer.rebuildMonth(month);
    await this.setState(month, { dirty: false, hasData: result.days > 0, firstDay: result.firstDay, lastDay: result.lastDay });
  }

  async groupCosts(query: CostQuery): Promise<GroupRow[]> {
    const months = monthsIn(query.range);
    if (months.length === 0) return [];
    const states = new Map((await this.partitions.find({ _id: { $in: months } }).lean()).map((s) => [s._id, s]));
    const tasks = months
      .filter((m) => states.get(m)?.hasData || states.get(m)?.dirty)
      .map((month) => () => this.groupMonth(query, month, states.get(month)!));
    const rows: GroupRow[] = [];
    for (let i = 0; i < tasks.length; i += QUERY_CONCURRENCY) {
      for (const part of await Promise.all(tasks.slice(i, i + QUERY_CONCURRENCY).map((t) => t()))) rows.push(...part);
    }
    return rows;
  }

  private async groupMonth(query: CostQuery, month: string, state: PartitionState): Promise<GroupRow[]> {
    const whole = coversMonth(query.range, month);
    const kind = pickKind(query, whole, state.dirty);
    const days: DateRange | undefined = whole ? undefined : query.range;
    const pipeline = buildPipeline(query, days);
    const results = await this.collection(kind, month).aggregate(pipeline, { useBigInt64: true }).toArray();
    return results
      .map((r) => {
        const id = (r._id ?? {}) as { c?: string; k?: unknown; l?: unknown };
        return { currency: id.c ?? '', key: id.k == null ? '' : String(id.k), label: id.l == null ? '' : String(id.l), amount: exactAmount(r.v) };
      })
      .filter((row) => !(row.key === '' && row.amount === 0n));
  }

  /** Records of the days asked for, batch by batch (recommendations read them; see record-scan.ts). */
  async *scanRecords(filter: RecordScanFilter): AsyncIterable<ScannedRecord[]> {
    const wanted = scanMonths(filter);
    if (wanted.length === 0) return;
    const states = await this.partitions.find({ _id: { $in: wanted } }).lean();
    const months = states.filter((s) => s.hasData || s.dirty).map((s) => s._id).sort();
    yield* scanPartitions((month) => this.collection('records', month), months, filter);
  }

  dimensionValues(dim: CatalogDim): Promise<DimensionValue[]> {
    return this.catalog.values(dim);
  }

  async coverage(): Promise<StoreCoverage> {
    const states = (await this.partitions.find({}).lean()).filter((s) => s.hasData).sort((a, b) => a._id.localeCompare(b._id));
    return {
      months: states.map((s) => s._id),
      firstDay: states[0]?.firstDay,
      lastDay: states[states.length - 1]?.lastDay,
      lastIngestedAt: states.reduce<Date | undefined>((max, s) => (!max || s.updatedAt > max ? s.updatedAt : max), undefined),
    };
  }

  private model(kind: PartitionKind, month: string): Model<unknown> {
    const name = partitionCollection(kind, month);
    const schema = kind === 'records' ? costRecordSchema : kind === 'daily' ? dailyRollupSchema : monthlyRollupSchema;
    return (this.conn.models[name] ?? this.conn.model(name, schema as never, name)) as Model<unknown>;
  }

  /** The driver collection under a partition's model: bulk paths skip per-document casting. */
  private collection(kind: PartitionKind, month: string): Collection<StoredDoc> {
    return this.model(kind, month).collection as unknown as Collection<StoredDoc>;
  }

  /** The partition bookkeeping a write session and a replacement share. */
  private states(): PartitionStates {
    return {
      get: (month: string) => this.partitions.findById(month).lean(),
      set: (month: string, patch: Partial<PartitionState>) => this.setState(month, patch),
      ensureIndexes: (month: string) => this.ensureIndexes(month),
    };
  }

  private async ensureIndexes(month: string): Promise<void> {
    if (!this.secondaryIndexes) return;
    for (const kind of ['records', 'daily', 'monthly'] as const) await this.model(kind, month).createIndexes();
  }


  private async setState(month: string, patch: Partial<PartitionState>): Promise<void> {
    const $set: Record<string, unknown> = { updatedAt: new Date() };
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) $set[k] = v;
    await this.partitions.updateOne({ _id: month }, { $set }, { upsert: true });
  }

  private async withLock<T>(work: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + (this.options.lockWaitMs ?? 30_000);
    while (!(await this.lock.acquire(this.owner))) {
      if (Date.now() > deadline) throw new AppError('STORE_BUSY', 'Another import is writing costs right now. Try again when it has finished.');
      await new Promise((r) => setTimeout(r, 250));
    }
    try {
      return await work();
    } finally {
      await this.lock.release(this.owner);
    }
  }
}

/** The smallest collection that can answer: monthly rollup, daily rollup, or the records. */
export function pickKind(query: CostQuery, wholeMonth: boolean, dirty: boolean): PartitionKind {
  if (dirty || !kindCanAnswer('daily', query)) return 'records';
  return wholeMonth && kindCanAnswer('monthly', query) ? 'monthly' : 'daily';
}

/** $sum of Int64 stays Int64 unless it overflows, when servers return a double: refuse that. */
function exactAmount(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  throw new AppError('INTERNAL', 'A total is too large to add up exactly.', { detail: { value } });
}

/**
 * FerretDB v1 on SQLite pushes no filter down to its indexes (explain shows a full SCAN for
 * every query but _id equality), so secondary indexes there cost writes and help no read.
 */
export async function serverUsesIndexes(conn: Connection): Promise<boolean> {
  const info = await conn.db!.admin().command({ buildInfo: 1 }).catch(() => ({}));
  return !('ferretdbVersion' in info);
}
