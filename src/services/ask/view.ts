/**
 * An AskAnswer (the service's data) as the face-neutral answer every face renders: the query as
 * people read it, a chart when a trend or breakdown was asked for, and the refinements a thread
 * reply can make. Amounts are carried over unchanged.
 */
import type { AskAnswerView, AskFiltersView, AskGroupView, AskPath, AskQueryView, AskRefusalAnswer } from '../../answers/ask';
import type { ChartSpec } from '../../answers/chart-spec';
import type { Freshness } from '../../answers/types';
import { providerLabel } from '../../domain/cost-record';
import { nanosToNumber } from '../../domain/money';
import { compareChart, rankedChart } from '../present/charts';
import type { AnswerGroup, AskAnswer } from './answer';
import type { AskIntent, Refusal } from './intent';

const CHART_ROWS = 10;

export function askView(answer: AskAnswer, freshness: Freshness, answeredBy: AskPath): AskAnswerView {
  const view: AskAnswerView = {
    kind: 'ask',
    text: answer.text,
    query: queryView(answer),
    currency: answer.currency,
    total: answer.total,
    groups: answer.groups?.map(groupView) ?? null,
    freshness,
    available: answer.available,
    answeredBy,
    followUps: answer.available ? followUpsOf(answer.intent) : [],
  };
  if (answer.previousTotal !== undefined) view.previousTotal = answer.previousTotal;
  if (answer.details) view.details = answer.details;
  const chart = answer.available ? (answer.chart ?? chartOf(answer, view.query)) : undefined;
  if (chart) view.chart = chart;
  return view;
}

export function refusalView(question: string, r: Refusal): AskRefusalAnswer {
  return { kind: 'ask-refusal', question, reason: r.reason, suggestions: r.suggestions, examples: r.examples };
}

function groupView(g: AnswerGroup): AskGroupView {
  return { key: g.key, label: g.label, cost: g.cost, ...(g.previous !== undefined ? { previous: g.previous } : {}), ...(g.change !== undefined ? { change: g.change } : {}) };
}

function queryView(answer: AskAnswer): AskQueryView {
  const q = answer.query;
  const f = q.filters;
  const filters: AskFiltersView = {
    providers: [...f.providers], accounts: [...f.accounts], services: [...f.services], regions: [...f.regions],
    chargeCategories: [...f.chargeCategories], excludeChargeCategories: [...f.excludeChargeCategories], tags: f.tags.map((t) => `${t.key}=${t.value}`),
  };
  const view: AskQueryView = { kind: q.kind, metric: q.metric, period: { ...q.period }, filters, filterLabels: filterLabels(answer.intent) };
  if (q.against) view.against = { ...q.against };
  if (q.groupBy) view.groupBy = q.groupBy;
  if (q.top !== undefined) view.top = q.top;
  return view;
}

/** "provider AWS", "account prod-core (111111111111)", "service Amazon EC2", "tag env=prod", "not credit". */
export function filterLabels(intent: AskIntent): string[] {
  const f = intent.query.filters;
  const accountLabel = (id: string) => {
    for (const m of intent.debug.matched) {
      const i = m.dim === 'account' ? m.values.indexOf(id) : -1;
      if (i >= 0 && m.labels[i] && m.labels[i] !== id) return `${m.labels[i]} (${id})`;
    }
    return id;
  };
  const out: string[] = [];
  const add = (noun: string, values: string[]) => values.length && out.push(`${noun} ${values.join(', ')}`);
  add('provider', f.providers.map(providerLabel));
  add('account', f.accounts.map(accountLabel));
  add('service', f.services);
  add('region', f.regions);
  add('tag', f.tags.map((t) => `${t.key}=${t.value}`));
  add('charge category', f.chargeCategories);
  add('excluding', f.excludeChargeCategories);
  return out;
}

/** Replies a thread can make to refine this answer. */
function followUpsOf(intent: AskIntent): string[] {
  // Budgets and recommendations are as of today, whatever the period; forecasts split two ways.
  if (intent.kind === 'budget' || intent.kind === 'recommendations') return [];
  if (intent.kind === 'forecast') return intent.query.groupBy ? [] : ['by service', 'by provider'];
  const out: string[] = [];
  const by = intent.query.groupBy;
  const splits = !by || by === 'day' || by === 'month' ? ['break that down by service', 'by region'] : [by === 'service' ? 'by region' : 'by service'];
  // Anomalies are listed one by one: only their period moves.
  if (intent.kind !== 'anomalies') out.push(...splits);
  const kind = intent.query.period.kind;
  const unit = kind === 'to-date' ? intent.query.period.unit : kind;
  out.push(unit === 'month' || unit === 'week' || unit === 'quarter' || unit === 'year' ? `and the ${unit} before?` : 'and the period before?');
  return out.slice(0, 3);
}

function chartOf(answer: AskAnswer, query: AskQueryView): ChartSpec | undefined {
  const groups = answer.groups;
  if (!groups || groups.length === 0 || !answer.query.groupBy) return undefined;
  const title = [answer.query.groupBy === 'day' || answer.query.groupBy === 'month' ? 'Costs' : `Costs by ${answer.query.groupBy}`, query.period.label, ...query.filterLabels].join(' · ');
  if (answer.intent.kind === 'trend') {
    return { kind: 'bar', title, labels: groups.map((g) => g.label), series: [{ name: 'Cost', values: groups.map((g) => nanosToNumber(g.cost)) }], currency: answer.currency };
  }
  const shown = groups.slice(0, CHART_ROWS);
  const rows = shown.map((g) => ({ key: g.key, label: g.label, amount: g.cost, change: g.previous !== undefined ? { previous: g.previous } : undefined }));
  if (answer.intent.kind === 'compare' || answer.intent.kind === 'movers') {
    return compareChart(title, rows, query.against?.label ?? 'Before', query.period.label, answer.currency);
  }
  if (answer.intent.kind !== 'totals' || answer.total === null) return undefined;
  // "Other" makes the bars add up to the total when only the top groups are listed.
  let rest = answer.total;
  for (const g of shown) rest -= g.cost;
  return rankedChart(title, rows, rest, answer.currency);
}
