/**
 * Ways to make a chart spec smaller, for URL-encoded QuickChart configs. Every step keeps the
 * totals: values are rounded for display, small series or named bars are folded into "Other",
 * and adjacent points of a time series are summed (never dropped).
 */
import type { ChartSeries, ChartSpec } from '../ports/chart-renderer';
import { OTHER_KEY, normalizeKey } from './colors';
import { labelUnit } from './format';

/** Slack-sized charts stay readable with up to five series (four plus "Other"). */
export const MAX_FOLDED_SERIES = 5;
/** Below this many points a time chart says little; better no chart than a misleading one. */
export const MIN_POINTS = 4;

const BUCKETS = {
  day: [2, 3, 7, 14, 30, 61, 91],
  month: [2, 3, 6, 12],
};

function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

export function roundValues(spec: ChartSpec, decimals: number): ChartSpec {
  return { ...spec, series: spec.series.map((s) => ({ ...s, values: s.values.map((v) => roundTo(v, decimals)) })) };
}

/** Decimals (0..2) that keep rounding within ~0.1% of the largest value: $5,000 -> 0, $50 -> 1. */
export function displayDecimals(spec: ChartSpec): number {
  const max = Math.max(0, ...spec.series.flatMap((s) => s.values.filter(Number.isFinite).map(Math.abs)));
  if (max === 0) return 0;
  return Math.min(2, Math.max(0, 3 - Math.ceil(Math.log10(max))));
}

function total(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + (Number.isFinite(v) ? Math.abs(v) : 0), 0);
}

function isOther(series: ChartSeries): boolean {
  return normalizeKey(series.colorKey ?? series.name) === OTHER_KEY;
}

/** Keeps the largest series (by total) in their order and sums the rest into "Other". */
export function foldSeries(spec: ChartSpec, maxSeries = MAX_FOLDED_SERIES): ChartSpec {
  if (spec.series.length <= maxSeries) return spec;
  const ranked = spec.series
    .map((s, index) => ({ s, index, size: total(s.values) }))
    .filter(({ s }) => !isOther(s)) // an existing "Other" always joins the fold
    .sort((a, b) => b.size - a.size);
  const keep = new Set(ranked.slice(0, maxSeries - 1).map(({ index }) => index));
  const rest = spec.series.filter((_, i) => !keep.has(i));
  const other: ChartSeries = {
    name: 'Other',
    colorKey: OTHER_KEY,
    values: spec.labels.map((_, i) => rest.reduce((sum, s) => sum + (s.values[i] ?? 0), 0)),
  };
  return { ...spec, series: [...spec.series.filter((_, i) => keep.has(i)), other] };
}

/**
 * Folding for named slices or bars: the smallest become one "Other" (an existing "Other" joins
 * it), so no amount is ever shown under a name it does not belong to. Kept ones keep their order.
 */
export function foldSlices(spec: ChartSpec, maxSlices: number): ChartSpec {
  if (spec.labels.length <= maxSlices) return spec;
  const sizes = spec.labels.map((_, i) => spec.series.reduce((sum, s) => sum + Math.abs(s.values[i] ?? 0), 0));
  const order = sizes
    .map((size, i) => ({ size, i }))
    .filter(({ i }) => normalizeKey(spec.labels[i] ?? '') !== OTHER_KEY)
    .sort((a, b) => b.size - a.size);
  const keep = new Set(order.slice(0, maxSlices - 1).map(({ i }) => i));
  const kept = spec.labels.map((_, i) => i).filter((i) => keep.has(i));
  return {
    ...spec,
    labels: [...kept.map((i) => spec.labels[i] ?? ''), 'Other'],
    series: spec.series.map((s) => ({
      ...s,
      values: [...kept.map((i) => s.values[i] ?? 0), s.values.reduce((sum, v, i) => sum + (keep.has(i) ? 0 : v), 0)],
    })),
  };
}

function bucketNote(spec: ChartSpec, size: number): string {
  const unit = labelUnit(spec.labels);
  return unit ? `${size}-${unit} totals` : `totals of ${size} points`;
}

/**
 * Sums runs of `size` adjacent points; each run is labelled by its first label. Runs are
 * aligned to the end so the most recent run is whole; only the oldest one may be short.
 */
export function aggregatePoints(spec: ChartSpec, size: number): ChartSpec {
  if (size <= 1 || spec.labels.length <= size) return spec;
  const n = spec.labels.length;
  const starts: number[] = [];
  for (let start = n % size; start < n; start += size) starts.push(start);
  if (n % size !== 0) starts.unshift(0);
  const end = (k: number) => starts[k + 1] ?? n;
  return {
    ...spec,
    title: `${spec.title} (${bucketNote(spec, size)})`,
    labels: starts.map((start) => spec.labels[start] ?? ''),
    series: spec.series.map((s) => ({
      ...s,
      values: starts.map((start, k) => s.values.slice(start, end(k)).reduce((sum, v) => sum + (Number.isFinite(v) ? v : 0), 0)),
    })),
  };
}

/** Ever smaller versions of the spec, in the order the QuickChart renderer should try them. */
export function* shrinkCandidates(spec: ChartSpec): Generator<ChartSpec> {
  const cents = roundValues(spec, 2);
  yield cents; // cents lose nothing a chart can show
  const decimals = displayDecimals(spec);
  let current = decimals < 2 ? roundValues(spec, decimals) : cents;
  if (decimals < 2) yield current;
  // Named categories (and doughnut slices) are folded, never summed in runs: a run would be
  // labelled with one name but hold several.
  const unit = labelUnit(spec.labels);
  if (spec.kind === 'doughnut' || unit === undefined) {
    for (const slices of [10, 6]) {
      if (current.labels.length <= slices) continue;
      yield roundValues(foldSlices(current, slices), decimals);
    }
    return;
  }
  if (current.series.length > MAX_FOLDED_SERIES) {
    current = roundValues(foldSeries(current), decimals);
    yield current;
  }
  const sizes = BUCKETS[unit];
  for (const size of sizes) {
    if (Math.ceil(current.labels.length / size) < MIN_POINTS) break;
    yield roundValues(aggregatePoints(current, size), decimals); // sums need re-rounding
  }
}
