/** Small presenters the watchdog services share: period names and chart specs. Pure. */
import type { ChartSpec } from '../../answers/chart-spec';
import { addDays, addMonths, daysIn, lastDay, type DateRange, type Day } from '../../domain/days';
import type { PeriodForecast } from '../../domain/forecast/forecast-period';
import { nanosToNumber, type Nanos } from '../../domain/money';
import { dayNumber } from '../../domain/timeseries/day-number';
import type { DailySeries } from './series-loader';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "March 2026", "Q1 2026", "2026", or "2026-03-05 to 2026-03-20". */
export function periodLabel(range: DateRange): string {
  const { start, end } = range;
  const year = start.slice(0, 4);
  if (start.endsWith('-01')) {
    if (addMonths(start, 1) === end) return `${MONTHS[Number(start.slice(5, 7)) - 1]} ${year}`;
    if (addMonths(start, 3) === end && ['01', '04', '07', '10'].includes(start.slice(5, 7))) return `Q${(Number(start.slice(5, 7)) + 2) / 3} ${year}`;
    if (addMonths(start, 12) === end && start.slice(5) === '01-01') return year;
  }
  return `${start} to ${lastDay(range)}`;
}

/** Daily spend so far and the forecast's expected days, over the forecast period. */
export function forecastChart(series: DailySeries, f: PeriodForecast, currency: string): ChartSpec | undefined {
  const expected = new Map(f.path.map((p) => [p.day, p.expected]));
  const days = [...daysIn(f.period)];
  const actual = days.map((d) => (d < f.asOf ? units(spendOn(series, d)) : NaN));
  const predicted = days.map((d) => (expected.has(d) ? units(expected.get(d)!) : NaN));
  if (!actual.some(Number.isFinite) && !predicted.some((v) => Number.isFinite(v) && v !== 0)) return undefined;
  return {
    kind: 'line',
    title: `Daily cost and forecast · ${periodLabel(f.period)}`,
    labels: days,
    series: [
      { name: 'Actual', colorKey: 'current', values: actual },
      { name: 'Forecast', colorKey: 'other', values: predicted },
    ],
    currency,
  };
}

/** A series' last `days` days before `end` against the detector's baseline for each of them. */
export function baselineChart(title: string, series: DailySeries, baseline: (day: Day) => Nanos, end: Day, days: number, currency: string): ChartSpec {
  const labels = [...daysIn({ start: addDays(end, -days), end })];
  return {
    kind: 'line',
    title,
    labels,
    series: [
      { name: 'Daily usage', colorKey: 'current', values: labels.map((d) => units(usageOn(series, d))) },
      { name: 'Expected', colorKey: 'other', values: labels.map((d) => units(baseline(d))) },
    ],
    currency,
  };
}

export function usageOn(series: DailySeries, day: Day): Nanos {
  return series.usage[dayNumber(day) - dayNumber(series.start)] ?? 0n;
}

/** Usage and everything else on one day. */
export function spendOn(series: DailySeries, day: Day): Nanos {
  const i = dayNumber(day) - dayNumber(series.start);
  return (series.usage[i] ?? 0n) + (series.nonUsage[i] ?? 0n);
}

function units(n: Nanos): number {
  return nanosToNumber(n);
}
