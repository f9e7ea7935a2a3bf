/**
 * What forecast, budget, anomaly and recommendation answers share: the answer's frame (what was
 * queried, the service's answer behind the sentence) and the plain refusals for questions the
 * watchdog cannot answer exactly.
 */
import type { AskDetails } from '../../../answers/ask';
import type { ChartSpec } from '../../../answers/chart-spec';
import type { Metric } from '../../../domain/cost-record';
import type { Day } from '../../../domain/days';
import type { Nanos } from '../../../domain/money';
import type { AppliedFilter } from '../../cost-service';
import type { AnswerGroup, AskAnswer, AskReply } from '../answer';
import { queried } from '../compose';
import type { AskFilters, LaterIntent, Refusal } from '../intent';
import { refusal } from '../refusals';

/** Answers one of the later kinds; AskService calls it with "today" (the first day without data). */
export type LaterAnswerer = (intent: LaterIntent, context: { today: Day }) => Promise<AskReply>;

export interface LaterParts {
  text: string;
  currency: string;
  details: AskDetails;
  total?: Nanos | null;
  groups?: AnswerGroup[] | null;
  chart?: ChartSpec;
  figures?: Record<string, string | number>;
  applied?: AppliedFilter[];
}

export function laterAnswer(intent: LaterIntent, parts: LaterParts): AskAnswer {
  const answer: AskAnswer = {
    ok: true, intent, text: parts.text, query: queried(intent, { applied: parts.applied ?? [] }), currency: parts.currency,
    total: parts.total ?? null, groups: parts.groups ?? null, available: true, details: parts.details,
  };
  if (parts.chart) answer.chart = parts.chart;
  if (parts.figures) answer.figures = parts.figures;
  return answer;
}

const METRIC_WORDS: Record<Metric, string> = { billed: 'billed cost', effective: 'amortized cost', list: 'list-price cost' };

/** The watchdog reads billed cost; an amortized forecast would be a different question. */
export function billedOnly(intent: LaterIntent, what: string, example: string): Refusal | undefined {
  const metric = intent.query.metric;
  if (metric === 'billed') return undefined;
  return refusal('unsupported', `${what} use billed cost (as invoiced), so I can't give them as ${METRIC_WORDS[metric]}.`, [], [example]);
}

/** Forecasts and anomalies judge whole charges (usage and the rest together, or usage alone): not one category. */
export function categoryFilterProblem(filters: AskFilters, what: string, example: string): Refusal | undefined {
  if (filters.chargeCategories.length === 0 && filters.excludeChargeCategories.length === 0) return undefined;
  return refusal('unsupported', `${what} cover all charges of a scope together; I can't narrow them to one charge category (credits, tax, purchases).`, [], [example]);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
