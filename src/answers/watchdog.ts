/**
 * The watchdog's answers: forecasts, budgets, anomalies and the alerts pushed to channels.
 * Face-neutral and exact (bigint nanos); percentages are display ratios.
 */
import type { AnomalyKind, Severity } from '../domain/anomaly/anomaly-types';
import type { SeriesScope } from '../domain/anomaly/series-scope';
import type { BudgetPeriod, BudgetScope } from '../domain/budget/budget';
import type { ThresholdKind } from '../domain/budget/budget-status';
import type { DateRange, Day } from '../domain/days';
import type { ChartSpec } from './chart-spec';
import type { FollowUp } from './types';

/** A forecast of one period's spend with its prediction interval. */
export interface PeriodEstimate {
  period: DateRange;
  /** "March 2026", "Q1 2026". */
  label: string;
  actualToDate: bigint;
  forecast: bigint;
  low: bigint;
  high: bigint;
}

export interface ForecastGroup extends PeriodEstimate {
  key: string;
  name: string;
}

/** How past forecasts of this kind fared: 4 in 5 were within ±within80Pct of the outcome. */
export interface ForecastAccuracy {
  within80Pct: number;
  forecasts: number;
  /** The complete months the backtest replayed. */
  months: number;
}

export interface ForecastAnswer {
  kind: 'forecast';
  /** First day without data: the forecast knows only the days before it. */
  asOf: Day;
  currency: string;
  month: PeriodEstimate;
  quarter: PeriodEstimate;
  /** Share of outcomes the interval is meant to hold (0.8). */
  coverage: number;
  /** False when there was too little history to calibrate the interval (a fixed ±25% instead). */
  calibrated: boolean;
  by?: 'provider' | 'service';
  groups?: ForecastGroup[];
  accuracy?: ForecastAccuracy;
  chart?: ChartSpec;
  actions: FollowUp[];
}

/** One scope's forecast of one period (plain-language questions); `estimate` holds its numbers. */
export interface ScopedForecast {
  /** First day without data. */
  asOf: Day;
  currency: string;
  estimate: PeriodEstimate;
  coverage: number;
  calibrated: boolean;
  by?: 'provider' | 'service';
  groups?: ForecastGroup[];
  chart?: ChartSpec;
}

export interface FiredThreshold {
  kind: ThresholdKind;
  threshold: number;
  /** ISO instant it fired. */
  at: string;
}

export interface BudgetLine {
  name: string;
  scope: BudgetScope;
  scopeText: string;
  period: BudgetPeriod;
  range: DateRange;
  amount: bigint;
  actual: bigint;
  /** actual / amount × 100. */
  percent: number;
  forecast?: bigint;
  /** The day spend reached (or, by the forecast, will reach) the amount; undefined when it stays within. */
  breachDay?: Day;
  breached: boolean;
  actualThresholds: number[];
  forecastThresholds: number[];
  fired: FiredThreshold[];
  /** The scope matches no costs in the store (yet). */
  unmatched?: boolean;
}

export interface BudgetStatusAnswer {
  kind: 'budget-status';
  asOf: Day;
  currency: string;
  budgets: BudgetLine[];
  actions: FollowUp[];
  /** What was just changed, for the confirmation line ("Budget prod saved."). */
  note?: string;
}

export interface AnomalyDriver {
  /** service | account | region */
  dimension: string;
  key: string;
  label: string;
  actual: bigint;
  expected: bigint;
  /** actual − expected. */
  impact: bigint;
}

export type FeedbackAction = 'expected' | 'unexpected' | 'snooze';

export interface FeedbackNote {
  user: string;
  action: FeedbackAction;
  /** ISO instant. */
  at: string;
  /** For snoozes: muted until this day (exclusive). */
  until?: Day;
}

export interface AnomalyView {
  /** The event's key: series and the first alert's start day. */
  id: string;
  day: Day;
  startDay: Day;
  kind: AnomalyKind;
  severity: Severity;
  scope: SeriesScope;
  scopeText: string;
  currency: string;
  actual: bigint;
  expected: bigint;
  impact: bigint;
  deviationPct: number | null;
  drivers: AnomalyDriver[];
  status: 'open' | 'retracted';
  feedback: FeedbackNote[];
  chart?: ChartSpec;
}

export interface AnomaliesAnswer {
  kind: 'anomalies';
  range: DateRange;
  rangeLabel: string;
  anomalies: AnomalyView[];
  actions: FollowUp[];
}

/** A project an alert belongs to, named (and its owner mentioned) in the project's channel. */
export interface AlertOwner {
  project: string;
  /** Slack user (U…/W…) or user group (S…) id. */
  owner: string;
}

/**
 * One message per anomaly or budget threshold, pushed to subscribed channels and to the channels
 * of the projects that own its scope. `owners` is per channel: set on the copy for a project's
 * channel, absent elsewhere.
 */
export type AlertAnswer = (
  | { kind: 'alert'; subject: 'anomaly'; alertKey: string; anomaly: AnomalyView; /** Grows with each change to re-render. */ revision: number }
  | { kind: 'alert'; subject: 'budget'; alertKey: string; budget: BudgetLine; crossing: { kind: ThresholdKind; threshold: number }; currency: string }
) & { owners?: AlertOwner[] };

/** The alert as one channel shows it: with that channel's project owners, or without any. */
export function withOwners(alert: AlertAnswer, owners: readonly AlertOwner[] | undefined): AlertAnswer {
  const { owners: _previous, ...plain } = alert;
  return owners && owners.length > 0 ? { ...plain, owners: [...owners] } : (plain as AlertAnswer);
}

export interface AlertsStatusAnswer {
  kind: 'alerts-status';
  channel: string;
  subscribed: boolean;
  /** The filters as typed (`provider:aws`), empty for everything. */
  filters: string[];
}

/** What the App Home and the daily digest show of the watchdog. */
export interface WatchdogSummary {
  asOf: Day;
  currency: string;
  forecast?: { month: PeriodEstimate; coverage: number; accuracy?: ForecastAccuracy };
  budgets: BudgetLine[];
  /** Open anomalies of the last days, newest first. */
  anomalies: AnomalyView[];
  moreAnomalies: number;
}
