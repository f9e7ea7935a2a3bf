import type { CostRecord } from '../domain/cost-record';
import type { CostQuery, GroupRow } from '../domain/cost-query';
import type { Day, Month } from '../domain/days';

export type CatalogDim = 'provider' | 'account' | 'service' | 'region' | 'tag-key';

/** A value seen in the data, for resolving what people type ("ec2", "Atlas Orion"). */
export interface DimensionValue {
  dim: CatalogDim;
  value: string; // exact stored value (id for accounts and regions)
  label: string; // human name ('' when the source has none)
  parent?: string; // billing account id of a sub-account; category of a service
}

export interface WriteResult {
  records: number; // records handed in
  inserted: number; // new natural keys
  replaced: number; // existing keys whose values changed
  unchanged: number; // existing keys written again with the same values (nothing stored)
  months: Month[];
}

export interface StoreCoverage {
  firstDay?: Day;
  lastDay?: Day;
  months: Month[];
  lastIngestedAt?: Date;
}

export interface WriteOptions {
  importId: string;
  /** What is writing, as another writer waiting for it would name it ("import", "sync"). */
  activity?: string;
  /** Told once, in a sentence, when the write has to wait for another writer. */
  onWait?: (why: string) => void;
  /** Stops the write between chunks (what is written stays valid; a re-run completes it). */
  signal?: AbortSignal;
}

/** The cost store: idempotent writes by natural key, and grouped exact sums. */
export interface CostStore {
  /**
   * Upserts daily records (same id replaces; unchanged ones are skipped), then refreshes rollups.
   * Batches from an async iterable are written under one lock, so memory stays at one batch.
   */
  writeRecords(records: readonly CostRecord[] | AsyncIterable<readonly CostRecord[]>, options: WriteOptions): Promise<WriteResult>;
  /** Sums of the query's metric per (currency, group key). Rows may repeat a key; callers merge. */
  groupCosts(query: CostQuery): Promise<GroupRow[]>;
  dimensionValues(dim: CatalogDim): Promise<DimensionValue[]>;
  coverage(): Promise<StoreCoverage>;
}
