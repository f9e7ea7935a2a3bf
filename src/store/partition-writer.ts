/**
 * Writes records into a month's partition and keeps its rollups exact.
 *
 * For each chunk, the existing records of the chunk's days are read once; unchanged records are
 * skipped (re-importing a file writes nothing), changed ones are deleted and inserted again, and
 * those days' daily rollups are recomputed in memory from old and new records together.
 * Delete+insert rather than replaceOne: FerretDB v1 scans the collection for every replaceOne,
 * which made re-imports quadratic; two bulk commands scan it once.
 * Every request here may be long (bulk writes, scans), so each runs under the write limit.
 */
import { NAME_DIMENSIONS } from '../domain/cost-record';
import type { Collection } from 'mongodb';
import type { DbLimits } from '../ports/db-limits';
import { bulkOptions } from './connection';
import { withinLimit } from './db-errors';
import type { CostRecordDoc } from './doc-mapping';
import type { PartitionKind } from './partitions';
import { chunks, forEachConcurrently, INSERT_BATCH, INSERT_CONCURRENCY } from './batching';
import { RollupAccumulator, ROLLUP_SOURCE_PROJECTION, type RollupDoc, type RollupSource } from './rollups';

export type StoredDoc = { _id: string } & Record<string, unknown>;
export type CollectionFor = (kind: PartitionKind, month: string) => Collection<StoredDoc>;

export interface ChunkResult {
  inserted: number;
  replaced: number;
  unchanged: number;
  firstDay?: string;
  lastDay?: string;
}

export interface ChunkOptions {
  /** New records are also added to this monthly rollup. */
  monthly?: RollupAccumulator;
  /** The caller knows these days hold nothing yet, so there is nothing to read back. */
  freshDays?: boolean;
  /** Keep the days' daily rollups exact (off when the whole month is rebuilt afterwards). */
  rollups?: boolean;
  /** Called once, before the first record is changed, with the days about to change. */
  beforeWrite?: (days: string[]) => Promise<void>;
}

/** Fields that make two versions of a record different; bookkeeping fields do not count. */
export const COMPARED_FIELDS: readonly (keyof CostRecordDoc)[] = [
  ...NAME_DIMENSIONS, 'billed', 'effective', 'list', 'resourceType', 'instanceType',
];

export class PartitionWriter {
  constructor(private readonly collection: CollectionFor, private readonly limits: DbLimits) {}

  /** Writes `docs` (all of one month). */
  writeChunk(month: string, docs: CostRecordDoc[], options: ChunkOptions = {}): Promise<ChunkResult> {
    return withinLimit(this.limits.writeMs, () => this.write(month, docs, options));
  }

  private async write(month: string, docs: CostRecordDoc[], options: ChunkOptions): Promise<ChunkResult> {
    const { monthly, freshDays = false, rollups = true } = options;
    const records = this.collection('records', month);
    const days = [...new Set(docs.map((d) => d.day))].sort();
    const existing = new Map<string, CostRecordDoc>();
    if (!freshDays) {
      for await (const doc of records.find({ day: { $in: days } }, this.bulk({ useBigInt64: true, batchSize: 5000 }))) {
        existing.set(doc._id, doc as unknown as CostRecordDoc);
      }
    }
    const toInsert: CostRecordDoc[] = [];
    const replacedIds: string[] = [];
    for (const doc of docs) {
      const old = existing.get(doc._id);
      if (old && sameRecord(old, doc)) continue;
      if (old) replacedIds.push(doc._id);
      toInsert.push(doc);
      existing.set(doc._id, doc);
    }
    if (toInsert.length > 0) await options.beforeWrite?.([...new Set(toInsert.map((d) => d.day))].sort());
    for (const ids of chunks(replacedIds, 5000)) await records.deleteMany({ _id: { $in: ids } }, this.bulk({}));
    await this.insertAll(records, toInsert);
    if (toInsert.length > 0) {
      if (rollups) {
        const daily = new RollupAccumulator('day');
        for (const doc of existing.values()) daily.add(doc);
        if (freshDays) await this.insertRollups('daily', month, daily.docs());
        else await this.replaceRollups('daily', month, daily.docs(), days);
      }
      for (const doc of toInsert) monthly?.add(doc);
    }
    return { inserted: toInsert.length - replacedIds.length, replaced: replacedIds.length, unchanged: docs.length - toInsert.length, firstDay: days[0], lastDay: days[days.length - 1] };
  }

  writeMonthly(month: string, monthly: RollupAccumulator): Promise<void> {
    return withinLimit(this.limits.writeMs, () => this.replaceRollups('monthly', month, monthly.docs(), undefined));
  }

  rebuildMonthlyFromDaily(month: string): Promise<void> {
    return withinLimit(this.limits.writeMs, async () => {
      const monthly = new RollupAccumulator('month');
      for await (const doc of this.collection('daily', month).find({}, this.bulk({ useBigInt64: true, batchSize: 5000 }))) {
        monthly.add(doc as unknown as RollupSource, (doc as unknown as RollupDoc).records);
      }
      await this.replaceRollups('monthly', month, monthly.docs(), undefined);
    });
  }

