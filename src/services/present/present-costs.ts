/** Presenters for the question-answer views: summary, top, compare and daily. Pure and exact. */
import type { CurrencyBreakdown } from '../../domain/cost-query';
import { providerLabel } from '../../domain/cost-record';
import { daysIn } from '../../domain/days';
import { nanosToNumber } from '../../domain/money';
import { previousPeriod } from '../../domain/period';
import { withPercentRule } from '../../answers/comparison';
import type { CostResult } from '../cost-service';
import { rangeCommandText } from '../../answers/dates';
import { drillDowns } from '../../answers/follow-up';
import { dimPlural } from '../../answers/phrases';
import { chartTitle, compareChart, rankedChart } from './charts';
import { coverageOf, ruledRows } from './compared';
import {
  byAbsoluteChange, changeOf, deltaOf, diffRows, emptyCurrency, fallbackCurrency, pickAnswer, previousLabelOf,
  previousPeriodTextOf, rankGroups, sameCurrency, sumAmounts, type PickedCurrency,
} from './ranking';
import type { CompareAnswer, Coverage, DailyDay, DailyAnswer, FilterNote, Freshness, Ranked, SummaryAnswer, TopAnswer } from '../../answers/types';

const DIM_LABELS: Record<string, string> = { service: 'Service', account: 'Account', region: 'Region', provider: 'Provider', 'charge-category': 'Charge category', project: 'Project' };

/** "Service", "Account", "Tag team" for tag:team. */
export function dimLabelOf(dim: string): string {
  return dim.startsWith('tag:') ? `Tag ${dim.slice(4)}` : (DIM_LABELS[dim] ?? dim);
}

function filtersOf(answer: CostResult): FilterNote[] {
  return answer.applied.map((f) => ({ dim: f.dim, input: f.input, matched: [...f.matched] }));
}

/** Top N of the picked currency's groups, and what is left over (exact). */
function topOf(picked: PickedCurrency, topN: number, coverage: Coverage | undefined): { rows: Ranked[]; moreCount: number; rest: bigint } {
  const all = ruledRows(rankGroups(picked.current.groups, picked.current.total, picked.previous), coverage);
  const rows = all.slice(0, Math.max(0, topN));
  return { rows, moreCount: all.length - rows.length, rest: picked.current.total - sumAmounts(rows) };
}

export function presentSummary(answer: CostResult, freshness: Freshness, periodText: string, topN = 5): SummaryAnswer {
  const picked = pickAnswer(answer);
  const coverage = coverageOf(answer);
  const { rows, moreCount, rest } = topOf(picked, topN, coverage);
  const view: SummaryAnswer = {
    kind: 'summary',
    periodText,
    periodLabel: answer.period.label,
    metric: answer.breakdown.metric,
    currency: picked.currency,
    total: picked.current.total,
    top: rows,
    moreCount,
    rest,
    freshness,
    filters: filtersOf(answer),
    actions: [],
  };
  if (picked.previous) {
    view.change = withPercentRule(changeOf(picked.previous.total, picked.current.total), picked.current.total, coverage);
    view.previousLabel = previousLabelOf(answer);
    view.previousPeriodText = previousPeriodTextOf(answer);
  }
  if (coverage) view.coverage = coverage;
  const empty = rows.length === 0 && view.total === 0n;
  view.actions = drillDowns({ periodText, filters: view.filters, previousCommand: view.previousPeriodText && `summary ${view.previousPeriodText}`, previousOnly: empty });
  const chart = rankedChart(chartTitle('Top services', answer.period.label, view.filters), rows, moreCount > 0 ? rest : 0n, picked.currency);
  if (chart) view.chart = chart;
  if (picked.others.length > 0) view.otherCurrencies = picked.others;
  return view;
}

export function presentTop(answer: CostResult, dim: string, freshness: Freshness, periodText: string, topN = 10): TopAnswer {
  const picked = pickAnswer(answer);
  const coverage = coverageOf(answer);
  const { rows, moreCount, rest } = topOf(picked, topN, coverage);
  const dimLabel = dimLabelOf(dim);
  const view: TopAnswer = {
    kind: 'top',
    dim,
    dimLabel,
    periodText,
    periodLabel: answer.period.label,
    currency: picked.currency,
    total: picked.current.total,
    items: rows,
    moreCount,
    rest,
    freshness,
    filters: filtersOf(answer),
    metric: answer.breakdown.metric,
    actions: [],
  };
  if (picked.previous) {
    view.previousLabel = previousLabelOf(answer);
    view.previousPeriodText = previousPeriodTextOf(answer);
  }
  if (coverage) view.coverage = coverage;
  const empty = rows.length === 0 && view.total === 0n;
  const previousCommand = view.previousPeriodText && `top ${dim} ${view.previousPeriodText}`;
  view.actions = drillDowns({ periodText, filters: view.filters, previousCommand, skipDim: dim, previousOnly: empty });
  const title = chartTitle(`Top ${dimPlural(dim, dimLabel)}`, answer.period.label, view.filters ?? []);
  const chart = rankedChart(title, rows, moreCount > 0 ? rest : 0n, picked.currency);
  if (chart) view.chart = chart;
  if (picked.others.length > 0) view.otherCurrencies = picked.others;
  return view;
}

