/**
 * One sync of one cloud source: the window it fetched, how it ended, and what went wrong.
 */
import type { Day } from './days';
import type { ErrorCode } from './errors';

export type SyncStatus = 'ok' | 'partial' | 'failed';

/** Something that went wrong during a sync; `recovered` when a retry got past it. */
export interface SyncIssue {
  code: ErrorCode;
  message: string; // a sentence that names the cause, safe to show
  from?: Day; // the days it cost, inclusive, when it cost any
  to?: Day;
  recovered: boolean;
}

export interface SyncRun {
  id: string;
  source: string;
  from: Day; // inclusive
  to: Day; // inclusive
  status: SyncStatus;
  rows: number; // records written
  requests: number; // API requests made
  startedAt: Date;
  finishedAt: Date;
  durationMs: number;
  errors: SyncIssue[];
  failedDays: Day[];
  /** Days the provider still marked as estimated (not final). */
  estimatedDays: Day[];
  /** True when the window was given (--from/--to), not planned. */
  explicit: boolean;
}
