/**
 * The daily cloud sync: one recurring job per enabled source at PENNY_SYNC_TIME. It runs once per
 * source and day across instances: Agenda's lock is not exclusive on FerretDB, so a unique-insert
 * claim (the same receipts that guard Slack events) decides who syncs. A run that dies half way
 * costs nothing later: the next day's window covers the gap since the last good sync.
 */
import { todayIn } from '../domain/days';
import type { Clock } from '../ports/clock';
import type { SyncableSource } from '../ports/cost-source';
import type { EventReceipts } from '../ports/event-receipts';
import type { Logger } from '../ports/logger';
import type { JobContext, Scheduler } from '../ports/scheduler';
import type { CloudSyncService, SyncRunSummary } from '../services/cloud-sync';

export const cloudSyncJobName = (source: string) => `cloud-sync:${source}`;

export interface CloudSyncJobDeps {
  sync: Pick<CloudSyncService, 'syncSource'>;
  sources: () => SyncableSource[];
  claims: EventReceipts;
  clock: Clock;
  logger: Logger;
  /** PENNY_SYNC_TIME, read in PENNY_TIMEZONE. */
  time: string;
  timeZone: string;
}

/** Touching the lock at most this often keeps a long backfill alive without a write per batch. */
const TOUCH_EVERY_MS = 30_000;

/** One run for one source; undefined when another instance (or an earlier run) has today's. */
export async function runCloudSync(deps: CloudSyncJobDeps, sourceId: string, ctx?: Pick<JobContext<unknown>, 'touch'>): Promise<SyncRunSummary | undefined> {
  const day = todayIn(deps.timeZone, deps.clock.now());
  if (!(await deps.claims.claim(`${cloudSyncJobName(sourceId)}:${day}`))) return undefined;
  const source = deps.sources().find((s) => s.id === sourceId);
  if (!source) return undefined;
  let touched = Date.now();
  const summary = await deps.sync.syncSource(source, {
    onProgress: () => {
      if (!ctx || Date.now() - touched < TOUCH_EVERY_MS) return;
      touched = Date.now();
      void ctx.touch().catch((error: unknown) => deps.logger.warn({ err: error, source: sourceId }, 'could not renew the sync job lock'));
    },
  });
  deps.logger.info({ source: sourceId, status: summary.status, rows: summary.rows, requests: summary.requests }, 'daily cloud sync done');
  return summary;
}

export async function scheduleCloudSync(scheduler: Scheduler, deps: CloudSyncJobDeps, sourceIds: readonly string[]): Promise<void> {
  const [hour, minute] = deps.time.split(':').map(Number);
  for (const id of sourceIds) {
    scheduler.define(cloudSyncJobName(id), async (ctx) => {
      await runCloudSync(deps, id, ctx);
    }, { concurrency: 1, lockLifetimeMs: 10 * 60_000 });
    await scheduler.every(`${minute} ${hour} * * *`, cloudSyncJobName(id), undefined, { timezone: deps.timeZone });
  }
}
