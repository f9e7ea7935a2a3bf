/**
 * A plain-language question's answer, as every face shows it: the sentence, what was queried (the
 * context line), the exact amounts behind the sentence, an optional chart and how fresh the data is.
 * Also the refusal ("I can't answer that exactly; did you mean …") and the `penny ask --json` contract.
 */
import type { Metric } from '../domain/cost-record';
import { nanosToDecimalString } from '../domain/money';
import type { RecommendationsAnswer } from './advice';
import { recommendationsJson } from './advice-json';
import type { ChartSpec } from './chart-spec';
import { rangeText } from './dates';
import { freshnessLine } from './freshness';
import type { Freshness } from './types';
import type { AnomaliesAnswer, BudgetStatusAnswer, ScopedForecast } from './watchdog';
import { anomaliesJson, budgetStatusJson, scopedForecastJson } from './watchdog-json';

export interface AskPeriodView {
  label: string;
  start: string;
  /** Exclusive. */
  end: string;
  /** The last day counted. */
  last: string;
}

/** Exact stored values the query was held to; empty lists mean "any". Tags as KEY=VALUE. */
export interface AskFiltersView {
  providers: string[];
  accounts: string[];
  services: string[];
  regions: string[];
  chargeCategories: string[];
  excludeChargeCategories: string[];
  tags: string[];
}

/** What was asked of the store. */
export interface AskQueryView {
  kind: string;
  metric: Metric;
  period: AskPeriodView;
  against?: AskPeriodView;
  filters: AskFiltersView;
  /** The filters as people read them: "service EC2 (Amazon Elastic Compute Cloud)". */
  filterLabels: string[];
  groupBy?: string;
  top?: number;
}

export interface AskGroupView {
  key: string;
  label: string;
  cost: bigint;
  /** In comparisons: the same group's cost in the baseline, and the change. */
  previous?: bigint;
  change?: bigint;
}

/**
 * What a forecast, budget, anomaly or recommendation answer is built on: the service's own answer,
 * exact, so that every number in the sentence can be checked against it and every face can show it.
 */
export type AskDetails =
  | { kind: 'forecast'; forecast: ScopedForecast }
  | { kind: 'budget'; status: BudgetStatusAnswer }
  | { kind: 'anomalies'; anomalies: AnomaliesAnswer }
  | { kind: 'recommendations'; recommendations: RecommendationsAnswer };

/** Which path wrote the sentence (the numbers always come from the store). */
export type AskPath = 'parser' | 'llm';

export interface AskAnswerView {
  kind: 'ask';
  text: string;
  query: AskQueryView;
  currency: string;
  /** The period's total (a forecast's projected total, recommendations' monthly saving), or null when the question has none. */
  total: bigint | null;
  /** The baseline's total in comparisons. */
  previousTotal?: bigint | null;
  groups: AskGroupView[] | null;
  chart?: ChartSpec;
  freshness: Freshness;
  /** False when the question was understood but its feature is not set up here. */
  available: boolean;
  /** Forecast, budget, anomaly and recommendation answers: the service's answer behind the sentence. */
  details?: AskDetails;
  answeredBy: AskPath;
  /** Refinements a reply in the thread can make ("by region", "the month before"). */
  followUps: string[];
}

/** A question Penny will not answer with confidence: why, close names, and questions it can answer. */
export interface AskRefusalAnswer {
  kind: 'ask-refusal';
  question: string;
  reason: string;
  /** Close names or rewritten questions ("did you mean"). */
  suggestions: string[];
  examples: string[];
  /** A `/cost` command the words are a typo of, when there is one. */
  closestCommand?: string;
}

const BASIS: Record<Metric, string> = {
  billed: 'billed cost (as invoiced)',
  effective: 'amortized cost (effective, after discounts and commitments)',
  list: 'list cost (before discounts)',
};

export function costBasisText(metric: Metric): string {
  return BASIS[metric];
}

