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

/** A replacement also says how many stale records it removed. */
export interface ReplaceResult extends WriteResult {
  removed: number;
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
  /**
   * Makes `records` the whole of what `source` holds on `days`: upserts them and removes that
   * source's other records on those days (a record the provider dropped from a revised day).
   * Every record must be of `source` and on one of `days`. Other sources are left alone.
   */
  replaceSourceDays(source: string, days: readonly Day[], records: readonly CostRecord[], options: WriteOptions): Promise<ReplaceResult>;
  /**
   * Sums of the query's metric per (currency, group key). Rows may repeat a key; callers merge.
   * A group with no value ('') that sums to exactly zero is left out: it carries nothing.
   */
  groupCosts(query: CostQuery): Promise<GroupRow[]>;
  /** Rebuilds what an interrupted write left incomplete, unless another writer is busy; returns the months repaired. */
  repairRollups(): Promise<string[]>;
  dimensionValues(dim: CatalogDim): Promise<DimensionValue[]>;
  coverage(): Promise<StoreCoverage>;
}
