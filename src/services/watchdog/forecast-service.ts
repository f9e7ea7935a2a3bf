/**
 * Month-end and quarter-end forecasts with a prediction interval, for the total and per provider
 * or service, and how accurate such forecasts have been on this store's own history.
 *
 * Method (src/domain/forecast/forecast-period.ts has the detail): spend to date, exact, plus
 * the remaining days' usage from a trend × weekly-seasonal model of daily usage (with usage
 * that recurs on a day of the month), plus purchases, fees, tax and credits that recur on the
 * same day of the month (the median of the last three months). The interval comes from the
 * model's own backtests on the series over the last year, widened with the horizon; with too
 * little history it is a fixed ±25% of the remaining usage and marked uncalibrated.
 * `asOf` is the first day the forecast may not see: only days before it are read.
 */
import { providerLabel } from '../../domain/cost-record';
import type { CostFilters } from '../../domain/cost-query';
import { addDays, addMonths, type DateRange, type Day } from '../../domain/days';
import { budgetPeriodContaining } from '../../domain/budget/budget-status';
import { backtestForecast } from '../../domain/forecast/backtest';
import { forecastPeriod, type PeriodForecast } from '../../domain/forecast/forecast-period';
import type { ForecastAccuracy, ForecastAnswer, ForecastGroup, PeriodEstimate, ScopedForecast } from '../../answers/watchdog';
import { forecastChart, periodLabel } from './watchdog-present';
import { emptySeries, type DailySeries, type SeriesLoader } from './series-loader';

/** A year of calibration plus the model's own 12 weeks of history. */
export const FORECAST_HISTORY_DAYS = 365 + 84;
/** The accuracy sentence replays this many complete months before the as-of month. */
const ACCURACY_MONTHS = 3;

export interface ForecastServiceDeps {
  loader: SeriesLoader;
  /** Today in the reporting zone: the default as-of. */
  today(): Day;
  defaultCurrency: string;
}

export class ForecastService {
  constructor(private readonly deps: ForecastServiceDeps) {}

  /** The month (and quarter) containing `asOf`, forecast from the days before it. */
  async monthEnd(asOf: Day = this.deps.today(), by?: 'provider' | 'service', options: { accuracy?: boolean } = {}): Promise<ForecastAnswer> {
    const history = historyRange(asOf);
    const currency = (await this.deps.loader.currency(history)) ?? this.deps.defaultCurrency;
    const total = await this.deps.loader.series({}, history, currency);
    const month = forecastOf(total, asOf, budgetPeriodContaining('month', asOf));
    const quarter = forecastOf(total, asOf, budgetPeriodContaining('quarter', asOf));
    const answer: ForecastAnswer = {
      kind: 'forecast',
      asOf,
      currency,
      month: estimate(month),
      quarter: estimate(quarter),
      coverage: month.coverage,
      calibrated: month.calibrated,
      actions: [],
    };
    const chart = forecastChart(total, month, currency);
    if (chart) answer.chart = chart;
    if (by) {
      answer.by = by;
      answer.groups = await this.groups(by, history, asOf, currency);
    }
    if (options.accuracy !== false) {
      const accuracy = this.accuracyOf(total, asOf);
      if (accuracy) answer.accuracy = accuracy;
    }
    return answer;
  }

  /** The forecast of one scope's period: budgets use it for forecast thresholds and breach days. */
  async forScope(filters: CostFilters, period: DateRange, asOf: Day, currency: string): Promise<{ series: DailySeries; forecast: PeriodForecast }> {
    const series = await this.deps.loader.series(filters, historyRange(asOf), currency);
    return { series, forecast: forecastOf(series, asOf, period) };
  }

  /**
   * One scope's forecast of any period that has not ended (plain-language questions: "forecast for
   * AWS this quarter"), optionally split by provider or service within the scope.
   */
  async scoped(request: ScopedForecastRequest): Promise<ScopedForecast> {
    const { filters, period, asOf, by } = request;
    const usual = historyRange(asOf);
    // A long period that began before the usual history still counts all its days so far.
    const history = period.start < usual.start ? { ...usual, start: period.start } : usual;
    const currency = (await this.deps.loader.currency(history, filters)) ?? this.deps.defaultCurrency;
    const series = await this.deps.loader.series(filters, history, currency);
    const f = forecastOf(series, asOf, period);
    const answer: ScopedForecast = { asOf, currency, estimate: estimate(f), coverage: f.coverage, calibrated: f.calibrated };
    const chart = forecastChart(series, f, currency);
    if (chart) answer.chart = chart;
    if (by) {
      answer.by = by;
      answer.groups = await this.groups(by, history, asOf, currency, filters, period);
    }
    return answer;
  }

  /** "Month-end forecasts like this one were within ±X% in 4 of 5 cases" over the last complete months. */
  async accuracy(asOf: Day = this.deps.today()): Promise<ForecastAccuracy | undefined> {
    const history = historyRange(asOf);
    const currency = (await this.deps.loader.currency(history)) ?? this.deps.defaultCurrency;
    return this.accuracyOf(await this.deps.loader.series({}, history, currency), asOf);
  }

  private accuracyOf(series: DailySeries, asOf: Day): ForecastAccuracy | undefined {
    const from = addMonths(`${asOf.slice(0, 7)}-01`, -ACCURACY_MONTHS);
    const result = backtestForecast(series, { period: 'month', from });
    if (result.periods === 0 || !Number.isFinite(result.within80Pct)) return undefined;
    return { within80Pct: result.within80Pct, forecasts: result.overall.forecasts, months: result.periods };
  }

  private async groups(by: 'provider' | 'service', history: DateRange, asOf: Day, currency: string, filters: CostFilters = {}, period = budgetPeriodContaining('month', asOf)): Promise<ForecastGroup[]> {
    const split = await this.deps.loader.split(filters, by, history, currency);
    return split
      .map(({ key, label, series }) => ({ key, name: by === 'provider' ? providerLabel(key) : label || key, ...estimate(forecastOf(series, asOf, period)) }))
      .filter((g) => g.forecast !== 0n || g.actualToDate !== 0n)
      .sort((a, b) => (b.forecast > a.forecast ? 1 : b.forecast < a.forecast ? -1 : a.key.localeCompare(b.key)));
  }
}

export interface ScopedForecastRequest {
  filters: CostFilters;
  period: DateRange;
  /** First day without data. */
  asOf: Day;
  by?: 'provider' | 'service';
}

export function historyRange(asOf: Day): DateRange {
  return { start: addDays(asOf, -FORECAST_HISTORY_DAYS), end: asOf };
}

/** A forecast of `period` from a series that ends at asOf (or is empty). */
export function forecastOf(series: DailySeries, asOf: Day, period: DateRange): PeriodForecast {
  const s = series.usage.length > 0 ? series : emptySeries({ start: asOf, end: asOf });
  return forecastPeriod({ start: s.start, usage: s.usage, nonUsage: s.nonUsage, asOf, period });
}

function estimate(f: PeriodForecast): PeriodEstimate {
  return { period: f.period, label: periodLabel(f.period), actualToDate: f.actualToDate, forecast: f.forecast, low: f.lower, high: f.upper };
}
