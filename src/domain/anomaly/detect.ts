/**
 * The watchdog's entry points: judge one day or a range of days of a series, with amounts
 * exact at this surface. The statistics run on a Float64Array of currency units built once
 * per series (prepareSeries); reported actuals come from the exact nanos, expected values are
 * rounded to cents, and impact is their exact difference.
 */
import { daysIn, type DateRange, type Day } from '../days';
import type { Nanos } from '../money';
import { dayFromNumber, dayNumber } from '../timeseries/day-number';
import type { Anomaly, DailyCostSeries } from './anomaly-types';
import { detectorOptions, gatesFor, severityOf, type DetectorOptions } from './detector-options';
import { evaluateDay, expectedValue, type Finding } from './evaluate-day';
import { isMuted, thresholdMultiplier, type SeriesTuning } from './series-tuning';

export { DETECTION_LOOKBACK_DAYS } from './evaluate-day';

/** A series ready for repeated evaluation. `usage` holds the exact amounts when known. */
export interface PreparedSeries {
  start: Day;
  startNum: number;
  values: Float64Array;
  usage?: readonly Nanos[];
}

export function prepareSeries(series: DailyCostSeries): PreparedSeries {
  const values = new Float64Array(series.usage.length);
  for (let i = 0; i < values.length; i++) values[i] = Number(series.usage[i]!) / 1e9;
  return { start: series.start, startNum: dayNumber(series.start), values, usage: series.usage };
}

/**
 * A series straight from float currency units (e.g. a store that returns doubles). Reported
 * actuals are then the float rounded to the nearest nano, which gives back the original
 * amount when the float was made as nanos / 1e9 from less than 2^51 nanos (about $2.2M a day).
 */
export function unitSeries(start: Day, values: Float64Array): PreparedSeries {
  return { start, startNum: dayNumber(start), values };
}

type SeriesInput = DailyCostSeries | PreparedSeries;

function prepared(series: SeriesInput): PreparedSeries {
  return 'values' in series ? series : prepareSeries(series);
}

/** The anomaly on `day`, if there is one (and the series is not muted). */
export function detectAnomalyOn(series: SeriesInput, day: Day, options: Partial<DetectorOptions> = {}, tuning?: SeriesTuning): Anomaly | undefined {
  const s = prepared(series);
  const t = dayNumber(day) - s.startNum;
  if (t < 0 || t >= s.values.length || isMuted(tuning, day)) return undefined;
  const full = detectorOptions(options);
  const finding = evaluateDay(s.values, t, s.startNum, gatesFor(full, thresholdMultiplier(tuning)));
  return finding && toAnomaly(finding, s, full);
}

/** Every anomalous day in `range` (clipped to the series), oldest first. */
export function detectAnomalies(series: SeriesInput, range: DateRange, options: Partial<DetectorOptions> = {}, tuning?: SeriesTuning): Anomaly[] {
  const s = prepared(series);
  const out: Anomaly[] = [];
  for (const day of daysIn(range)) {
    const found = detectAnomalyOn(s, day, options, tuning);
    if (found) out.push(found);
  }
  return out;
}

/**
 * The baseline the detector holds for `day` (seasonal level, or the recurring charge alone for
 * a new series), rounded to cents: the `expected` of a breakdown row in a root-cause analysis.
 */
export function expectedOn(series: SeriesInput, day: Day): Nanos {
  const s = prepared(series);
  const t = dayNumber(day) - s.startNum;
  if (t < 0 || t >= s.values.length) return 0n;
  return toCents(expectedValue(s.values, t, s.startNum));
}

function toCents(units: number): Nanos {
  return BigInt(Math.round(Math.max(0, units) * 100)) * 10_000_000n;
}

export function toAnomaly(finding: Finding, series: PreparedSeries, options: DetectorOptions): Anomaly {
  const actual = series.usage?.[finding.index] ?? BigInt(Math.round(finding.actual * 1e9));
  const expected = toCents(finding.expected);
  const impact = actual - expected;
  const deviationPct = expected > 0n ? (Number(impact) / Number(expected)) * 100 : null;
  return {
    day: dayFromNumber(series.startNum + finding.index),
    kind: finding.kind,
    startDay: dayFromNumber(series.startNum + finding.startIndex),
    actual,
    expected,
    impact,
    deviationPct,
    severity: severityOf(impact, deviationPct, options.severity),
    score: Number.isNaN(finding.score) ? null : finding.score,
  };
}
