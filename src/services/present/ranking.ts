/**
 * Shared presenter arithmetic: choosing the one currency a view shows, exact changes, shares,
 * ranked rows and zero-filled day series. Sums are bigint; numbers appear only for ratios and charts.
 */
import { singleCurrency, type CostBreakdown, type CostGroup, type CurrencyBreakdown } from '../../domain/cost-query';
import { daysIn, type DateRange } from '../../domain/days';
import { percentChange } from '../../domain/money';
import type { CostResult } from '../cost-service';
import { rangeCommandText, rangeText } from '../../answers/dates';
import type { Change, Ranked } from '../../answers/types';

export interface PickedCurrency {
  currency: string;
  current: CurrencyBreakdown;
  /** Same currency in the previous period (empty when it had none); undefined when not compared. */
  previous?: CurrencyBreakdown;
  /** Currencies present but not shown; never added to the shown one. */
  others: string[];
}

export function emptyCurrency(currency: string): CurrencyBreakdown {
  return { currency, total: 0n, groups: [] };
}

/** The currency an answer would be in when it has no rows: the filter, else the previous period's, else PENNY_CURRENCY. */
export function fallbackCurrency(answer: CostResult): string {
  return answer.query.filters.currency ?? answer.previous?.breakdown.currencies[0]?.currency ?? answer.defaultCurrency;
}

/**
 * One currency per view: the only one (via singleCurrency), or the largest (breakdowns sort
 * largest first) with the rest named in `others`.
 */
export function pickCurrency(breakdown: CostBreakdown, fallback: string, previous?: CostBreakdown): PickedCurrency {
  const current = breakdown.currencies.length > 1 ? breakdown.currencies[0]! : singleCurrency(breakdown, fallback);
  const seen = [...breakdown.currencies, ...(previous?.currencies ?? [])].map((c) => c.currency);
  const others = [...new Set(seen)].filter((c) => c !== current.currency);
  const picked: PickedCurrency = { currency: current.currency, current, others };
  if (previous) picked.previous = sameCurrency(previous, current.currency);
  return picked;
}

export function pickAnswer(answer: CostResult): PickedCurrency {
  return pickCurrency(answer.breakdown, fallbackCurrency(answer), answer.previous?.breakdown);
}

/** The breakdown's part in `currency`, or an empty one: another currency is never a substitute. */
export function sameCurrency(breakdown: CostBreakdown, currency: string): CurrencyBreakdown {
  return breakdown.currencies.find((c) => c.currency === currency) ?? emptyCurrency(currency);
}

export function changeOf(previous: bigint, current: bigint): Change {
  const pct = percentChange(previous, current);
  return pct === undefined ? { previous } : { previous, pct };
}

/** Share of a positive total as a 0..1 ratio (display only). */
export function shareOf(amount: bigint, total: bigint): number | undefined {
  if (total <= 0n) return undefined;
  return Number((amount * 1_000_000n) / total) / 1_000_000;
}

export function amountsByKey(groups: readonly CostGroup[]): Map<string, bigint> {
  return new Map(groups.map((g) => [g.key, g.amount]));
}

/** Ranked rows for groups, with share of `total` and change vs the same key in `previous`. */
export function rankGroups(groups: readonly CostGroup[], total: bigint, previous?: CurrencyBreakdown): Ranked[] {
  const before = previous ? amountsByKey(previous.groups) : undefined;
  return groups.map((g) => {
    const row: Ranked = { key: g.key, label: g.label, amount: g.amount };
    const share = shareOf(g.amount, total);
    if (share !== undefined) row.share = share;
    if (before) row.change = changeOf(before.get(g.key) ?? 0n, g.amount);
    return row;
  });
}

export function sumAmounts(rows: readonly { amount: bigint }[]): bigint {
  return rows.reduce((sum, r) => sum + r.amount, 0n);
}

/** Every day of the range with its amount, zero where the store had no row. */
export function zeroFilledDays(range: DateRange, groups: readonly CostGroup[]): { day: string; amount: bigint }[] {
  const amounts = amountsByKey(groups);
  return [...daysIn(range)].map((day) => ({ day, amount: amounts.get(day) ?? 0n }));
}

/** "same days last month (Oct 1 – Oct 20, 2026)". */
export function previousLabelOf(answer: CostResult): string | undefined {
  const prev = answer.previous;
  return prev ? `${prev.period.label} (${rangeText(prev.period.range)})` : undefined;
}

export function previousPeriodTextOf(answer: CostResult): string | undefined {
  return answer.previous ? rangeCommandText(answer.previous.period.range) : undefined;
}

/** amount − previous; rows without a change have none. */
export function deltaOf(row: Ranked): bigint {
  return row.change ? row.amount - row.change.previous : 0n;
}

/**
 * Every key of either period with its change: new keys have previous 0, vanished keys amount 0.
 * Labels come from the current period, else the previous one.
 */
export function diffRows(current: CurrencyBreakdown, previous: CurrencyBreakdown): Ranked[] {
  const before = amountsByKey(previous.groups);
  const rows: Ranked[] = current.groups.map((g) => ({ key: g.key, label: g.label, amount: g.amount, change: changeOf(before.get(g.key) ?? 0n, g.amount) }));
  const seen = new Set(current.groups.map((g) => g.key));
  for (const g of previous.groups) {
    if (!seen.has(g.key)) rows.push({ key: g.key, label: g.label, amount: 0n, change: changeOf(g.amount, 0n) });
  }
  return rows;
}

/** Largest absolute change first; ties by key so the order is stable. */
export function byAbsoluteChange(a: Ranked, b: Ranked): number {
  const da = abs(deltaOf(a));
  const db = abs(deltaOf(b));
  return da === db ? a.key.localeCompare(b.key) : da > db ? -1 : 1;
}

function abs(n: bigint): bigint {
  return n < 0n ? -n : n;
}
