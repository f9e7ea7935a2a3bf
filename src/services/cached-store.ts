/**
 * An in-process cache in front of the cost store, shared by every face (API, Slack, jobs), that
 * never serves a number older than the last write on any instance. Every read first reads the
 * write generation from the database (one `_id` lookup; reads asked for in the same turn of the
 * event loop share one lookup that starts after all of them were asked), and entries are kept only
 * for the generation they were computed under. A write anywhere changes the generation, so the
 * next read on every instance misses. Writes go through to the store (which logs them).
 *
 * Generation lookups run one at a time: reads that arrive while one is under way wait for the next,
 * which starts after all of them arrived and serves them all. Under load (50 concurrent API
 * requests) that is one or two lookups instead of fifty, and each read still sees every write that
 * finished before it was asked.
 */
import type { CostRecord } from '../domain/cost-record';
import type { CostQuery, GroupRow } from '../domain/cost-query';
import type { Day } from '../domain/days';
import type { CatalogDim, CostStore, DimensionValue, ReplaceResult, StoreCoverage, WriteOptions, WriteResult } from '../ports/cost-store';
import type { WriteLog } from '../ports/write-log';

export interface CacheStats {
  hits: number;
  misses: number;
  entries: number;
  /** Times a new generation emptied the cache. */
  invalidations: number;
}

export class CachedCostStore implements CostStore {
  private readonly entries = new Map<string, Promise<unknown>>();
  private generation: string | undefined;
  /** Which read told us `generation`: a slower, older read must not set it back. */
  private generationRead = 0;
  private reads = 0;
  private waiting: { resolve: (g: { value: string; read: number }) => void; reject: (e: unknown) => void }[] = [];
  private lookup: 'idle' | 'scheduled' | 'running' = 'idle';
  private readonly counts = { hits: 0, misses: 0, invalidations: 0 };

  constructor(private readonly inner: CostStore, private readonly writes: Pick<WriteLog, 'generation'>, private readonly maxEntries = 500) {}

  get stats(): CacheStats {
    return { ...this.counts, entries: this.entries.size };
  }

  writeRecords(records: readonly CostRecord[] | AsyncIterable<readonly CostRecord[]>, options: WriteOptions): Promise<WriteResult> {
    return this.inner.writeRecords(records, options).finally(() => this.entries.clear());
  }

  replaceSourceDays(source: string, days: readonly Day[], records: readonly CostRecord[], options: WriteOptions): Promise<ReplaceResult> {
    return this.inner.replaceSourceDays(source, days, records, options).finally(() => this.entries.clear());
  }

  repairRollups(): Promise<string[]> {
    return this.inner.repairRollups();
  }

  groupCosts(query: CostQuery): Promise<GroupRow[]> {
    return this.cached(`g${JSON.stringify(query)}`, () => this.inner.groupCosts(query));
  }

  dimensionValues(dim: CatalogDim): Promise<DimensionValue[]> {
    return this.cached(`d${dim}`, () => this.inner.dimensionValues(dim));
  }

  coverage(): Promise<StoreCoverage> {
    return this.cached('coverage', () => this.inner.coverage());
  }

  /**
   * The write generation as of now (a lookup that starts after this call), for caches of whole
   * answers above the store (the API's): an answer kept under it is current while it is unchanged.
   */
  async currentGeneration(): Promise<string> {
    const { value } = await this.observe();
    return value;
  }

  private async observe(): Promise<{ value: string; read: number }> {
    const seen = await this.readGeneration();
    if (seen.value !== this.generation && seen.read > this.generationRead) {
      // Another write happened (here or on another instance): nothing kept is current any more.
      if (this.generation !== undefined) this.counts.invalidations += 1;
      this.entries.clear();
      this.generation = seen.value;
      this.generationRead = seen.read;
    }
    return seen;
  }

  private async cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const { value: generation } = await this.observe();
    if (generation !== this.generation) {
      // An older read than the latest: answer without the cache.
      this.counts.misses += 1;
      return load();
    }
    const hit = this.entries.get(key) as Promise<T> | undefined;
    if (hit) {
      this.counts.hits += 1;
      return hit;
    }
    this.counts.misses += 1;
    const value = load();
    this.entries.set(key, value);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    value.catch(() => this.entries.get(key) === value && this.entries.delete(key)); // failures are not kept
    return value;
  }

  /** The generation from a lookup that starts after this call (shared with the calls around it). */
  private readGeneration(): Promise<{ value: string; read: number }> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.scheduleLookup();
    });
  }

  private scheduleLookup(): void {
    if (this.lookup !== 'idle' || this.waiting.length === 0) return;
    this.lookup = 'scheduled';
    // Wait for the end of this turn, so that the reads asked in it share the lookup.
    setImmediate(() => {
      const batch = this.waiting;
      this.waiting = [];
      this.lookup = 'running';
      const read = ++this.reads;
      this.writes
        .generation()
        .then((value) => batch.forEach((w) => w.resolve({ value, read })), (error: unknown) => batch.forEach((w) => w.reject(error)))
        .finally(() => {
          this.lookup = 'idle';
          this.scheduleLookup();
        });
    });
  }
}
