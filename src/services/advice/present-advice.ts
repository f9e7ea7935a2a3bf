/** Recommendations and the marks people left on them, as the answer faces render. Pure. */
import type { RecommendationsAnswer, RecommendationView, SavingTotal } from '../../answers/advice';
import type { FilterNote } from '../../answers/types';
import type { Recommendation } from '../../domain/advice/recommendation';
import { resolveState, type RecommendationMark } from '../../domain/advice/recommendation-state';
import type { Day } from '../../domain/days';

export function viewOf(r: Recommendation, mark: RecommendationMark | undefined, today: Day, firstSeen?: Day): RecommendationView {
  const resolved = resolveState(r, mark, today);
  const view: RecommendationView = { ...r, state: resolved.state };
  if (resolved.reopened) view.reopened = resolved.reopened;
  if (resolved.state === 'snoozed' && mark?.until) view.snoozedUntil = mark.until;
  if (resolved.state !== 'open' && mark) view.decidedBy = mark.by;
  if (firstSeen) view.firstSeen = firstSeen;
  return view;
}

export interface PresentInput {
  asOf: Day;
  views: RecommendationView[];
  filters: FilterNote[];
  includeClosed: boolean;
  limit: number;
  defaultCurrency: string;
  notice?: string;
  adviserNotes: string[];
}

export function presentRecommendations(input: PresentInput): RecommendationsAnswer {
  const open = input.views.filter((v) => v.state === 'open');
  const shown = input.includeClosed ? input.views : open;
  const totals = new Map<string, SavingTotal>();
  for (const v of open) {
    const t = totals.get(v.currency) ?? { currency: v.currency, total: 0n, count: 0 };
    t.total += v.monthlySaving;
    t.count += 1;
    totals.set(v.currency, t);
  }
  const ranked = [...totals.values()].sort((a, b) => (a.total === b.total ? a.currency.localeCompare(b.currency) : a.total > b.total ? -1 : 1));
  const main = ranked[0] ?? { currency: input.defaultCurrency, total: 0n, count: 0 };
  const items = shown.slice(0, input.limit);
  const answer: RecommendationsAnswer = {
    kind: 'recommendations',
    asOf: input.asOf,
    currency: main.currency,
    items,
    total: main.total,
    openCount: open.length,
    moreCount: shown.length - items.length,
    hiddenCount: input.includeClosed ? 0 : input.views.length - open.length,
    otherCurrencies: ranked.slice(1),
    filters: input.filters,
    adviserNotes: input.adviserNotes,
  };
  if (input.notice) answer.notice = input.notice;
  return answer;
}
