/**
 * One write (an import, a sync) under the store's lock: records arrive in chunks, each month is
 * marked dirty on first touch, and at the end each month's rollup is finished and the month
 * marked clean. A month that was empty before gets its monthly rollup from memory; others are
 * rebuilt from their daily rollups.
 */
import type { CostRecord } from '../domain/cost-record';
import type { Logger } from '../ports/logger';
import type { WriteResult } from '../ports/cost-store';
import { CatalogBatch } from './dimension-catalog';
import { toDoc } from './doc-mapping';
import type { PartitionState } from './partitions';
import type { PartitionWriter } from './partition-writer';
import { RollupAccumulator } from './rollups';

export interface PartitionStates {
  get(month: string): Promise<PartitionState | null>;
  set(month: string, patch: Partial<PartitionState>): Promise<void>;
  ensureIndexes(month: string): Promise<void>;
}

interface MonthProgress {
  before: PartitionState | null;
  /** Kept while every record written to the month is new and the month was empty before. */
  monthly?: RollupAccumulator;
  emptyBefore: boolean;
  /** A new partition gets its indexes after the bulk load: building them once is cheaper. */
  needsIndexes: boolean;
  /** Days this write has already touched (their records can be read back). */
  days: Set<string>;
  firstDay?: string;
  lastDay?: string;
}

export class WriteSession {
  readonly catalog = new CatalogBatch();
  private readonly months = new Map<string, MonthProgress>();
  private readonly totals = { records: 0, inserted: 0, replaced: 0, unchanged: 0 };

  constructor(
    private readonly writer: PartitionWriter,
    private readonly states: PartitionStates,
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
      const progress = await this.begin(month);
      const freshDays = progress.emptyBefore && list.every((r) => !progress.days.has(r.day));
      const result = await this.writer.writeChunk(month, list.map((r) => toDoc(r, this.importId)), { monthly: progress.monthly, freshDays });
      for (const r of list) progress.days.add(r.day);
      if (result.replaced > 0 || result.unchanged > 0) progress.monthly = undefined;
      progress.firstDay = minOf(progress.firstDay, result.firstDay);
      progress.lastDay = maxOf(progress.lastDay, result.lastDay);
      this.totals.records += list.length;
      this.totals.inserted += result.inserted;
      this.totals.replaced += result.replaced;
      this.totals.unchanged += result.unchanged;
    }
    this.catalog.add(records);
  }

  async finish(): Promise<WriteResult> {
    for (const [month, p] of this.months) {
      if (p.needsIndexes) await this.states.ensureIndexes(month);
      if (p.monthly) await this.writer.writeMonthly(month, p.monthly);
      else await this.writer.rebuildMonthlyFromDaily(month);
      await this.states.set(month, {
        dirty: false,
        hasData: true,
        firstDay: minOf(p.before?.firstDay, p.firstDay),
        lastDay: maxOf(p.before?.lastDay, p.lastDay),
      });
    }
    const result = { ...this.totals, months: [...this.months.keys()].sort() };
    this.logger.debug({ importId: this.importId, ...result }, 'write finished');
    return result;
  }

  private async begin(month: string): Promise<MonthProgress> {
    const seen = this.months.get(month);
    if (seen) return seen;
    const before = await this.states.get(month);
    await this.states.set(month, { dirty: true });
    const emptyBefore = !before || (!before.hasData && !before.dirty);
    const progress: MonthProgress = { before, emptyBefore, needsIndexes: !before, days: new Set(), monthly: emptyBefore ? new RollupAccumulator('month') : undefined };
    this.months.set(month, progress);
    return progress;
  }
}

function minOf(a: string | undefined, b: string | undefined): string | undefined {
  return a === undefined ? b : b === undefined ? a : a < b ? a : b;
}

function maxOf(a: string | undefined, b: string | undefined): string | undefined {
  return a === undefined ? b : b === undefined ? a : a > b ? a : b;
}
