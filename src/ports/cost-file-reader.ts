import type { Readable } from 'node:stream';
import type { CostDimensions } from '../domain/cost-record';
import type { FineAmounts } from '../domain/daily-aggregator';
import type { Day } from '../domain/days';

export interface ImportInput {
  name: string;
  open(): Readable;
  /** Bytes on disk, for progress. */
  size?: number;
}

export interface CostRowSink {
  row(dims: CostDimensions, day: Day, amounts: FineAmounts): void;
  reject(line: number, message: string): void;
  warn(line: number, message: string): void;
  bytes(total: number): void;
}

/** Reads a billing export file row by row. Never writes anywhere. */
export interface CostFileReader {
  read(input: ImportInput, sink: CostRowSink): Promise<{ rows: number }>;
  /** Reads only the start of a file; throws a coded error naming it when it is not one this reader imports. */
  check(input: ImportInput): Promise<void>;
}
