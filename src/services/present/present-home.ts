/** Presenters for the App Home, the daily digest and the freshness sentence. Pure and exact. */
import type { CostBreakdown } from '../../domain/cost-query';
import { divRoundHalfEven } from '../../domain/money';
import type { CostResult } from '../cost-service';
import { HOME_ACTIONS, SHORTCUTS } from '../../answers/follow-up';
import {
  amountsByKey, byAbsoluteChange, changeOf, deltaOf, diffRows, fallbackCurrency, previousLabelOf, rankGroups,
  sameCurrency, shareOf, zeroFilledDays,
} from './ranking';
import type { DigestAnswer, Freshness, HomeAnswer, PeriodTotal, Ranked } from '../../answers/types';
import { withPercentRule } from '../../answers/comparison';
import { dayChart } from './charts';
import { coverageOf, ruledRows } from './compared';

const HOME_LIST = 5;
const DIGEST_TOP = 5;

/** The first currency found in the answers in order, so an empty month still shows last month's currency. */
function viewCurrency(answers: CostResult[]): string {
  for (const a of answers) {
    const found = a.breakdown.currencies[0]?.currency;
    if (found) return found;
  }
  return fallbackCurrency(answers[0]!);
}

/** Every currency in the breakdowns other than the one shown. */
function otherCurrencies(currency: string, breakdowns: (CostBreakdown | undefined)[]): string[] {
  const codes = breakdowns.flatMap((b) => b?.currencies.map((c) => c.currency) ?? []);
  return [...new Set(codes)].filter((c) => c !== currency);
}

function periodTotal(answer: CostResult, currency: string): PeriodTotal {
  const total = sameCurrency(answer.breakdown, currency).total;
  const out: PeriodTotal = { total, previousLabel: previousLabelOf(answer) ?? 'no earlier period' };
  const coverage = coverageOf(answer);
  if (answer.previous) out.change = withPercentRule(changeOf(sameCurrency(answer.previous.breakdown, currency).total, total), total, coverage);
  if (coverage) out.coverage = coverage;
  return out;
}

function ranked(answer: CostResult, currency: string, limit: number): Ranked[] {
  const part = sameCurrency(answer.breakdown, currency);
  const previous = answer.previous ? sameCurrency(answer.previous.breakdown, currency) : undefined;
  return rankGroups(part.groups, part.total, previous).slice(0, limit);
}

export function presentHome(input: {
  mtd: CostResult;
  byProvider: CostResult;
  byAccount: CostResult;
  last30: CostResult;
  freshness: Freshness;
  digests?: HomeAnswer['digest'];
}): HomeAnswer {
  const { mtd, byProvider, byAccount, last30, freshness } = input;
  const currency = viewCurrency([mtd, last30, byProvider, byAccount]);
  const current = sameCurrency(mtd.breakdown, currency);
  const movers = mtd.previous
    ? ruledRows(diffRows(current, sameCurrency(mtd.previous.breakdown, currency)), coverageOf(mtd))
        .filter((r) => deltaOf(r) !== 0n)
        .sort(byAbsoluteChange)
        .slice(0, HOME_LIST)
    : [];
  const days = zeroFilledDays(last30.breakdown.range, sameCurrency(last30.breakdown, currency).groups);
  const view: HomeAnswer = {
    kind: 'home',
    today: freshness.today,
    currency,
    mtd: periodTotal(mtd, currency),
    movers,
    byProvider: ranked(byProvider, currency, Number.MAX_SAFE_INTEGER),
    byAccount: ranked(byAccount, currency, HOME_LIST),
    freshness,
    empty: mtd.breakdown.currencies.length === 0 && last30.breakdown.currencies.length === 0,
    actions: [...HOME_ACTIONS],
  };
  const chart = dayChart('line', 'Daily cost · last 30 days', days, currency);
  if (chart) view.chart = chart;
  if (input.digests) view.digest = input.digests.map((d) => ({ ...d }));
  const others = otherCurrencies(currency, [mtd.breakdown, mtd.previous?.breakdown, byProvider.breakdown, byAccount.breakdown, last30.breakdown]);
  if (others.length > 0) view.otherCurrencies = others;
  return view;
}

/**
 * Yesterday against its trailing week. avg7 is the week's total / 7, rounded half-even, so a week
 * with missing days pulls the average down rather than inventing numbers for them.
 */
export function presentDigest(input: {
  localDate: string;
  yesterday: CostResult;
  week: CostResult;
  mtd: CostResult;
  last14?: CostResult;
  freshness: Freshness;
}): DigestAnswer {
  const { yesterday, week, mtd, last14, freshness } = input;
  const currency = viewCurrency([yesterday, mtd, week]);
  const y = sameCurrency(yesterday.breakdown, currency);
  const w = sameCurrency(week.breakdown, currency);
  const weekHasData = w.groups.length > 0;
  const avg7 = divRoundHalfEven(w.total, 7n);
  const weekly = amountsByKey(w.groups);
  const top: Ranked[] = y.groups.slice(0, DIGEST_TOP).map((g) => {
    const row: Ranked = { key: g.key, label: g.label, amount: g.amount };
    const share = shareOf(g.amount, y.total);
    if (share !== undefined) row.share = share;
    if (weekHasData) row.change = changeOf(divRoundHalfEven(weekly.get(g.key) ?? 0n, 7n), g.amount);
    return row;
  });
  const view: DigestAnswer = {
    kind: 'digest',
    localDate: input.localDate,
    yesterday: { day: yesterday.period.range.start, total: y.total, avg7 },
    mtd: periodTotal(mtd, currency),
    top,
    currency,
    freshness,
    actions: [{ id: 'summary', label: 'Open month summary', command: SHORTCUTS.summary }],
  };
  if (weekHasData) view.yesterday.change = changeOf(avg7, y.total);
  if (last14) {
    const days = zeroFilledDays(last14.breakdown.range, sameCurrency(last14.breakdown, currency).groups);
    const chart = dayChart('bar', 'Daily cost · last 14 days', days, currency);
    if (chart) view.chart = chart;
  }
  const others = otherCurrencies(currency, [yesterday.breakdown, week.breakdown, mtd.breakdown, mtd.previous?.breakdown, last14?.breakdown]);
  if (others.length > 0) view.otherCurrencies = others;
  return view;
}
