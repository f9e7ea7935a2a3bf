/**
 * The answer to a question, as data: the exact amounts, what was queried, and the sentence.
 * Also the plan: which cost-engine requests answer an intent.
 */
import type { AskDetails } from '../../answers/ask';
import type { ChartSpec } from '../../answers/chart-spec';
import { CHARGE_CATEGORIES, type Metric } from '../../domain/cost-record';
import type { GroupDim, PlainGroupDim } from '../../domain/cost-query';
import { lastDay, type Day } from '../../domain/days';
import type { Nanos } from '../../domain/money';
import type { Period } from '../../domain/period';
import type { AppliedFilter, CostRequest } from '../cost-service';
import type { AskFilters, AskIntent, AskQuery, IntentKind, Refusal } from './intent';

export interface AnswerGroup {
  key: string;
  label: string;
  cost: Nanos;
  /** In comparisons: the same group in the baseline period, and the change. */
  previous?: Nanos;
  change?: Nanos;
  changePercent?: number | null;
}

export interface QueriedPeriod {
  label: string;
  start: Day;
  /** Exclusive. */
  end: Day;
  /** The last day counted (end - 1 day), as sentences say it. */
  last: Day;
}

/** What was actually asked of the store, for showing people (and tests) exactly what was summed. */
export interface Queried {
  kind: IntentKind;
  metric: Metric;
  period: QueriedPeriod;
  against?: QueriedPeriod;
  filters: AskFilters;
  /** How the engine matched each filter. */
  applied: AppliedFilter[];
  groupBy?: GroupDim;
  top?: number;
}

export interface AskAnswer {
  ok: true;
  intent: AskIntent;
  text: string;
  query: Queried;
  currency: string;
  /** The period's total (a forecast's projected total, recommendations' monthly saving), or null when there is none. */
  total: Nanos | null;
  /** The groups shown (top N when asked), or null when the answer is not broken down. */
  groups: AnswerGroup[] | null;
  previousTotal?: Nanos | null;
  change?: Nanos | null;
  changePercent?: number | null;
  /** "Why" answers: the change broken down by each driver dimension. */
  drivers?: { dim: PlainGroupDim; groups: AnswerGroup[] }[];
  /** False when the question was understood but its feature is not set up here. */
  available: boolean;
  /** Forecast, budget, anomaly and recommendation answers: the service's answer the sentence is built on. */
  details?: AskDetails;
  /** A chart the service drew (a forecast's days); breakdowns and trends get theirs from the groups. */
  chart?: ChartSpec;
  /** Other numbers the sentence states (days left, counts, a period's last day), as evidence for the number check. */
  figures?: Record<string, string | number>;
}

export type AskReply = AskAnswer | Refusal;

export function queriedPeriod(p: Period): QueriedPeriod {
  return { label: p.label, start: p.range.start, end: p.range.end, last: lastDay(p.range) };
}

/** The cost-engine request for a query; names are already exact stored values. */
export function costRequest(q: AskQuery, extra: Partial<CostRequest> = {}): CostRequest {
  const f = q.filters;
  const request: CostRequest = { period: q.period, metric: q.metric, ...(q.groupBy ? { groupBy: q.groupBy } : {}) };
  if (f.providers.length) request.providers = f.providers;
  if (f.accounts.length) request.accounts = f.accounts;
  if (f.services.length) request.services = f.services;
  if (f.regions.length) request.regions = f.regions;
  if (f.tags.length) request.tags = f.tags.map((t) => `${t.key}=${t.value}`);
  const excluded = f.excludeChargeCategories;
  if (f.chargeCategories.length) request.chargeCategories = f.chargeCategories.filter((c) => !excluded.includes(c));
  else if (excluded.length === 1 && excluded[0] === 'credit') request.excludeCredits = true;
  // Leaving out other categories is the same as asking for all the rest.
  else if (excluded.length) request.chargeCategories = CHARGE_CATEGORIES.filter((c) => !excluded.includes(c));
  return { ...request, ...extra };
}

/** The engine requests that answer an intent, in the order the composer reads them. */
export function planRequests(intent: AskIntent): CostRequest[] {
  switch (intent.kind) {
    case 'totals':
    case 'trend':
      return [costRequest(intent.query)];
    case 'compare':
    case 'movers':
      return [costRequest(intent.query, { compareWith: intent.against })];
    case 'why':
      return intent.drivers.map((dim) => costRequest({ ...intent.query, groupBy: dim }, { compareWith: intent.against }));
    default:
      return [];
  }
}
