import type { RecommendationMark } from '../domain/advice/recommendation-state';
import type { Day } from '../domain/days';

/**
 * What people decided about recommendations (dismissed, snoozed: who, when, the evidence
 * fingerprint), when each was first seen (for "what is new"), and once-only claims for the jobs.
 */
export interface RecommendationMarks {
  marks(ids: readonly string[]): Promise<Map<string, RecommendationMark>>;
  setMark(mark: RecommendationMark): Promise<void>;
  clearMark(id: string): Promise<void>;
  /** Records `day` as the first day seen for ids not seen before; returns all ids' first days. */
  seen(ids: readonly string[], day: Day): Promise<Map<string, Day>>;
  /** True for exactly one caller per (job, key), across instances: a unique insert. */
  claim(job: string, key: string, owner: string): Promise<boolean>;
}
