/** The engine's result as a BreakdownAnswer: same numbers, named for people and scripts. */
import type { BreakdownAnswer, BreakdownCurrency } from '../../answers/breakdown';
import { lastDay } from '../../domain/days';
import type { CostResult } from '../cost-service';
import { amountsByKey, fallbackCurrency } from './ranking';

export function presentBreakdown(result: CostResult): BreakdownAnswer {
  const { breakdown, previous } = result;
  const currencies: BreakdownCurrency[] = breakdown.currencies.map((c) => {
    if (!previous) return { currency: c.currency, total: c.total, groups: c.groups.map((g) => ({ key: g.key, label: g.label, amount: g.amount })) };
    const before = previous.breakdown.currencies.find((p) => p.currency === c.currency);
    const amounts = amountsByKey(before?.groups ?? []);
    return {
      currency: c.currency,
      total: c.total,
      previousTotal: before?.total ?? 0n,
      groups: c.groups.map((g) => ({ key: g.key, label: g.label, amount: g.amount, previous: amounts.get(g.key) ?? 0n })),
    };
  });
  const answer: BreakdownAnswer = {
    kind: 'breakdown',
    periodLabel: result.period.label,
    from: breakdown.range.start,
    to: lastDay(breakdown.range),
    metric: breakdown.metric,
    currencies,
    filters: result.applied.map((f) => ({ dim: f.dim, input: f.input, matched: [...f.matched] })),
    currency: fallbackCurrency(result),
  };
  if (breakdown.groupBy) answer.groupBy = breakdown.groupBy;
  if (previous) {
    answer.previous = {
      label: previous.period.label,
      from: previous.breakdown.range.start,
      to: lastDay(previous.breakdown.range),
      currencies: previous.breakdown.currencies.map((c) => ({ currency: c.currency, total: c.total })),
    };
  }
  return answer;
}
