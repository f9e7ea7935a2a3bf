import type { ScannedRecord } from '../domain/advice/advice-data';
import type { ChargeCategory } from '../domain/cost-record';
import type { DateRange, Day } from '../domain/days';

export type { ScannedRecord };

/** Which stored records to read: a range of days, or some days; optionally some charge categories. */
export interface RecordScanFilter {
  range?: DateRange;
  days?: readonly Day[];
  chargeCategories?: readonly ChargeCategory[];
}

/**
 * Reads stored records one batch at a time, for analyses that need the records themselves
 * rather than sums (recommendations read each resource's days). Memory stays at one batch.
 */
export interface CostRecordScanner {
  scanRecords(filter: RecordScanFilter): AsyncIterable<ScannedRecord[]>;
}
