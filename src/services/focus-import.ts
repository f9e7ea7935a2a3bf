/**
 * Imports billing export files: read every row, fold rows into daily records, write them
 * idempotently. Several files in one import are folded together (multi-part exports).
 *
 * An import can be stopped (signal) or cut off (MongoDB goes away) at any point and run again:
 * what was stored stays valid, and the next run skips what is already there. When MongoDB stops
 * answering during the write, the write is tried once more (a failover takes seconds); if that
 * fails too, the import stops with the cause and how to resume.
 */
import { randomUUID } from 'node:crypto';
import type { CostRecord } from '../domain/cost-record';
import { DailyAggregator, DimensionTable } from '../domain/daily-aggregator';
import { monthOf } from '../domain/days';
import { AppError, isOutage } from '../domain/errors';
import type { Clock } from '../ports/clock';
import type { CostFileReader, ImportInput } from '../ports/cost-file-reader';
import type { CostStore } from '../ports/cost-store';
import type { DaySpill, DaySpillFactory } from '../ports/day-spill';
import type { Logger } from '../ports/logger';

export const MAX_REPORTED_ERRORS = 100;
/** Records per write: enough for bulk speed, few enough to keep memory flat. */
const CHUNK_RECORDS = 5_000;

export interface ImportIssue {
  file?: string;
  line: number;
  message: string;
}

export interface ImportSummary {
  importId: string;
  files: string[];
  rows: number;
  imported: number;
  rejected: number;
  records: number; // daily records the rows folded into
  inserted: number;
  replaced: number;
  unchanged: number;
  written: boolean;
  errors: ImportIssue[];
  errorsOmitted: number;
  warnings: ImportIssue[];
  warningsOmitted: number;
}

export interface ImportProgress {
  file: string;
  bytesRead: number;
  bytesTotal?: number;
  rows: number;
  phase: 'reading' | 'writing';
}

export interface ImportOptions {
  /** All or nothing: when any line is rejected, write nothing. */
  strict?: boolean;
  onProgress?: (progress: ImportProgress) => void;
  /** A sentence for the person watching: why the import waits, or that it tries again. */
  onNotice?: (text: string) => void;
  /** Stops the import at its next step; `reason` says what stopped it ("SIGTERM"). */
  signal?: AbortSignal;
}

/** Tries of the write phase when MongoDB stops answering (the first included). */
const WRITE_TRIES = 2;

export class FocusImportService {
  constructor(private readonly deps: { store: CostStore; reader: CostFileReader; spill: DaySpillFactory; clock: Clock; logger: Logger }) {}

  async import(inputs: ImportInput[], options: ImportOptions = {}): Promise<ImportSummary> {
    if (inputs.length === 0) throw new AppError('IMPORT_FILE_UNREADABLE', 'Name at least one FOCUS file to import.');
    const summary: ImportSummary = {
      importId: randomUUID(), files: inputs.map((i) => i.name), rows: 0, imported: 0, rejected: 0, records: 0, inserted: 0, replaced: 0, unchanged: 0, written: false,
      errors: [], errorsOmitted: 0, warnings: [], warningsOmitted: 0,
    };
    const table = new DimensionTable();
    const spill = this.deps.spill();
    try {
      await this.readAll(inputs, table, spill, summary, options);
      spill.seal();
      if (options.strict && summary.rejected > 0) {
        this.deps.logger.warn({ importId: summary.importId, rejected: summary.rejected }, 'strict import: nothing written');
        return summary;
      }
      const result = await this.write(spill, table, summary, options);
      Object.assign(summary, { records: result.records, inserted: result.inserted, replaced: result.replaced, unchanged: result.unchanged, written: true });
    } catch (error) {
      throw this.explainStop(error, options);
    } finally {
      spill.dispose();
    }
    this.deps.logger.info(
      { importId: summary.importId, files: summary.files, rows: summary.rows, rejected: summary.rejected, records: summary.records },
      'import finished',
    );
    return summary;
  }

