/**
 * A sync run as people watch it in Slack: one line per source while it goes, then its result.
 * The same answer starts as "queued", is updated with progress, and ends ok, partial or failed.
 */
import { providerLabel } from '../domain/cost-record';
import type { SourceSyncStatus } from './types';

export type SyncSourceState = 'queued' | 'running' | 'ok' | 'partial' | 'failed';

export interface SyncSourceProgress {
  source: string;
  state: SyncSourceState;
  from?: string;
  to?: string;
  daysDone: number;
  daysTotal: number;
  rows: number;
  requests: number;
  /** Sentences naming what went wrong, safe to show. */
  problems: string[];
}

export interface SyncProgressAnswer {
  kind: 'sync-progress';
  /** Slack user id of whoever asked. */
  requestedBy: string;
  sources: SyncSourceProgress[];
  /** Billed-request usage after the run (Cost Explorer), when known. */
  usage?: SourceSyncStatus[];
}

export function syncQueued(requestedBy: string, sources: readonly string[]): SyncProgressAnswer {
  return { kind: 'sync-progress', requestedBy, sources: sources.map((source) => ({ source, state: 'queued', daysDone: 0, daysTotal: 0, rows: 0, requests: 0, problems: [] })) };
}

export function syncDone(answer: SyncProgressAnswer): boolean {
  return answer.sources.every((s) => s.state !== 'queued' && s.state !== 'running');
}

/** "AWS: 30/90 days, 12,345 rows, 12 requests" or "AWS: synced Nov 1 – Nov 30 …". */
export function syncProgressLine(s: SyncSourceProgress): string {
  const name = providerLabel(s.source);
  const counts = `${s.rows.toLocaleString('en-US')} rows, ${s.requests} ${s.requests === 1 ? 'request' : 'requests'}`;
  const days = s.from && s.to ? ` ${s.from} to ${s.to}` : '';
  switch (s.state) {
    case 'queued':
      return `${name}: waiting to start`;
    case 'running':
      return `${name}: ${s.daysDone}/${s.daysTotal} days${days}, ${counts}`;
    case 'ok':
      return `${name}: synced${days} (${counts})`;
    case 'partial':
      return `${name}: partly synced${days} (${counts}); some days keep their earlier numbers until the next sync`;
    case 'failed':
      return `${name}: sync failed${days} (${counts})`;
  }
}
