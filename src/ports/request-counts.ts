import type { Day } from '../domain/days';

/** API requests a source made, counted per UTC day (a month is the sum of its days). */
export interface RequestCountRepository {
  add(source: string, day: Day, requests: number): Promise<void>;
  /** Requests made on the days of [from, to], inclusive. */
  total(source: string, from: Day, to: Day): Promise<number>;
}