function periodWords(p: AskPeriodView): string {
  const dates = rangeText({ start: p.start, end: p.end });
  return p.label.includes(p.start) ? p.label : `${p.label} (${dates})`;
}

/** "Queried: September 2024 (Sep 1 – Sep 30, 2024) vs August 2024 (…) · service Amazon EC2 · by region · top 5". */
export function queriedText(q: AskQueryView): string {
  const parts = [`Queried: ${periodWords(q.period)}${q.against ? ` vs ${periodWords(q.against)}` : ''}`];
  parts.push(q.filterLabels.length ? q.filterLabels.join(', ') : 'all costs');
  if (q.groupBy) parts.push(`by ${q.groupBy}`);
  if (q.top !== undefined) parts.push(`top ${q.top}`);
  return parts.join(' · ');
}

/** The context line under every answer: what was queried, how fresh the data is, the cost basis. */
export function askContextLines(a: AskAnswerView): string[] {
  return [queriedText(a.query), `${freshnessLine(a.freshness)} Cost basis: ${costBasisText(a.query.metric)}.`];
}

/** The refusal as one paragraph: the reason, then "Did you mean …?". */
export function refusalText(r: AskRefusalAnswer): string {
  const guesses = r.closestCommand ? [r.closestCommand, ...r.suggestions] : r.suggestions;
  const did = guesses.length ? ` Did you mean ${guesses.map((s) => `“${s}”`).join(' or ')}?` : '';
  return `${r.reason}${did}`;
}

function periodJson(p: AskPeriodView): Record<string, string> {
  return { label: p.label, from: p.start, to: p.last };
}

/**
 * `penny ask --json`: {"answer", "query", "total", "groups"}, amounts as exact decimal strings
 * (`to` inclusive, as in `penny cost --json`). Comparisons add the baseline (query.against, with its
 * total) and each group's previous cost and change; a refusal has a null query, total and groups.
 * Forecast, budget, anomaly and recommendation answers add one key after these with what the
 * answer is built on: "forecast" (the scope's period), or "budget_status", "anomalies" and
 * "recommendations" as `penny budget status|anomalies|recommend --json` print them.
 */
export function askJson(a: AskAnswerView | AskRefusalAnswer): Record<string, unknown> {
  if (a.kind === 'ask-refusal') return { answer: refusalText(a), query: null, total: null, groups: null };
  const q = a.query;
  const filters = Object.fromEntries(Object.entries(q.filters).filter(([, list]) => (list as string[]).length > 0));
  const query: Record<string, unknown> = { kind: q.kind, metric: q.metric, currency: a.currency, period: periodJson(q.period), filters };
  if (q.against) query.against = { ...periodJson(q.against), total: a.previousTotal === null || a.previousTotal === undefined ? null : nanosToDecimalString(a.previousTotal) };
  if (q.groupBy) query.groupBy = q.groupBy;
  if (q.top !== undefined) query.top = q.top;
  const groups = a.groups?.map((g) => ({
    key: g.key,
    label: g.label,
    cost: nanosToDecimalString(g.cost),
    ...(g.previous !== undefined ? { previous: nanosToDecimalString(g.previous) } : {}),
    ...(g.change !== undefined ? { change: nanosToDecimalString(g.change) } : {}),
  })) ?? null;
  return { answer: a.text, query, total: a.total === null ? null : nanosToDecimalString(a.total), groups, ...(a.details ? detailsJson(a.details) : {}) };
}

function detailsJson(d: AskDetails): Record<string, unknown> {
  switch (d.kind) {
    case 'forecast':
      return { forecast: scopedForecastJson(d.forecast) };
    case 'budget':
      return { budget_status: budgetStatusJson(d.status) };
    case 'anomalies':
      return { anomalies: anomaliesJson(d.anomalies) };
    case 'recommendations':
      return { recommendations: recommendationsJson(d.recommendations) };
  }
}
