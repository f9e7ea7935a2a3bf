/**
 * Recommendation answers: the list `/cost recommend` and `penny recommend` show, one
 * recommendation's evidence, and what a decision (dismiss, snooze) changed. Amounts are exact
 * bigint nanos; every face renders these the same way it renders cost answers.
 */
import type { Recommendation } from '../domain/advice/recommendation';
import type { RecommendationStatus } from '../domain/advice/recommendation-state';
import type { Day } from '../domain/days';
import type { FilterNote } from './types';

export interface RecommendationView extends Recommendation {
  state: RecommendationStatus;
  /** Open again after a dismissal (evidence changed) or a snooze that ran out. */
  reopened?: 'evidence-changed' | 'snooze-over';
  snoozedUntil?: Day;
  /** Who dismissed or snoozed it. */
  decidedBy?: string;
  firstSeen?: Day;
}

/** Open savings of one currency; currencies are never added together. */
export interface SavingTotal {
  currency: string;
  total: bigint;
  count: number;
}

export interface RecommendationsAnswer {
  kind: 'recommendations';
  /** The first day not read: the numbers come from the days before it. */
  asOf: Day;
  /** The currency of `total` (the largest open saving's). */
  currency: string;
  /** Shown, best first. */
  items: RecommendationView[];
  /** All open recommendations' monthly savings in `currency`, counted once (merged duplicates excluded). */
  total: bigint;
  openCount: number;
  /** Open ones not shown (past the limit). */
  moreCount: number;
  /** Dismissed or snoozed ones left out (shown with `all`). */
  hiddenCount: number;
  otherCurrencies: SavingTotal[];
  filters: FilterNote[];
  /** A decision just made ("Dismissed …"), shown above the list. */
  notice?: string;
  /** When each cloud adviser's advice was fetched, or why it is missing. */
  adviserNotes: string[];
}

export interface RecommendationEvidenceAnswer {
  kind: 'recommendation-evidence';
  asOf: Day;
  item: RecommendationView;
}

/** The App Home's share: the top three and what all open ones could save. */
export interface HomeAdvice {
  items: RecommendationView[];
  total: bigint;
  currency: string;
  openCount: number;
}
