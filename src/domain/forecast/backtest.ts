/**
 * How good are this series' forecasts? Replays the forecaster on the series' own history: for
 * every complete month (or quarter) with enough history before it, a forecast after each day of
 * data in it, compared with what the period really cost. Gives the product its sentence
 * ("forecasts like this one were within ±4% last quarter") and the bench its figures.
 */
import { addMonths, type DateRange, type Day } from '../days';
import type { Nanos } from '../money';
import { dayFromNumber, dayNumber } from '../timeseries/day-number';
import { quantile } from '../timeseries/robust-stats';
import { forecastPeriod, runRateForecast, toUnits, type ForecastInput, type ForecastOptions } from './forecast-period';
import { ForecastWorkspace } from './forecast-workspace';

export interface BacktestSeries {
  start: Day;
  usage: readonly Nanos[];
  nonUsage?: readonly Nanos[];
}

export interface BacktestOptions extends Partial<ForecastOptions> {
  period: 'month' | 'quarter';
  /** Periods starting earlier than this many days into the series are skipped. */
  minHistoryDays?: number;
  /** Only periods starting on or after this day. */
  from?: Day;
}

/** Accuracy of forecasts made after `day` days of data in their period. */
export interface BacktestDay {
  day: number;
  forecasts: number;
  /** Mean absolute percentage error of the period total. */
  mape: number;
  /** The same for the run-rate forecast. */
  runRateMape: number;
  /** Share of actual totals inside the interval. */
  coverage: number;
  /** Mean signed error, percent (positive: forecasts ran high). */
  bias: number;
}

export interface BacktestResult {
  periods: number;
  byDay: BacktestDay[];
  /** Over all days of all periods. */
  overall: Omit<BacktestDay, 'day'>;
  /** 4 in 5 forecasts were within ± this percentage of the actual total (NaN without forecasts). */
  within80Pct: number;
}

interface Tally {
  n: number;
  ape: number;
  runRateApe: number;
  inside: number;
  signed: number;
}

export function backtestForecast(series: BacktestSeries, options: BacktestOptions): BacktestResult {
  const startNum = dayNumber(series.start);
  const end = series.usage.length;
  const workspace = new ForecastWorkspace(toUnits(series.usage), startNum);
  const tallies = new Map<number, Tally>();
  const errors: number[] = [];
  let periods = 0;
  for (const period of periodsIn(series.start, end, options)) {
    const from = dayNumber(period.start) - startNum;
    const to = dayNumber(period.end) - startNum;
    let actual = 0n;
    for (let t = from; t < to; t++) actual += series.usage[t]! + (series.nonUsage?.[t] ?? 0n);
    if (actual <= 0n) continue;
    periods++;
    for (let day = 1; day < to - from; day++) {
      const input: ForecastInput = { ...series, asOf: dayFromNumber(startNum + from + day), period };
      const f = forecastPeriod(input, options, workspace);
      const runRate = runRateForecast(input)!;
      const tally = tallies.get(day) ?? { n: 0, ape: 0, runRateApe: 0, inside: 0, signed: 0 };
      tally.n++;
      const ape = Math.abs(pct(f.forecast - actual, actual));
      errors.push(ape);
      tally.ape += ape;
      tally.runRateApe += Math.abs(pct(runRate - actual, actual));
      tally.signed += pct(f.forecast - actual, actual);
      if (f.lower <= actual && actual <= f.upper) tally.inside++;
      tallies.set(day, tally);
    }
  }
  const byDay = [...tallies.entries()].sort((a, b) => a[0] - b[0]).map(([day, t]) => ({ day, ...summary(t) }));
  const all = [...tallies.values()].reduce((a, t) => ({ n: a.n + t.n, ape: a.ape + t.ape, runRateApe: a.runRateApe + t.runRateApe, inside: a.inside + t.inside, signed: a.signed + t.signed }), { n: 0, ape: 0, runRateApe: 0, inside: 0, signed: 0 });
  return { periods, byDay, overall: summary(all), within80Pct: errors.length ? quantile(errors, 0.8) : NaN };
}

/** Complete months or quarters inside [start, start + length) with enough history before them. */
function periodsIn(start: Day, length: number, options: BacktestOptions): DateRange[] {
  const months = options.period === 'month' ? 1 : 3;
  const end = dayFromNumber(dayNumber(start) + length);
  const earliest = dayFromNumber(dayNumber(start) + (options.minHistoryDays ?? 56));
  const out: DateRange[] = [];
  const year = Number(start.slice(0, 4));
  const month = Number(start.slice(5, 7));
  const firstMonth = months === 1 ? month : Math.floor((month - 1) / 3) * 3 + 1;
  for (let p = `${year}-${String(firstMonth).padStart(2, '0')}-01`; addMonths(p, months) <= end; p = addMonths(p, months)) {
    if (p >= earliest && (!options.from || p >= options.from)) out.push({ start: p, end: addMonths(p, months) });
  }
  return out;
}

function pct(diff: Nanos, base: Nanos): number {
  return (Number(diff) / Number(base)) * 100;
}

function summary(t: Tally): Omit<BacktestDay, 'day'> {
  return { forecasts: t.n, mape: t.ape / t.n, runRateMape: t.runRateApe / t.n, coverage: t.inside / t.n, bias: t.signed / t.n };
}
