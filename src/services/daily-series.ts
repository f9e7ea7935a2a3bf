/**
 * A daily breakdown split by a dimension (daily cost by provider, for charts and Grafana): the
 * days are the groups, and `series` gives each day's cost per group, all from one store query.
 */
import type { BreakdownAnswer, SeriesRow } from '../answers/breakdown';
import { buildBreakdown, type GroupRow } from '../domain/cost-query';
import type { CostResult } from './cost-service';
import { presentBreakdown } from './present/presenters';

export function presentDailySeries(result: CostResult): BreakdownAnswer {
  const days = result.days ?? [];
  const dayQuery = { ...result.query, groupBy: 'day' as const };
  const perDay: GroupRow[] = days.map((r) => ({ currency: r.currency, key: r.day!, label: '', amount: r.amount }));
  const answer = presentBreakdown({ ...result, query: dayQuery, breakdown: buildBreakdown(dayQuery, perDay), previous: undefined });
  const labels = new Map(result.breakdown.currencies.flatMap((c) => c.groups.map((g) => [`${c.currency}\u0000${g.key}`, g.label] as const)));
  const rows: SeriesRow[] = days.map((r) => ({ day: r.day!, key: r.key, label: labels.get(`${r.currency}\u0000${r.key}`) ?? r.key, currency: r.currency, amount: r.amount }));
  rows.sort((a, b) => a.day.localeCompare(b.day) || (a.amount === b.amount ? a.key.localeCompare(b.key) : a.amount > b.amount ? -1 : 1));
  answer.series = { groupBy: String(result.query.groupBy), rows };
  return answer;
}
