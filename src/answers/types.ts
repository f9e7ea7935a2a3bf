/**
 * Answers: what a person is told, already decided and exact, with no face in it. Services build
 * them; Slack (Block Kit), the console (text), the CLI (text or JSON) and later the API render them.
 * Amounts stay bigint nano-units; only `share` and `pct` are display ratios.
 */
import type { Metric } from '../domain/cost-record';
import type { HomeAdvice, RecommendationEvidenceAnswer, RecommendationsAnswer } from './advice';
import type { AskAnswerView, AskRefusalAnswer } from './ask';
import type { ChartSpec } from './chart-spec';
import type { SimulationAnswer } from './simulation';
import type { SyncProgressAnswer } from './sync-progress';
import type { AlertsStatusAnswer, AnomaliesAnswer, BudgetStatusAnswer, ForecastAnswer, WatchdogSummary } from './watchdog';

/** A next step an answer offers: `command` is `/cost` text (without "/cost"); see follow-up.ts. */
export type FollowUpId = 'by-service' | 'by-account' | 'by-region' | 'previous' | 'summary' | 'daily' | 'top-service' | 'digest-settings' | WatchdogFollowUpId;

/** The watchdog's follow-ups (src/answers/watchdog.ts). */
export type WatchdogFollowUpId = 'budget-edit' | 'budgets' | 'forecast' | 'anomalies';

export interface FollowUp {
  id: FollowUpId;
  label: string;
  command: string;
  /** The one action to draw the eye to. */
  primary?: boolean;
}

/** Why a percentage is left out although there is a base; see comparison.ts for the rule. */
export type PercentHeldBack = 'few-days' | 'small-base';

/**
 * pct is undefined when previous is 0 (there is no base to compare with), or when heldBack says
 * why a percentage would mislead; the difference (current − previous) is still exact.
 */
export interface Change {
  previous: bigint;
  pct?: number;
  heldBack?: PercentHeldBack;
}

/** How many days each side of a comparison covers. */
export interface Coverage {
  days: number;
  previousDays: number;
  /** Set when both are the same stretch of a calendar unit ("1 day of each month"). */
  unit?: 'week' | 'month' | 'quarter' | 'year';
  /** Both are whole calendar units of one kind (a month with the month before): lengths may differ, as months do. */
  wholeUnits?: boolean;
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
  /** Next questions worth one click: drill-downs and the period before. */
  actions: FollowUp[];
}

export interface SummaryAnswer extends CostViewExtras {
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
  /** Exact total of what is not listed (total minus the listed rows). */
  rest: bigint;
  chart?: ChartSpec;
  freshness: Freshness;
  filters: FilterNote[];
  coverage?: Coverage;
}

export interface DailyDay {
  day: string;
  total: bigint;
  byProvider: Record<string, bigint>;
}

