import type { Day } from '../domain/days';

/**
 * Scratch space that files an import's rows by day on the way through, so that a file of any
 * size is folded one day at a time instead of all at once in memory.
 */
export interface DaySpill {
  append(day: Day, line: string): void;
  /** Finishes writing; after this, days() and lines() may be used. */
  seal(): void;
  days(): Day[];
  lines(day: Day): string[];
  dispose(): void;
}

export type DaySpillFactory = () => DaySpill;
