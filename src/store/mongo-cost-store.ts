/**
 * The cost store on MongoDB (or any server speaking its wire protocol, FerretDB included).
 * Records live in monthly partitions with daily and monthly rollups beside them; see partitions.ts.
 */
import type { Collection } from 'mongodb';
import type { Connection, Model } from 'mongoose';
import type { DbLimits } from '../ports/db-limits';
import type { CostRecord } from '../domain/cost-record';
import type { CostQuery, GroupRow } from '../domain/cost-query';
import { coversMonth, DateRange, monthsIn, type Day } from '../domain/days';
import { AppError } from '../domain/errors';
import type { Logger } from '../ports/logger';
import type { CatalogDim, CostStore, DimensionValue, ReplaceResult, StoreCoverage, WriteOptions, WriteResult } from '../ports/cost-store';
import type { CostRecordScanner, RecordScanFilter, ScannedRecord } from '../ports/record-scanner';
import { dbLimitsOf, queryMaxTimeMs } from './connection';
import { DAY_DIGESTS_COLLECTION, DayDigests, type DayDigest } from './day-digests';
import { guardDb } from './db-errors';
import { DimensionCatalog } from './dimension-catalog';
import { partitionCollection, type PartitionKind, type PartitionState } from './partitions';
import { prefetch } from './batching';
import { PartitionWriter, type StoredDoc } from './partition-writer';
import { assertWithin, removeStaleRecords } from './day-replacement';
import { WriteSession, type PartitionStates } from './write-session';
import { buildPipeline, kindCanAnswer } from './query-pipeline';
import { scanMonths, scanPartitions } from './record-scan';
import { costRecordSchema, dailyRollupSchema, monthlyRollupSchema, partitionStateSchema } from './schemas';
import { StoreLease } from './store-lease';
import { WriteLock } from './write-lock';

const QUERY_CONCURRENCY = 4;

export interface MongoCostStoreOptions {
  logger: Logger;
  /** Overrides the connection's limits (tests). */
  limits?: Partial<DbLimits>;
  /**
   * Whether to build secondary indexes; by default only where the server uses them (not on
   * FerretDB v1). Tests force MongoDB's path on FerretDB so that it runs there too.
   */
  secondaryIndexes?: boolean;
}

export class MongoCostStore implements CostStore, CostRecordScanner {
  private readonly partitions: Model<PartitionState>;
  private readonly catalog: DimensionCatalog;
  private readonly lease: StoreLease;
  private readonly digests: DayDigests;
  private readonly limits: DbLimits;
  private readonly writer: PartitionWriter;
  /** Dirty months a query has already warned about, so the log says it once. */
  private readonly warnedDirty = new Set<string>();
  /** Off on servers that cannot use them for queries, where they would only slow writes. */
  private secondaryIndexes = true;

  constructor(private readonly conn: Connection, private readonly options: MongoCostStoreOptions) {
    this.limits = { ...dbLimitsOf(conn), ...options.limits };
    this.partitions = conn.models.CostPartition ?? conn.model<PartitionState>('CostPartition', partitionStateSchema);
    this.catalog = new DimensionCatalog(conn);
    this.lease = new StoreLease(new WriteLock(conn, 'cost-writes', this.limits.leaseMs, options.logger), this.limits, options.logger);
    this.digests = new DayDigests(conn.collection<DayDigest>(DAY_DIGESTS_COLLECTION) as unknown as Collection<DayDigest>, this.limits);
    this.writer = new PartitionWriter((kind, month) => this.collection(kind, month), this.limits);
  }

  /**
   * Learns what the server can do. Rollups a crashed writer left half-built are not rebuilt
   * here (that would make the first question after a crash wait): the next writer and the app's
   * repair job do it, and queries read those months' records meanwhile.
   */
  async init(): Promise<void> {
    this.secondaryIndexes = this.options.secondaryIndexes ?? (await guardDb(this.limits, () => serverUsesIndexes(this.conn)));
  }

  writeRecords(input: readonly CostRecord[] | AsyncIterable<readonly CostRecord[]>, options: WriteOptions): Promise<WriteResult> {
    return guardDb(this.limits, () => this.lease.run(options, () => this.writeLeased(input, options)));
  }

  async replaceSourceDays(source: string, days: readonly Day[], records: readonly CostRecord[], options: WriteOptions): Promise<ReplaceResult> {
    assertWithin(source, days, records);
    return guardDb(this.limits, () =>
      this.lease.run(options, async () => {
        const written = await this.writeLeased(records, options);
        const keep = new Set(records.map((r) => r.id));
        // Removing records changes those days: their import digests must not say otherwise.
        await this.digests.forget(days);
        const removed = await removeStaleRecords(this.writer, this.states(), source, days, keep);
        return { ...written, removed };
      }),
    );
  }

  private async writeLeased(input: readonly CostRecord[] | AsyncIterable<readonly CostRecord[]>, options: WriteOptions): Promise<WriteResult> {
    const session = new WriteSession(this.writer, this.states(), this.digests, options.importId, this.options.logger);
    for await (const batch of Symbol.asyncIterator in input ? prefetch(input) : [input as readonly CostRecord[]]) {
      this.lease.checkStillMine(options.signal);
      await session.add(batch);
    }
    this.lease.checkStillMine(options.signal);
    const result = await session.finish();
    await this.catalog.write(session.catalog);
    await this.repairDirtyMonths(); // any left by an earlier crash outside this write's months
    return result;
  }