  /** Phase 2, tried again once if MongoDB stops answering: each try re-reads the spill, and skips what the last one stored. */
  private async write(spill: DaySpill, table: DimensionTable, summary: ImportSummary, options: ImportOptions) {
    const ingestedAt = this.deps.clock.now();
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.deps.store.writeRecords(foldDays(spill, table, ingestedAt, summary, options), {
          importId: summary.importId, activity: 'import', onWait: options.onNotice, signal: options.signal,
        });
      } catch (error) {
        if (!isOutage(error) || attempt >= WRITE_TRIES || options.signal?.aborted) throw error;
        this.deps.logger.info({ err: error, importId: summary.importId, attempt }, 'MongoDB stopped answering during the import; trying the write again');
        options.onNotice?.(`${(error as Error).message} Trying again…`);
      }
    }
  }

  /** The sentence for an import that did not finish: what stopped it, and how to resume. */
  private explainStop(error: unknown, options: ImportOptions): unknown {
    const resume = 'Run the same import again to finish it: what is already stored is kept and skipped.';
    if (options.signal?.aborted) {
      const why = String((options.signal.reason as Error | undefined)?.message ?? 'a stop request').replace(/^stopped by /, '');
      return new AppError('IMPORT_ABORTED', `The import was stopped by ${why} before it finished. ${resume}`, { cause: error });
    }
    if (isOutage(error)) return new AppError((error as AppError).code, `${(error as Error).message} The import stopped there. ${resume}`, { cause: error });
    if (error instanceof AppError && error.code === 'LEASE_LOST') return new AppError('LEASE_LOST', `${error.message} ${resume}`, { cause: error });
    return error;
  }

  /** Phase 1: every row of every file, checked, its dimensions interned, filed by day. */
  private async readAll(inputs: ImportInput[], table: DimensionTable, spill: DaySpill, summary: ImportSummary, options: ImportOptions): Promise<void> {
    const many = inputs.length > 1;
    for (const input of inputs) {
      let rows = 0;
      let bytesRead = 0;
      const note = (list: ImportIssue[], line: number, message: string): boolean => {
        if (list.length >= MAX_REPORTED_ERRORS) return false;
        list.push(many ? { file: input.name, line, message } : { line, message });
        return true;
      };
      const result = await this.deps.reader.read(input, {
        row: (dims, day, amounts) => {
          if (summary.imported % 1000 === 0) options.signal?.throwIfAborted();
          spill.append(day, `${table.intern(dims)}\t${amounts.billed}\t${amounts.effective}\t${amounts.list}`);
          summary.imported += 1;
          rows += 1;
          if (rows % 10_000 === 0) options.onProgress?.({ file: input.name, bytesRead, bytesTotal: input.size, rows, phase: 'reading' });
        },
        reject: (line, message) => {
          summary.rejected += 1;
          if (!note(summary.errors, line, message)) summary.errorsOmitted += 1;
        },
        warn: (line, message) => {
          if (!note(summary.warnings, line, message)) summary.warningsOmitted += 1;
        },
        bytes: (total) => {
          bytesRead = total;
        },
      });
      summary.rows += result.rows;
      options.onProgress?.({ file: input.name, bytesRead, bytesTotal: input.size, rows: result.rows, phase: 'reading' });
    }
  }
}

/** Phase 2: one day at a time, rows folded into daily records, handed out in chunks. */
async function* foldDays(spill: DaySpill, table: DimensionTable, ingestedAt: Date, summary: ImportSummary, options: ImportOptions): AsyncGenerator<CostRecord[]> {
  const days = spill.days();
  const aggregator = new DailyAggregator(table);
  for (let i = 0; i < days.length; i++) {
    const day = days[i]!;
    for (const line of spill.lines(day)) {
      const [dims, billed, effective, list] = line.split('\t');
      aggregator.add(Number(dims), day, { billed: BigInt(billed!), effective: BigInt(effective!), list: BigInt(list!) });
    }
    const next = days[i + 1];
    if (aggregator.size >= CHUNK_RECORDS || !next || monthOf(next) !== monthOf(day)) {
      options.onProgress?.({ file: day, bytesRead: i + 1, bytesTotal: days.length, rows: summary.rows, phase: 'writing' });
      yield* aggregator.drainChunks(ingestedAt, CHUNK_RECORDS);
    }
  }
}