/** Risers and fallers by absolute change: new services rise from 0, vanished ones fall to 0. */
export function presentCompare(answer: CostResult, periodText: string, topN = 5): CompareAnswer {
  const picked = pickAnswer(answer);
  const coverage = coverageOf(answer);
  const previous = picked.previous ?? emptyCurrency(picked.currency);
  const rows = ruledRows(diffRows(picked.current, previous), coverage).sort(byAbsoluteChange);
  const risers = rows.filter((r) => deltaOf(r) > 0n).slice(0, topN);
  const fallers = rows.filter((r) => deltaOf(r) < 0n).slice(0, topN);
  const vsLabel = previousLabelOf(answer) ?? 'no earlier period';
  const view: CompareAnswer = {
    kind: 'compare',
    periodText,
    periodLabel: answer.period.label,
    vsLabel,
    currency: picked.currency,
    total: picked.current.total,
    previousTotal: previous.total,
    risers,
    fallers,
    filters: filtersOf(answer),
    metric: answer.breakdown.metric,
    actions: [],
  };
  if (picked.previous) view.change = withPercentRule(changeOf(previous.total, picked.current.total), picked.current.total, coverage);
  if (coverage) view.coverage = coverage;
  const previousText = previousPeriodTextOf(answer);
  if (previousText) view.previousPeriodText = previousText;
  const before = answer.previous?.period.label ?? 'Before';
  const title = chartTitle('Biggest changes', `${answer.period.label} vs ${before}`, view.filters);
  const chart = compareChart(title, [...risers, ...fallers], before, answer.period.label, picked.currency);
  if (chart) view.chart = chart;
  if (picked.others.length > 0) view.otherCurrencies = picked.others;
  return view;
}

/**
 * Daily costs split by provider. Each input is one provider's answer grouped by day over the same
 * period. The view shows one currency: the largest across all providers (same-currency sums only).
 */
export function presentDaily(
  perProvider: { provider: string; answer: CostResult }[],
  periodLabel: string,
  periodText: string,
  freshness: Freshness,
  defaultCurrency: string,
): DailyAnswer {
  const first = perProvider[0]?.answer;
  const currency = dailyCurrency(perProvider, defaultCurrency);
  const parts = perProvider
    .map(({ provider, answer }) => ({ provider, part: sameCurrency(answer.breakdown, currency) }))
    .filter(({ part }) => part.groups.length > 0)
    .sort((a, b) => (a.part.total === b.part.total ? a.provider.localeCompare(b.provider) : a.part.total > b.part.total ? -1 : 1));
  const providers = parts.map((p) => p.provider);
  const byDay = new Map(parts.map(({ provider, part }) => [provider, amountsOf(part)]));
  const days: DailyDay[] = first
    ? [...daysIn(first.period.range)].map((day) => {
        const byProvider: Record<string, bigint> = {};
        for (const p of providers) byProvider[p] = byDay.get(p)?.get(day) ?? 0n;
        return { day, total: sumAmounts(Object.values(byProvider).map((amount) => ({ amount }))), byProvider };
      })
    : [];
  const total = sumAmounts(days.map((d) => ({ amount: d.total })));
  const view: DailyAnswer = { kind: 'daily', periodText, periodLabel, currency, total, days, providers, freshness, actions: [] };
  const peak = days.reduce<DailyDay | undefined>((best, d) => (d.total > (best?.total ?? 0n) ? d : best), undefined);
  if (peak) view.peak = { day: peak.day, amount: peak.total };
  if (first) {
    view.metric = first.breakdown.metric;
    view.previousPeriodText = rangeCommandText(previousPeriod(first.period).range);
    // Per-provider splitting adds a provider filter to each answer; only a single provider is a real filter.
    view.filters = filtersOf(first).filter((f) => f.dim !== 'provider' || perProvider.length === 1);
  }
  if (providers.length > 0) {
    view.chart = {
      kind: 'stacked-bar',
      title: chartTitle('Daily cost by provider', periodLabel, view.filters),
      labels: days.map((d) => d.day),
      series: providers.map((p) => ({ name: providerLabel(p), colorKey: p, values: days.map((d) => nanosToNumber(d.byProvider[p] ?? 0n)) })),
      currency,
    };
  }
  const empty = providers.length === 0 && total === 0n;
  view.actions = drillDowns({ periodText, filters: view.filters, previousCommand: view.previousPeriodText && `daily ${view.previousPeriodText}`, previousOnly: empty });
  const others = [...new Set(perProvider.flatMap(({ answer }) => answer.breakdown.currencies.map((c) => c.currency)))].filter((c) => c !== currency);
  if (others.length > 0) view.otherCurrencies = others;
  return view;
}

function amountsOf(part: CurrencyBreakdown): Map<string, bigint> {
  return new Map(part.groups.map((g) => [g.key, g.amount]));
}

/** Largest currency by absolute total summed per currency across providers. */
function dailyCurrency(perProvider: { answer: CostResult }[], defaultCurrency: string): string {
  const totals = new Map<string, bigint>();
  for (const { answer } of perProvider) {
    for (const c of answer.breakdown.currencies) totals.set(c.currency, (totals.get(c.currency) ?? 0n) + (c.total < 0n ? -c.total : c.total));
  }
  let best: [string, bigint] | undefined;
  for (const entry of totals) {
    if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0])) best = entry;
  }
  const first = perProvider[0]?.answer;
  return best?.[0] ?? (first ? fallbackCurrency(first) : defaultCurrency);
}
