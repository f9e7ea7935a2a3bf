/**
 * An in-process cache in front of the cost store, shared by every face (API, Slack, jobs), that
 * never serves a number older than the last write on any instance. Every read first reads the
 * write generation from the database (one `_id` lookup; reads asked for in the same turn of the
 * event loop share one lookup that starts after all of them were asked), and entries are kept only
 * for the generation they were computed under. A write anywhere changes the generation, so the
 * next read on every instance misses. Writes go through to the store (which logs them).
 */
import type { CostRecord } from '../domain/cost-record';
import type { CostQuery, GroupRow } from '../domain/cost-query';
import type { CatalogDim, CostStore, DimensionValue, StoreCoverage, WriteResult } from '../ports/cost-store';
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
  private nextRead: Promise<{ value: string; read: number }> | undefined;
  private readonly counts = { hits: 0, misses: 0, invalidations: 0 };

  constructor(private readonly inner: CostStore, private readonly writes: Pick<WriteLog, 'generation'>, private readonly maxEntries = 500) {}

  get stats(): CacheStats {
    return { ...this.counts, entries: this.entries.size };
  }

  writeRecords(records: readonly CostRecord[] | AsyncIterable<readonly CostRecord[]>, options: { importId: string }): Promise<WriteResult> {
    return this.inner.writeRecords(records, options).finally(() => this.entries.clear());
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

  private async cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const { value: generation, read } = await this.readGeneration();
    if (generation !== this.generation && read > this.generationRead) {
      // Another write happened (here or on another instance): nothing kept is current any more.
      if (this.generation !== undefined) this.counts.invalidations += 1;
      this.entries.clear();
      this.generation = generation;
      this.generationRead = read;
    }
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

  /** One lookup for all reads asked in this turn, started after every one of them was asked. */
  private readGeneration(): Promise<{ value: string; read: number }> {
    if (!this.nextRead) {
      this.nextRead = new Promise((resolve, reject) => {
        setImmediate(() => {
          this.nextRead = undefined;
          const read = ++this.reads;
          this.writes.generation().then((value) => resolve({ value, read }), reject);
        });
      });
    }
    return this.nextRead;
  }
}
