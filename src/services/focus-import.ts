/**
 * Imports billing export files: read every row, fold rows into daily records, write them
 * idempotently. Several files in one import are folded together (multi-part exports).
 */
import { randomUUID } from 'node:crypto';
import { DailyAggregator } from '../domain/daily-aggregator';
import { AppError } from '../domain/errors';
import type { Clock } from '../ports/clock';
import type { CostFileReader, ImportInput } from '../ports/cost-file-reader';
import type { CostStore } from '../ports/cost-store';
import type { Logger } from '../ports/logger';

export const MAX_REPORTED_ERRORS = 100;

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
}

export class FocusImportService {
  constructor(private readonly deps: { store: CostStore; reader: CostFileReader; clock: Clock; logger: Logger }) {}

  async import(inputs: ImportInput[], options: ImportOptions = {}): Promise<ImportSummary> {
    if (inputs.length === 0) throw new AppError('IMPORT_FILE_UNREADABLE', 'Name at least one FOCUS file to import.');
    const summary: ImportSummary = {
      importId: randomUUID(), files: inputs.map((i) => i.name), rows: 0, imported: 0, rejected: 0, records: 0, inserted: 0, replaced: 0, unchanged: 0, written: false,
      errors: [], errorsOmitted: 0, warnings: [], warningsOmitted: 0,
    };
    const aggregator = new DailyAggregator();
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
          aggregator.add(dims, day, amounts);
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
    if (options.strict && summary.rejected > 0) {
      this.deps.logger.warn({ importId: summary.importId, rejected: summary.rejected }, 'strict import: nothing written');
      return summary;
    }
    // One month at a time, so that only one month's records are ever built in memory.
    for (const { month, records } of aggregator.drainByMonth(this.deps.clock.now())) {
      options.onProgress?.({ file: month, bytesRead: 0, rows: summary.rows, phase: 'writing' });
      const result = await this.deps.store.writeRecords(records, { importId: summary.importId });
      summary.records += result.records;
      summary.inserted += result.inserted;
      summary.replaced += result.replaced;
      summary.unchanged += result.unchanged;
    }
    summary.written = true;
    this.deps.logger.info(
      { importId: summary.importId, files: summary.files, rows: summary.rows, rejected: summary.rejected, records: summary.records },
      'import finished',
    );
    return summary;
  }
}
