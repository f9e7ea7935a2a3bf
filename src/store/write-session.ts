/**
 * One write (an import, a sync) under the store's lease. Records arrive in chunks of whole days,
 * month after month.
 *
 * Recovery costs no more than the lost work:
 * - a month is marked dirty only just before its first record changes, and is finished (rollups
 *   done, marked clean) as soon as the write moves on to a later month, so a crash leaves at
 *   most the month in progress dirty;
 * - days whose digest matches what is stored are skipped without reading their records back,
 *   so re-importing an unchanged file reads no records at all;
 * - a month left dirty by an earlier crash is rebuilt from its records when this write finishes it.
 */
import type { CostRecord } from '../domain/cost-record';
import type { Logger } from '../ports/logger';
import type { WriteResult } from '../ports/cost-store';
import { CatalogBatch } from './dimension-catalog';
import { digestDays, type DayDigest, type DayDigests } from './day-digests';
import { toDoc } from './doc-mapping';
import type { PartitionState } from './partitions';
import type { PartitionWriter } from './partition-writer';
import { RollupAccumulator } from './rollups';

export interface PartitionStates {
  get(month: string): Promise<PartitionState | null>;
  set(month: string, patch: Partial<PartitionState>): Promise<void>;
  ensureIndexes(month: string): Promise<void>;
  /** Full rebuild of a month's rollups from its records; marks it clean. */
  rebuild(month: string): Promise<void>;
}

interface MonthProgress {
  before: PartitionState | null;
  /** Left dirty by an interrupted write: rebuilt from its records when finished. */
  wasDirty: boolean;
  emptyBefore: boolean;
  /** Kept while every record written to the month is new and the month was empty before. */
  monthly?: RollupAccumulator;
  /** Marked dirty by this write (just before its first change). */
  marked: boolean;
  /** Stored digests of the month, read once (absent for a month that was empty). */
  digests?: Map<string, string>;
  /** Days this write has already written (their records can be read back). */
  days: Set<string>;
  firstDay?: string;
  lastDay?: string;
}

export class WriteSession {
  readonly catalog = new CatalogBatch();
  private readonly months = new Map<string, MonthProgress>();
  private readonly touched = new Set<string>();
  private readonly totals = { records: 0, inserted: 0, replaced: 0, unchanged: 0 };

  constructor(
    private readonly writer: PartitionWriter,
    private readonly states: PartitionStates,
    private readonly digests: DayDigests,
    private readonly importId: string,
    private readonly logger: Logger,
  ) {}

  async add(records: readonly CostRecord[]): Promise<void> {
    const byMonth = new Map<string, CostRecord[]>();
    for (const r of records) {
      const list = byMonth.get(r.month);
      if (list) list.push(r);
      else byMonth.set(r.month, [r]);
    }
    for (const [month, list] of [...byMonth].sort(([a], [b]) => a.localeCompare(b))) {
      // Input comes month after month: earlier months are complete, finish them now.
      for (const open of [...this.months.keys()]) if (open < month) await this.finishMonth(open);
      await this.addToMonth(month, list);
    }
    this.catalog.add(records);
  }

  async finish(): Promise<WriteResult> {
    for (const month of [...this.months.keys()].sort()) await this.finishMonth(month);
    const result = { ...this.totals, months: [...this.touched].sort() };
    this.logger.debug({ importId: this.importId, ...result }, 'write finished');
    return result;
  }

  private async addToMonth(month: string, records: CostRecord[]): Promise<void> {
    const p = await this.begin(month);
    const days = digestDays(records.map((r) => toDoc(r, this.importId)));
    const docs: ReturnType<typeof toDoc>[] = [];
    const fresh: DayDigest[] = [];
    let skipped = 0;
    for (const { digest, docs: dayDocs } of days.values()) {
      if (p.digests?.get(digest._id) === digest.content) {
        skipped += dayDocs.length;
        continue;
      }
      docs.push(...dayDocs);
      fresh.push(digest);
    }
    this.totals.records += records.length;
    this.totals.unchanged += skipped;
    if (docs.length === 0) return;
    const freshDays = p.emptyBefore && docs.every((d) => !p.days.has(d.day));
    const result = await this.writer.writeChunk(month, docs, {
      monthly: p.monthly,
      freshDays,
      rollups: !p.wasDirty,
      beforeWrite: async (changing) => {
        if (!p.marked) {
          await this.states.set(month, { dirty: true });
          p.marked = true;
        }
        if (!p.emptyBefore) await this.digests.forget(changing);
      },
    });
    for (const d of docs) p.days.add(d.day);
    await this.digests.remember(fresh);
    if (result.replaced > 0 || result.unchanged > 0) p.monthly = undefined;
    p.firstDay = minOf(p.firstDay, result.firstDay);
    p.lastDay = maxOf(p.lastDay, result.lastDay);
    this.totals.inserted += result.inserted;
    this.totals.replaced += result.replaced;
    this.totals.unchanged += result.unchanged;
  }

  private async begin(month: string): Promise<MonthProgress> {
    const seen = this.months.get(month);
    if (seen) return seen;
    const before = await this.states.get(month);
    const wasDirty = Boolean(before?.dirty);
    const emptyBefore = !before || (!before.hasData && !before.dirty);
    const progress: MonthProgress = {
      before, wasDirty, emptyBefore, marked: false, days: new Set(),
      monthly: emptyBefore ? new RollupAccumulator('month') : undefined,
      digests: emptyBefore ? undefined : await this.digests.forMonth(month),
    };
    this.months.set(month, progress);
    this.touched.add(month);
    return progress;
  }

  private async finishMonth(month: string): Promise<void> {
    const p = this.months.get(month);
    if (!p) return;
    this.months.delete(month);
    if (p.wasDirty) {
      this.logger.info({ month }, 'rebuilding rollups left incomplete by an interrupted write');
      await this.states.rebuild(month);
      return;
    }
    if (!p.marked) return; // nothing changed
    if (!p.before) await this.states.ensureIndexes(month);
    if (p.monthly) await this.writer.writeMonthly(month, p.monthly);
    else await this.writer.rebuildMonthlyFromDaily(month);
    await this.states.set(month, {
      dirty: false,
      hasData: true,
      firstDay: minOf(p.before?.firstDay, p.firstDay),
      lastDay: maxOf(p.before?.lastDay, p.lastDay),
    });
  }
}

function minOf(a: string | undefined, b: string | undefined): string | undefined {
  return a === undefined ? b : b === undefined ? a : a < b ? a : b;
}

function maxOf(a: string | undefined, b: string | undefined): string | undefined {
  return a === undefined ? b : b === undefined ? a : a > b ? a : b;
}
