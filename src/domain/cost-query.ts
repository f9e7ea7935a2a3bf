/**
 * Questions asked of the cost store, and the exact answers it gives back.
 */
import type { ChargeCategory, Metric } from './cost-record';
import { providerLabel } from './cost-record';
import type { DateRange } from './days';
import { AppError } from './errors';
import type { Nanos } from './money';
import type { MatchRule } from './match-rules';

export const GROUP_DIMS = ['day', 'month', 'service', 'region', 'account', 'provider', 'charge-category', 'project'] as const;
export type PlainGroupDim = (typeof GROUP_DIMS)[number];
export type GroupDim = PlainGroupDim | `tag:${string}`;

/** Exact values, already resolved from what a person typed. Empty or missing means "any". */
export interface CostFilters {
  providers?: string[];
  subAccountIds?: string[];
  services?: string[];
  regionIds?: string[];
  chargeCategories?: ChargeCategory[];
  excludeChargeCategories?: ChargeCategory[];
  tags?: { key: string; value: string }[];
  currency?: string;
  /** Only costs that match at least one rule of every set (projects: accounts or a tag); an empty set matches nothing. */
  ruleSets?: MatchRule[][];
  /** Only costs that match none of the rules. */
  noneOf?: MatchRule[];
}

export interface CostQuery {
  range: DateRange;
  groupBy?: GroupDim;
  filters: CostFilters;
  metric: Metric;
  /**
   * Also split each group by day (rows then carry `day`): one query gives the daily series of
   * every group, which is what the watchdog judges. Never with groupBy 'month'.
   */
  splitByDay?: boolean;
}

/** One row as the store returns it: a group within one currency. */
export interface GroupRow {
  currency: string;
  key: string;
  label: string;
  amount: Nanos;
  /** Set when the query asked for splitByDay. */
  day?: string;
}

export interface CostGroup {
  key: string;
  label: string;
  amount: Nanos;
}

export interface CurrencyBreakdown {
  currency: string;
  total: Nanos;
  groups: CostGroup[];
}

export interface CostBreakdown {
  range: DateRange;
  metric: Metric;
  groupBy?: GroupDim;
  /** One entry per currency, largest first. Amounts in different currencies are never added. */
  currencies: CurrencyBreakdown[];
}

export const UNTAGGED = '';
export const NO_VALUE_LABEL = '(none)';
export const NO_PROJECT_LABEL = '(no project)';

export function parseGroupDim(text: string): GroupDim {
  const t = text.trim();
  const lower = t.toLowerCase();
  if (lower.startsWith('tag:')) {
    const key = t.slice(4).trim();
    if (!key) throw new AppError('QUERY_INVALID', 'Group by tag needs a tag key, like `tag:team`.');
    return `tag:${key}`;
  }
  const aliases: Record<string, PlainGroupDim> = {
    day: 'day', daily: 'day', days: 'day', month: 'month', monthly: 'month', months: 'month',
    service: 'service', services: 'service', region: 'region', regions: 'region',
    account: 'account', accounts: 'account', 'sub-account': 'account', subaccount: 'account', subscription: 'account',
    project: 'project', projects: 'project',
    provider: 'provider', providers: 'provider', cloud: 'provider',
    'charge-category': 'charge-category', chargecategory: 'charge-category', category: 'charge-category', charge: 'charge-category',
  };
  const dim = aliases[lower];
  if (!dim) {
    throw new AppError('QUERY_INVALID', `I can't group by "${t}". Use one of: ${GROUP_DIMS.join(', ')}, or tag:KEY.`);
  }
  return dim;
}

export function tagKeyOf(dim: GroupDim | undefined): string | undefined {
  return dim?.startsWith('tag:') ? dim.slice(4) : undefined;
}

export function isTimeDim(dim: GroupDim | undefined): boolean {
  return dim === 'day' || dim === 'month';
}

/** Adds rows with the same currency and key (they may come from several partitions). */
export function mergeRows(rows: Iterable<GroupRow>): GroupRow[] {
  const merged = new Map<string, GroupRow>();
  for (const row of rows) {
    const id = `${row.currency}\u0000${row.key}\u0000${row.day ?? ''}`;
    const seen = merged.get(id);
    if (seen) {
      seen.amount += row.amount;
      if (!seen.label && row.label) seen.label = row.label;
    } else {
      merged.set(id, { ...row });
    }
  }
  return [...merged.values()];
}

/** Builds the per-currency breakdown: totals exact, groups sorted by cost (or by key for time). */
export function buildBreakdown(query: CostQuery, rows: Iterable<GroupRow>): CostBreakdown {
  const byCurrency = new Map<string, CostGroup[]>();
  for (const row of mergeRows(rows)) {
    const groups = byCurrency.get(row.currency) ?? [];
    groups.push({ key: row.key, label: displayLabel(query.groupBy, row), amount: row.amount });
    byCurrency.set(row.currency, groups);
  }
  const currencies: CurrencyBreakdown[] = [...byCurrency.entries()].map(([currency, groups]) => ({
    currency,
    total: groups.reduce((sum, g) => sum + g.amount, 0n),
    groups: sortGroups(query.groupBy, groups),
  }));
  currencies.sort((a, b) => compareNanosDesc(absNanos(a.total), absNanos(b.total)) || a.currency.localeCompare(b.currency));
  return { range: query.range, metric: query.metric, groupBy: query.groupBy, currencies };
}

function displayLabel(dim: GroupDim | undefined, row: GroupRow): string {
  if (dim === 'provider') return providerLabel(row.key);
  if (tagKeyOf(dim) !== undefined && row.key === UNTAGGED) return '(untagged)';
  if (dim === 'project' && row.key === '') return NO_PROJECT_LABEL;
  if (row.key === '') return NO_VALUE_LABEL;
  return row.label || row.key;
}

export function sortGroups<T extends CostGroup>(dim: GroupDim | undefined, groups: T[]): T[] {
  if (isTimeDim(dim)) return groups.sort((a, b) => a.key.localeCompare(b.key));
  return groups.sort((a, b) => compareNanosDesc(a.amount, b.amount) || a.key.localeCompare(b.key));
}

function compareNanosDesc(a: Nanos, b: Nanos): number {
  return a === b ? 0 : a > b ? -1 : 1;
}

function absNanos(n: Nanos): Nanos {
  return n < 0n ? -n : n;
}

/** The single-currency view most answers need; throws a clear error when the data mixes currencies. */
export function singleCurrency(breakdown: CostBreakdown, fallbackCurrency: string): CurrencyBreakdown {
  if (breakdown.currencies.length > 1) {
    const codes = breakdown.currencies.map((c) => c.currency).join(', ');
    throw new AppError('MIXED_CURRENCIES', `These costs are in several currencies (${codes}). Add a currency filter to see one at a time.`);
  }
  return breakdown.currencies[0] ?? { currency: fallbackCurrency, total: 0n, groups: [] };
}