  /** Full rebuild of one month's rollups from its records (repair after an interrupted write). */
  rebuildMonth(month: string): Promise<{ days: number; firstDay?: string; lastDay?: string }> {
    return withinLimit(this.limits.writeMs, () => this.rebuild(month));
  }

  private bulk<T extends object>(options: T): T {
    return bulkOptions(this.limits, options);
  }

  private async rebuild(month: string): Promise<{ days: number; firstDay?: string; lastDay?: string }> {
    const daily = new RollupAccumulator('day');
    const seen = new Set<string>();
    for await (const doc of this.collection('records', month).find({}, this.bulk({ projection: ROLLUP_SOURCE_PROJECTION, useBigInt64: true, batchSize: 5000 }))) {
      const src = doc as unknown as RollupSource;
      daily.add(src);
      seen.add(src.day);
    }
    await this.replaceRollups('daily', month, daily.docs(), undefined);
    const monthly = new RollupAccumulator('month');
    for (const doc of daily.docs()) monthly.add(doc as unknown as RollupSource, doc.records);
    await this.replaceRollups('monthly', month, monthly.docs(), undefined);
    const sorted = [...seen].sort();
    return { days: sorted.length, firstDay: sorted[0], lastDay: sorted[sorted.length - 1] };
  }

  /** Ids of `source`'s records on `days` that are not in `keep`: what a replacement removes. */
  async staleIds(month: string, days: string[], source: string, keep: ReadonlySet<string>): Promise<string[]> {
    const stale: string[] = [];
    for await (const doc of this.collection('records', month).find({ day: { $in: days }, source }, { projection: { _id: 1 }, batchSize: 5000 })) {
      if (!keep.has(doc._id)) stale.push(doc._id);
    }
    return stale;
  }

  /** Deletes records of `days` by id and recomputes those days' daily rollups from what is left. */
  async removeRecords(month: string, days: string[], ids: string[]): Promise<void> {
    const records = this.collection('records', month);
    for (const batch of chunks(ids, 5000)) await records.deleteMany({ _id: { $in: batch } });
    const daily = new RollupAccumulator('day');
    for await (const doc of records.find({ day: { $in: days } }, { projection: ROLLUP_SOURCE_PROJECTION, useBigInt64: true, batchSize: 5000 })) {
      daily.add(doc as unknown as RollupSource);
    }
    await this.replaceRollups('daily', month, daily.docs(), days);
  }

  /** First and last day that still hold costs, read from the (small) daily rollups. */
  async dayBounds(month: string): Promise<{ firstDay?: string; lastDay?: string }> {
    const days = (await this.collection('daily', month).find({}, { projection: { day: 1 } }).toArray()).map((d) => String(d.day)).sort();
    return { firstDay: days[0], lastDay: days[days.length - 1] };
  }

  private async insertAll(col: Collection<StoredDoc>, docs: CostRecordDoc[]): Promise<void> {
    await forEachConcurrently(chunks(docs, INSERT_BATCH), INSERT_CONCURRENCY, async (batch) => {
      try {
        await col.insertMany(batch as unknown as StoredDoc[], this.bulk({ ordered: false }));
      } catch (error) {
        // Someone wrote a key between our read and insert (only possible without the lock): replace it.
        const dupes = duplicateIndexes(error);
        if (!dupes) throw error;
        const again = dupes.map((i) => batch[i]!);
        await col.deleteMany({ _id: { $in: again.map((d) => d._id) } }, this.bulk({}));
        await col.insertMany(again as unknown as StoredDoc[], this.bulk({ ordered: false }));
      }
    });
  }

  /** Replaces the rollups of the given days (or the whole partition) with `docs`. */
  private async replaceRollups(kind: 'daily' | 'monthly', month: string, docs: RollupDoc[], days: string[] | undefined): Promise<void> {
    await this.collection(kind, month).deleteMany(days ? { day: { $in: days } } : {}, this.bulk({}));
    await this.insertRollups(kind, month, docs);
  }

  private async insertRollups(kind: 'daily' | 'monthly', month: string, docs: RollupDoc[]): Promise<void> {
    const col = this.collection(kind, month);
    await forEachConcurrently(chunks(docs, INSERT_BATCH), INSERT_CONCURRENCY, async (batch) => {
      await col.insertMany(batch as unknown as StoredDoc[], this.bulk({ ordered: false }));
    });
  }
}

function sameRecord(a: CostRecordDoc, b: CostRecordDoc): boolean {
  return COMPARED_FIELDS.every((k) => a[k] === b[k]);
}

function duplicateIndexes(error: unknown): number[] | undefined {
  const writeErrors = (error as { writeErrors?: { code?: number; index: number }[] | { code?: number; index: number } }).writeErrors;
  const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
  if (list.length === 0 || list.some((e) => e.code !== 11000)) return undefined;
  return list.map((e) => e.index);
}
