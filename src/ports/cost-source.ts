import type { CostRecord } from '../domain/cost-record';
import type { DateRange, Day } from '../domain/days';
import type { SyncIssue } from '../domain/sync-run';

/**
 * Where daily costs come from: a cloud's billing API, an export, or the demo generator.
 * A source returns domain records only; it never writes to the store itself.
 */
export interface CostSource {
  readonly id: string;
  /** Records for the days in `range`, in batches (a source chooses the size, e.g. a month). */
  fetch(range: DateRange): AsyncIterable<CostRecord[]>;
}

/** A day a source delivered, and whether the provider still calls its numbers estimated. */
export interface DayStatus {
  day: Day;
  final: boolean;
}

/**
 * Every record the source has for `days`, and nothing else: the store replaces what it held for
 * those days with exactly these, so a record that vanished from a revised day goes too.
 */
export interface SourceBatch {
  days: DayStatus[];
  records: CostRecord[];
}

/** What a sync lends a source while it fetches. */
export interface SyncContext {
  /** Call before every API request. It counts the request, and throws when the budget is spent. */
  beforeRequest(): Promise<void>;
  /** Reports a problem the source got past (a retried 429) or one that cost days. */
  issue(issue: SyncIssue): void;
  /** Waits between retries (tests pass one that does not really wait). */
  sleep(ms: number): Promise<void>;
}

/**
 * A cloud source the sync service drives: whole days with their finality, requests counted, and
 * faults reported. Days it does not yield were not synced; an error thrown ends the range.
 */
export interface SyncableSource extends CostSource {
  /** Longest range one `sync` call should be given (the service splits longer windows). */
  readonly maxRangeDays: number;
  sync(range: DateRange, ctx: SyncContext): AsyncIterable<SourceBatch>;
}

/** A context that counts nothing and waits for real: for plain `fetch` callers. */
export const plainSyncContext: SyncContext = {
  beforeRequest: async () => undefined,
  issue: () => undefined,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
