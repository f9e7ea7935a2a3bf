/**
 * View models: what a person is shown, already decided and exact, with no Slack in it.
 * Presenters build them from CostAnswers; Block Kit builders and the console render them.
 * Amounts stay bigint nano-units; only `share` and `pct` are display ratios.
 *
 * Optional fields beyond the agreed shape (`otherCurrencies`, `previousPeriodText`, `filters`,
 * `metric`) are additions: every renderer treats them as "may be missing".
 */
import type { Metric } from '../domain/cost-record';
import type { ChartSpec } from '../ports/chart-renderer';

/** pct is undefined when previous is 0 (there is no base to compare with). */
export interface Change {
  previous: bigint;
  pct?: number;
}

/** One row of a ranked list. share is 0..1 of the view's total (undefined when the total is not positive). */
export interface Ranked {
  key: string;
  label: string;
  amount: bigint;
  change?: Change;
  share?: number;
}

/** "costs up to 2026-11-19; the last 2 days may still change". lastDay undefined = no data at all. */
export interface Freshness {
  today: string;
  lastDay?: string;
  settlingDays: number;
}

export interface FilterNote {
  dim: string;
  input: string;
  matched: string[];
}

/**
 * Fields every cost view may carry.
 * otherCurrencies: codes present in the data but left out, because amounts in different currencies
 * are never added. previousPeriodText: the previous period as a command can type it ("2026-09-01..2026-09-30").
 */
interface CostViewExtras {
  otherCurrencies?: string[];
  previousPeriodText?: string;
  filters?: FilterNote[];
  metric?: Metric;
}

export interface SummaryView extends CostViewExtras {
  kind: 'summary';
  periodText: string;
  periodLabel: string;
  previousLabel?: string;
  metric: Metric;
  currency: string;
  total: bigint;
  change?: Change;
  top: Ranked[];
  moreCount: number;
  chart?: ChartSpec;
  freshness: Freshness;
  filters: FilterNote[];
}

export interface DailyDay {
  day: string;
  total: bigint;
  byProvider: Record<string, bigint>;
}

export interface DailyView extends CostViewExtras {
  kind: 'daily';
  periodText: string;
  periodLabel: string;
  currency: string;
  total: bigint;
  days: DailyDay[];
  providers: string[];
  peak?: { day: string; amount: bigint };
  chart?: ChartSpec;
  freshness: Freshness;
}

export interface TopView extends CostViewExtras {
  kind: 'top';
  /** service | account | region | provider | tag:KEY */
  dim: string;
  dimLabel: string;
  periodText: string;
  periodLabel: string;
  previousLabel?: string;
  currency: string;
  total: bigint;
  items: Ranked[];
  moreCount: number;
  chart?: ChartSpec;
  freshness: Freshness;
}

export interface CompareView extends CostViewExtras {
  kind: 'compare';
  periodText: string;
  periodLabel: string;
  vsLabel: string;
  currency: string;
  total: bigint;
  previousTotal: bigint;
  change?: Change;
  risers: Ranked[];
  fallers: Ranked[];
  chart?: ChartSpec;
}

export interface DigestSubscription {
  channel: string;
  time: string;
  timeZone: string;
}

export interface HomeView {
  kind: 'home';
  today: string;
  currency: string;
  mtd: { total: bigint; change?: Change; previousLabel: string };
  movers: Ranked[];
  byProvider: Ranked[];
  byAccount: Ranked[];
  chart?: ChartSpec;
  freshness: Freshness;
  empty: boolean;
  digest?: DigestSubscription[];
  otherCurrencies?: string[];
}

export interface DigestView {
  kind: 'digest';
  localDate: string;
  yesterday: { day: string; total: bigint; avg7: bigint; change?: Change };
  mtd: { total: bigint; change?: Change; previousLabel: string };
  /** Yesterday's top services; change.previous is that service's 7-day daily average. */
  top: Ranked[];
  currency: string;
  chart?: ChartSpec;
  freshness: Freshness;
  otherCurrencies?: string[];
}

export interface HelpView {
  kind: 'help';
  unknownText?: string;
  /** A full command suggestion like "/cost top service last month". */
  closest?: string;
}