export interface DailyAnswer extends CostViewExtras {
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

export interface TopAnswer extends CostViewExtras {
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
  /** Exact total of what is not listed. */
  rest: bigint;
  chart?: ChartSpec;
  freshness: Freshness;
  coverage?: Coverage;
}

export interface CompareAnswer extends CostViewExtras {
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
  coverage?: Coverage;
}

/** A channel's digest as the Home tab lists it. */
export interface DigestListing {
  channel: string;
  time: string;
  timeZone: string;
}

/** Month to date on a dashboard, against the same days last month. */
export interface PeriodTotal {
  total: bigint;
  change?: Change;
  previousLabel: string;
  coverage?: Coverage;
}

/** A cloud source's last sync and, for billed APIs, the bot's own requests (Home, `penny sync`). */
export interface SourceSyncStatus {
  source: string;
  lastRun?: { status: 'ok' | 'partial' | 'failed'; from: string; to: string; finishedAt: string; rows: number; problem?: string };
  /** Billed API requests (Cost Explorer: $0.01 each) today and this month, against the cap. */
  requests?: { today: number; month: number; cap?: number };
}

/** The App Home dashboard. */
export interface HomeAnswer {
  kind: 'home';
  today: string;
  actions: FollowUp[];
  currency: string;
  mtd: PeriodTotal;
  movers: Ranked[];
  byProvider: Ranked[];
  byAccount: Ranked[];
  chart?: ChartSpec;
  freshness: Freshness;
  empty: boolean;
  digest?: DigestListing[];
  otherCurrencies?: string[];
  /** Cloud sources being synced (none when only imports feed Penny). */
  sources?: SourceSyncStatus[];
  /** Forecast against budgets, and recent anomalies. */
  watchdog?: WatchdogSummary;
  /** Top recommendations, when they are set up. */
  advice?: HomeAdvice;
}

/** The daily digest a channel receives: pushed by a job, not asked for. */
export interface DigestAnswer {
  kind: 'digest';
  localDate: string;
  actions: FollowUp[];
  yesterday: { day: string; total: bigint; avg7: bigint; change?: Change };
  mtd: PeriodTotal;
  /** Yesterday's top services; change.previous is that service's 7-day daily average. */
  top: Ranked[];
  currency: string;
  chart?: ChartSpec;
  freshness: Freshness;
  otherCurrencies?: string[];
  /** Open anomalies and the month-end forecast. */
  watchdog?: WatchdogSummary;
}

export interface HelpAnswer {
  kind: 'help';
  unknownText?: string;
  /** A full command suggestion like "/cost top service last month". */
  closest?: string;
}

export type LaterFeature = 'anomalies' | 'budget' | 'forecast' | 'recommend' | 'simulate' | 'sync';

/** A feature that is not set up yet: said plainly, with no sample numbers. */
export interface NotReadyAnswer {
  kind: 'not-ready';
  feature: LaterFeature;
}

/** A short sentence the person can act on; the detail went to the log. */
export interface ErrorAnswer {
  kind: 'error';
  message: string;
}

/** A period's breakdown as a file (CSV or JSON), exact decimals. */
export interface ReportAnswer {
  kind: 'report';
  cadence: 'weekly' | 'monthly';
  periodLabel: string;
  format: 'csv' | 'json';
  filename: string;
  /** Data rows in the file. */
  rows: number;
  content: string;
  title: string;
}

/** Whether a channel gets the daily digest, and when the next one goes out. */
export interface DigestStatusAnswer {
  kind: 'digest-status';
  channel: string;
  subscribed: boolean;
  time?: string;
  timeZone?: string;
  /** ISO instant of the next digest. */
  nextRun?: string;
  actions: FollowUp[];
}

/** A project as people see it: tags as KEY=VALUE. */
export interface ProjectView {
  name: string;
  owner: string;
  channel: string;
  accounts: string[];
  tags: string[];
}

/** The projects registry: a list, or one project just added, changed or removed. */
export interface ProjectsAnswer {
  kind: 'projects';
  projects: ProjectView[];
  change?: { action: 'added' | 'updated' | 'removed'; name: string };
  /** Worth knowing, e.g. an account id with no costs yet. */
  notes: string[];
}

/** Asked for something the person's role may not do: who can, said politely. */
export interface RefusedAnswer {
  kind: 'refused';
  message: string;
}

/** Scheduled reports: the list, or the one just set or stopped. `when` says when they go out. */
export interface ReportScheduleAnswer {
  kind: 'report-schedule';
  schedules: { channel: string; cadence: 'weekly' | 'monthly'; format: 'csv' | 'json' }[];
  change?: { action: 'scheduled' | 'unscheduled'; channel: string; cadence: 'weekly' | 'monthly' };
  when: string;
}

/** Every answer a command can give. */
export type Answer =
  | SummaryAnswer
  | DailyAnswer
  | TopAnswer
  | CompareAnswer
  | ReportAnswer
  | DigestStatusAnswer
  | HelpAnswer
  | ProjectsAnswer
  | ReportScheduleAnswer
  | RefusedAnswer
  | NotReadyAnswer
  | ErrorAnswer
  | AskAnswerView
  | AskRefusalAnswer
  | SyncProgressAnswer
  | ForecastAnswer
  | BudgetStatusAnswer
  | AnomaliesAnswer
  | AlertsStatusAnswer
  | RecommendationsAnswer
  | RecommendationEvidenceAnswer
  | SimulationAnswer;
