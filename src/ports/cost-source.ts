import type { CostRecord } from '../domain/cost-record';
import type { DateRange } from '../domain/days';

/**
 * Where daily costs come from: a cloud's billing API, an export, or the demo generator.
 * A source returns domain records only; it never writes to the store itself.
 */
export interface CostSource {
  readonly id: string;
  /** Records for the days in `range`, in batches (a source chooses the size, e.g. a month). */
  fetch(range: DateRange): AsyncIterable<CostRecord[]>;
}