  /** The partition bookkeeping a write session and a day replacement share. */
  private states(): PartitionStates {
    return {
      get: (month: string) => this.partitions.findById(month).lean(),
      set: (month: string, patch: Partial<PartitionState>) => this.setState(month, patch),
      ensureIndexes: (month: string) => this.ensureIndexes(month),
      rebuild: (month: string) => this.rebuildMonth(month),
    };
  }

  /**
   * Rebuilds the rollups of months an interrupted write left dirty, if no one else is writing.
   * Returns the months repaired (none when another writer holds the lease: it repairs them).
   */
  repairRollups(): Promise<string[]> {
    return guardDb(this.limits, async () => {
      if ((await this.dirtyMonths()).length === 0) return [];
      return (await this.lease.runIfFree('rollup repair', () => this.repairDirtyMonths())) ?? [];
    });
  }

  /** Full rebuild of one month's rollups from its records. */
  async rebuildMonth(month: string): Promise<void> {
    await this.setState(month, { dirty: true });
    await this.ensureIndexes(month); // an interrupted first write may not have made them
    const result = await this.writer.rebuildMonth(month);
    await this.setState(month, { dirty: false, hasData: result.days > 0, firstDay: result.firstDay, lastDay: result.lastDay });
  }

  groupCosts(query: CostQuery): Promise<GroupRow[]> {
    return guardDb(this.limits, async () => {
      const months = monthsIn(query.range);
      if (months.length === 0) return [];
      const states = new Map((await this.partitions.find({ _id: { $in: months } }).maxTimeMS(queryMaxTimeMs(this.limits)).lean()).map((s) => [s._id, s]));
      const tasks = months
        .filter((m) => states.get(m)?.hasData || states.get(m)?.dirty)
        .map((month) => () => this.groupMonth(query, month, states.get(month)!));
      const rows: GroupRow[] = [];
      for (let i = 0; i < tasks.length; i += QUERY_CONCURRENCY) {
        for (const part of await Promise.all(tasks.slice(i, i + QUERY_CONCURRENCY).map((t) => t()))) rows.push(...part);
      }
      return rows;
    });
  }

  private async groupMonth(query: CostQuery, month: string, state: PartitionState): Promise<GroupRow[]> {
    const whole = coversMonth(query.range, month);
    const kind = pickKind(query, whole, state.dirty);
    if (state.dirty && !this.warnedDirty.has(month)) {
      this.warnedDirty.add(month);
      this.options.logger.warn({ month }, 'answering from the records of a month whose rollups an interrupted write left incomplete (slower until the next import or the repair job rebuilds them)');
    }
    const days: DateRange | undefined = whole ? undefined : query.range;
    const pipeline = buildPipeline(query, days);
    const results = await this.collection(kind, month).aggregate(pipeline, { useBigInt64: true, maxTimeMS: queryMaxTimeMs(this.limits) }).toArray();
    return results
      .map((r) => {
        const id = (r._id ?? {}) as { c?: string; k?: unknown; l?: unknown; d?: unknown };
        const row: GroupRow = { currency: id.c ?? '', key: id.k == null ? '' : String(id.k), label: id.l == null ? '' : String(id.l), amount: exactAmount(r.v) };
        if (query.splitByDay && typeof id.d === 'string') row.day = id.d;
        return row;
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
    return guardDb(this.limits, () => this.catalog.values(dim));
  }

  coverage(): Promise<StoreCoverage> {
    return guardDb(this.limits, async () => {
      const states = (await this.partitions.find({}).lean()).filter((s) => s.hasData).sort((a, b) => a._id.localeCompare(b._id));
      return {
        months: states.map((s) => s._id),
        firstDay: states[0]?.firstDay,
        lastDay: states[states.length - 1]?.lastDay,
        lastIngestedAt: states.reduce<Date | undefined>((max, s) => (!max || s.updatedAt > max ? s.updatedAt : max), undefined),
      };
    });
  }

  /** Months whose rollups an interrupted write left incomplete. */
  async dirtyMonths(): Promise<string[]> {
    return (await this.partitions.find({ dirty: true }, { _id: 1 }).lean()).map((s) => s._id).sort();
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

  private async ensureIndexes(month: string): Promise<void> {
    if (!this.secondaryIndexes) return;
    for (const kind of ['records', 'daily', 'monthly'] as const) await this.model(kind, month).createIndexes();
  }

  private async setState(month: string, patch: Partial<PartitionState>): Promise<void> {
    const $set: Record<string, unknown> = { updatedAt: new Date() };
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) $set[k] = v;
    await this.partitions.updateOne({ _id: month }, { $set }, { upsert: true });
  }

  /** Under the lease: rebuilds every month still marked dirty. */
  private async repairDirtyMonths(): Promise<string[]> {
    const dirty = await this.dirtyMonths();
    for (const month of dirty) {
      this.options.logger.info({ month }, 'rebuilding rollups left incomplete by an interrupted write');
      await this.rebuildMonth(month);
      this.warnedDirty.delete(month);
    }
    return dirty;
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
