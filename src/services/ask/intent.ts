/**
 * What a plain-language cost question means, once understood: a typed, face-neutral intent.
 * Every name in it is already resolved to stored values, so answering it cannot guess again.
 */
import type { GroupDim, PlainGroupDim } from '../../domain/cost-query';
import type { ChargeCategory, Metric } from '../../domain/cost-record';
import type { Period } from '../../domain/period';

export const INTENT_KINDS = ['totals', 'compare', 'movers', 'trend', 'why', 'forecast', 'budget', 'anomalies', 'recommendations'] as const;
export type IntentKind = (typeof INTENT_KINDS)[number];

/** Kinds the watchdog's and advice's services answer (plugged into AskService as `later`). */
export const LATER_KINDS = ['forecast', 'budget', 'anomalies', 'recommendations'] as const;
export type LaterKind = (typeof LATER_KINDS)[number];

export type NameDim = 'provider' | 'account' | 'service' | 'region';

/** A name as it was understood: the words typed and the stored values they stand for. */
export interface NameMatch {
  dim: NameDim | 'tag' | 'charge-category';
  input: string;
  values: string[];
  labels: string[];
}

/** Exact stored values; an empty list means "any". */
export interface AskFilters {
  providers: string[];
  accounts: string[]; // sub-account ids
  services: string[];
  regions: string[]; // region ids
  chargeCategories: ChargeCategory[];
  excludeChargeCategories: ChargeCategory[];
  tags: { key: string; value: string }[];
}

export interface AskQuery {
  period: Period;
  metric: Metric;
  filters: AskFilters;
  groupBy?: GroupDim;
  /** Keep only the N largest groups (or movers). */
  top?: number;
}

/** Why the parser read the question this way, for debugging and for "here is what I understood". */
export interface IntentDebug {
  /** 1 when every word was read exactly; lower for typo fixes and assumed defaults. */
  confidence: number;
  why: string[];
  matched: NameMatch[];
}

interface IntentBase<K extends IntentKind> {
  kind: K;
  query: AskQuery;
  debug: IntentDebug;
}

export type TotalsIntent = IntentBase<'totals'>;
/** This period against another; with a groupBy, each group's change too. */
export type CompareIntent = IntentBase<'compare'> & { against: Period };
/** The groups that changed most between two periods. */
export type MoversIntent = IntentBase<'movers'> & { against: Period; direction: 'up' | 'down' | 'any' };
/** A daily or monthly series (query.groupBy is 'day' or 'month'). */
export type TrendIntent = IntentBase<'trend'> & { granularity: 'day' | 'month' };
/** What drove a change: the comparison broken down by each driver dimension. */
export type WhyIntent = IntentBase<'why'> & { against: Period; direction: 'up' | 'down' | 'any'; drivers: PlainGroupDim[] };
/** Budget status; `budgets` holds the budgets asked about by name ("how is the data-platform budget doing"). */
export type BudgetIntent = IntentBase<'budget'> & { budgets?: string[] };
export type LaterIntent = IntentBase<Exclude<LaterKind, 'budget'>> | BudgetIntent;

export type AskIntent = TotalsIntent | CompareIntent | MoversIntent | TrendIntent | WhyIntent | LaterIntent;

export type RefusalCode =
  | 'empty' // nothing that reads as a cost question
  | 'unknown-name' // a word that is not a name in the data (did you mean…)
  | 'not-in-data' // a name Penny knows, but no costs carry it
  | 'unsupported' // understood, but not something Penny can answer exactly
  | 'ambiguous' // two readings that give different numbers
  | 'no-days' // the period has no complete day before today
  | 'out-of-scope'; // names costs outside what the asker may see here

export interface Refusal {
  ok: false;
  code: RefusalCode;
  /** A short sentence for the person: what was not understood, and why. */
  reason: string;
  /** Close names ("did you mean"), best first. */
  suggestions: string[];
  /** Questions that can be answered, in the person's context when possible. */
  examples: string[];
}

export type ParseResult = { ok: true; intent: AskIntent } | Refusal;

export function emptyFilters(): AskFilters {
  return { providers: [], accounts: [], services: [], regions: [], chargeCategories: [], excludeChargeCategories: [], tags: [] };
}

export function isLaterKind(kind: IntentKind): kind is LaterKind {
  return (LATER_KINDS as readonly string[]).includes(kind);
}
