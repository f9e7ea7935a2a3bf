/**
 * Daily cost series for the watchdog, read from the store with exact grouped sums. Usage and
 * everything else (purchases, fees, tax, credits, adjustments) come apart, so the detector and
 * the forecaster judge usage and treat the rest as known charges.
 */
import type { CostFilters, CostQuery, GroupRow } from '../../domain/cost-query';
import { addDays, addMonths, rangeLength, type DateRange, type Day } from '../../domain/days';
import type { Nanos } from '../../domain/money';
import { dayNumber } from '../../domain/timeseries/day-number';
import type { CostStore } from '../../ports/cost-store';

export interface DailySeries {
  start: Day;
  /** One entry per day of the range, 0n on days without cost. */
  usage: Nanos[];
  nonUsage: Nanos[];
}

export interface SplitSeries {
  key: string;
  label: string;
  series: DailySeries;
}

const USAGE: Pick<CostFilters, 'chargeCategories'> = { chargeCategories: ['usage'] };
const NON_USAGE: Pick<CostFilters, 'excludeChargeCategories'> = { excludeChargeCategories: ['usage'] };

export function emptySeries(range: DateRange): DailySeries {
  const n = Math.max(0, rangeLength(range));
  return { start: range.start, usage: new Array<Nanos>(n).fill(0n), nonUsage: new Array<Nanos>(n).fill(0n) };
}

export function seriesTotal(s: DailySeries, from = 0, to = s.usage.length): Nanos {
  let sum = 0n;
  for (let i = Math.max(0, from); i < Math.min(to, s.usage.length); i++) sum += s.usage[i]! + s.nonUsage[i]!;
  return sum;
}

export class SeriesLoader {
  constructor(private readonly store: CostStore) {}

  /** The currency with the largest spend in the range (series never mix currencies). */
  async currency(range: DateRange, filters: CostFilters = {}): Promise<string | undefined> {
    const rows = await this.store.groupCosts({ range, filters, metric: 'billed' });
    const totals = new Map<string, Nanos>();
    for (const r of rows) totals.set(r.currency, (totals.get(r.currency) ?? 0n) + r.amount);
    const abs = (n: Nanos) => (n < 0n ? -n : n);
    return [...totals.entries()].sort((a, b) => (abs(b[1]) > abs(a[1]) ? 1 : abs(b[1]) < abs(a[1]) ? -1 : a[0].localeCompare(b[0])))[0]?.[0];
  }

  /** One scope's daily series over `range`; `usageOnly` skips the rest (the detector judges usage). */
  async series(filters: CostFilters, range: DateRange, currency: string, options: SeriesOptions = {}): Promise<DailySeries> {
    const out = emptySeries(range);
    const [usage, other] = await Promise.all([
      this.store.groupCosts(query(range, { ...filters, ...USAGE, currency }, 'day')),
      options.usageOnly ? [] : this.store.groupCosts(query(range, { ...filters, ...NON_USAGE, currency }, 'day')),
    ]);
    add(out.usage, range.start, usage, (r) => r.key);
    add(out.nonUsage, range.start, other, (r) => r.key);
    return out;
  }

  /** The daily series of every group of `dim` within `filters` (two queries, whatever the count). */
  async split(filters: CostFilters, dim: CostQuery['groupBy'] & string, range: DateRange, currency: string, options: SeriesOptions = {}): Promise<SplitSeries[]> {
    const [usage, other] = await Promise.all([
      this.store.groupCosts({ ...query(range, { ...filters, ...USAGE, currency }, dim), splitByDay: true }),
      options.usageOnly ? [] : this.store.groupCosts({ ...query(range, { ...filters, ...NON_USAGE, currency }, dim), splitByDay: true }),
    ]);
    const groups = new Map<string, SplitSeries>();
    const groupOf = (row: GroupRow) => {
      let g = groups.get(row.key);
      if (!g) groups.set(row.key, (g = { key: row.key, label: row.label || row.key, series: emptySeries(range) }));
      if (!g.label && row.label) g.label = row.label;
      return g;
    };
    for (const row of usage) addOne(groupOf(row).series.usage, range.start, row.day, row.amount);
    for (const row of other) addOne(groupOf(row).series.nonUsage, range.start, row.day, row.amount);
    return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
  }

  /**
   * Which providers each account or service belongs to, from the whole months around `range`
   * (monthly rollups: cheap), so one split across providers can be told apart by provider.
   */
  async providersOf(dim: 'account' | 'service', providers: readonly string[], range: DateRange, currency: string): Promise<Map<string, string[]>> {
    const months = { start: `${range.start.slice(0, 7)}-01`, end: addMonths(`${addDays(range.end, -1).slice(0, 7)}-01`, 1) };
    const out = new Map<string, string[]>();
    for (const provider of providers) {
      for (const row of await this.store.groupCosts(query(months, { providers: [provider], currency }, dim))) out.set(row.key, [...new Set([...(out.get(row.key) ?? []), provider])]);
    }
    return out;
  }
}

export interface SeriesOptions {
  usageOnly?: boolean;
}

function query(range: DateRange, filters: CostFilters, groupBy: CostQuery['groupBy']): CostQuery {
  return { range, filters, metric: 'billed', groupBy };
}

function add(target: Nanos[], start: Day, rows: GroupRow[], dayOf: (r: GroupRow) => string | undefined): void {
  for (const row of rows) addOne(target, start, dayOf(row), row.amount);
}

function addOne(target: Nanos[], start: Day, day: string | undefined, amount: Nanos): void {
  if (!day) return;
  const i = dayNumber(day) - dayNumber(start);
  if (i >= 0 && i < target.length) target[i] = target[i]! + amount;
}
