/**
 * Syncs cloud cost sources into the store. For each source: plan the window (or take the one
 * given), fetch it in pieces of at most `maxRangeDays`, replace exactly the days that came back
 * whole, and record the run. A piece that fails keeps its days' earlier numbers and is listed;
 * credentials refused or the request cap reached stop the source's remaining pieces.
 * The CLI (`penny sync`), the daily Agenda job and Slack's `/cost sync` all call `sync`.
 */
import { randomUUID } from 'node:crypto';
import type { SourceSyncStatus } from '../answers/types';
import { addDays, daysIn, fromDate, isDay, lastDay, rangeLength, type DateRange, type Day } from '../domain/days';
import { AppError, isAppError, userMessage, type ErrorCode } from '../domain/errors';
import type { SyncIssue, SyncRun, SyncStatus } from '../domain/sync-run';
import { chunkRange, planSyncWindow, type SyncWindowSettings } from '../domain/sync-window';
import type { Clock } from '../ports/clock';
import type { SyncableSource, SyncContext } from '../ports/cost-source';
import type { CostStore } from '../ports/cost-store';
import type { Logger } from '../ports/logger';
import type { RequestCountRepository } from '../ports/request-counts';
import type { SyncRunRepository } from '../ports/sync-runs';
import { RequestBudget, requestUsage, type RequestCap, type RequestUsage } from './request-budget';

export interface CloudSyncDeps {
  store: CostStore;
  runs: SyncRunRepository;
  requestCounts: RequestCountRepository;
  clock: Clock;
  logger: Logger;
  settings: SyncWindowSettings;
  /** Monthly request caps by source id (aws: Cost Explorer bills each request). */
  caps?: Partial<Record<string, RequestCap>>;
  /** Waits between retries; tests pass one that records instead of waiting. */
  sleep?: (ms: number) => Promise<void>;
}

/** The days to sync, inclusive, as `--from`/`--to` give them. */
export interface ExplicitWindow {
  from: Day;
  to: Day;
}

export interface SyncProgress {
  source: string;
  from: Day;
  to: Day;
  daysDone: number;
  daysTotal: number;
  rows: number;
  requests: number;
}

export interface SyncOptions {
  window?: ExplicitWindow;
  /** After each piece and each written batch; a job touches its lock here. */
  onProgress?: (progress: SyncProgress) => void;
}

/** One source's run, as `penny sync --json` prints it. */
export interface SyncRunSummary {
  source: string;
  from: Day;
  to: Day;
  status: SyncStatus;
  rows: number;
  requests: number;
  errors: SyncIssue[];
}

export interface SyncReport {
  runs: SyncRunSummary[];
}

/** Faults that would fail every later piece the same way: stop asking. */
const STOPS_SOURCE = new Set<ErrorCode>(['SOURCE_AUTH', 'SOURCE_REQUEST_CAP', 'NOT_CONFIGURED', 'CONFIG_INVALID', 'STORE_BUSY', 'DB_UNAVAILABLE']);
const HISTORY = 60;

export class CloudSyncService {
  constructor(private readonly deps: CloudSyncDeps) {}

  /** Syncs each source in turn (one source's trouble never stops the next). */
  async sync(sources: readonly SyncableSource[], options: SyncOptions = {}): Promise<SyncReport> {
    const runs: SyncRunSummary[] = [];
    for (const source of sources) runs.push(await this.syncSource(source, options));
    return { runs };
  }

  async syncSource(source: SyncableSource, options: SyncOptions = {}): Promise<SyncRunSummary> {
    const window = await this.window(source.id, options.window);
    const run = new RunProgress(source.id, window, this.deps.clock.now());
    if (window.start >= window.end) return run.summary(); // nothing to fetch: not worth a record
    const budget = new RequestBudget(this.deps.requestCounts, source.id, this.deps.clock, this.deps.caps?.[source.id]);
    await budget.open();
    const ctx: SyncContext = {
      beforeRequest: () => budget.take(),
      issue: (issue) => run.issues.push(issue),
      sleep: this.deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    };
    const importId = `sync:${source.id}:${run.id}`;
    let stopped = false;
    for (const piece of chunkRange(window, source.maxRangeDays)) {
      const pending = new Set(daysIn(piece));
      if (!stopped) {
        try {
          for await (const batch of source.sync(piece, ctx)) {
            const days = batch.days.map((d) => d.day).filter((d) => pending.has(d));
            const written = await this.deps.store.replaceSourceDays(source.id, days, batch.records, { importId });
            run.rows += written.records;
            for (const d of batch.days) {
              pending.delete(d.day);
              if (!d.final) run.estimated.push(d.day);
            }
            run.requests = budget.taken;
            options.onProgress?.(run.progress());
          }
          if (pending.size > 0) run.issues.push(lost(source.id, pending, 'SOURCE_BAD_RESPONSE', `The ${source.id} source returned no data for some days.`));
        } catch (error) {
          const code: ErrorCode = isAppError(error) ? error.code : 'INTERNAL';
          this.deps.logger.warn({ source: source.id, piece, code, err: error }, 'cloud sync piece failed');
          run.issues.push(lost(source.id, pending, code, userMessage(error)));
          stopped = STOPS_SOURCE.has(code);
        }
      }
      run.failed.push(...pending);
      run.requests = budget.taken;
      run.daysDone += rangeDays(piece);
      options.onProgress?.(run.progress());
    }
    const record = run.finish(this.deps.clock.now(), options.window !== undefined);
    await this.deps.runs.add(record);
    this.deps.logger.info({ source: source.id, from: record.from, to: record.to, status: record.status, rows: record.rows, requests: record.requests, ms: record.durationMs }, 'cloud sync finished');
    return run.summary(record.status);
  }

