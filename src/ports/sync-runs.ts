import type { SyncRun } from '../domain/sync-run';

/** Where finished sync runs are kept: the history windows are planned from, and what admins see. */
export interface SyncRunRepository {
  add(run: SyncRun): Promise<void>;
  /** The newest runs of a source first. */
  recent(source: string, limit: number): Promise<SyncRun[]>;
}
