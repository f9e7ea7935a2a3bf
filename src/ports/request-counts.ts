import type { Day } from '../domain/days';

/** API requests a source made, counted per UTC day (a month is the sum of its days). */
export interface RequestCountRepository {
  add(source: string, day: Day, requests: number): Promise<void>;
  /** Requests made on the days of [from, to], inclusive. */
  total(source: string, from: Day, to: Day): Promise<number>;
}

/** A monthly limit on a source's requests (Cost Explorer bills each one). */
export interface RequestCap {
  limit: number;
  setting: string; // the variable that sets it, for the message
  api: string; // what a request is to, e.g. "Cost Explorer"
}