  /** The window a sync of `sourceId` would fetch now. */
  async window(sourceId: string, explicit?: ExplicitWindow): Promise<DateRange> {
    const today = fromDate(this.deps.clock.now());
    if (explicit) {
      if (!isDay(explicit.from) || !isDay(explicit.to) || explicit.from > explicit.to) {
        throw new AppError('PERIOD_INVALID', 'Give --from and --to as YYYY-MM-DD days, --from not after --to.');
      }
      if (explicit.to >= today) throw new AppError('PERIOD_INVALID', `--to must be a day before today (${today}): today's costs are not in yet.`);
      return { start: explicit.from, end: addDays(explicit.to, 1) };
    }
    return planSyncWindow(today, await this.deps.runs.recent(sourceId, HISTORY), this.deps.settings);
  }

  /** Each source's last run and billed-request usage, for the Home tab and `penny sync`. */
  async status(sourceIds: readonly string[]): Promise<SourceSyncStatus[]> {
    return Promise.all(
      sourceIds.map(async (source) => {
        const [last] = await this.deps.runs.recent(source, 1);
        const out: SourceSyncStatus = { source };
        if (last) {
          out.lastRun = { status: last.status, from: last.from, to: last.to, finishedAt: last.finishedAt.toISOString(), rows: last.rows };
          const problem = last.errors.find((e) => !e.recovered);
          if (problem) out.lastRun.problem = problem.message;
        }
        if (this.deps.caps?.[source]) out.requests = await this.usage(source);
        return out;
      }),
    );
  }

  /** Requests made today and this month (the bot's own cost for Cost Explorer), and the cap. */
  usage(sourceId: string): Promise<RequestUsage> {
    return requestUsage(this.deps.requestCounts, sourceId, this.deps.clock, this.deps.caps?.[sourceId]?.limit);
  }
}

/** The bookkeeping of one run while it goes. */
class RunProgress {
  readonly id = randomUUID();
  rows = 0;
  requests = 0;
  daysDone = 0;
  readonly issues: SyncIssue[] = [];
  readonly failed: Day[] = [];
  readonly estimated: Day[] = [];

  constructor(readonly source: string, readonly window: DateRange, readonly startedAt: Date) {}

  progress(): SyncProgress {
    return { source: this.source, from: this.window.start, to: lastDay(this.window), daysDone: this.daysDone, daysTotal: rangeDays(this.window), rows: this.rows, requests: this.requests };
  }

  finish(at: Date, explicit: boolean): SyncRun {
    const total = rangeDays(this.window);
    const status: SyncStatus = this.failed.length === 0 ? 'ok' : this.failed.length >= total ? 'failed' : 'partial';
    return {
      id: this.id, source: this.source, from: this.window.start, to: lastDay(this.window), status, rows: this.rows, requests: this.requests,
      startedAt: this.startedAt, finishedAt: at, durationMs: at.getTime() - this.startedAt.getTime(),
      errors: this.issues, failedDays: [...this.failed].sort(), estimatedDays: [...new Set(this.estimated)].sort(), explicit,
    };
  }

  summary(status: SyncStatus = 'ok'): SyncRunSummary {
    return { source: this.source, from: this.window.start, to: lastDay(this.window), status, rows: this.rows, requests: this.requests, errors: this.issues };
  }
}

function lost(source: string, pending: Set<Day>, code: ErrorCode, message: string): SyncIssue {
  const days = [...pending].sort();
  if (days.length === 0) return { code, message, recovered: false };
  const span = days.length === 1 ? days[0] : `${days[0]} to ${days[days.length - 1]}`;
  const verb = days.length === 1 ? 'was not synced and keeps its' : 'were not synced and keep their';
  return { code, message: `${message} ${span} ${verb} earlier ${source} numbers.`, from: days[0], to: days[days.length - 1], recovered: false };
}

function rangeDays(range: DateRange): number {
  return Math.max(0, rangeLength(range));
}
