/**
 * What moved: given an anomaly and the same day broken down by a dimension (service, account,
 * region…), the rows that explain the change, largest dollar contribution first. Within each
 * dimension the contributions plus an "everything else" row add up exactly to the anomaly's
 * change, and so do their actual and expected columns.
 */
import type { Day } from '../days';
import type { Nanos } from '../money';
import type { Anomaly } from './anomaly-types';

export interface BreakdownRow {
  dimension: string; // 'service' | 'account' | 'region' | 'tag:team' …
  key: string;
  label: string;
  actual: Nanos;
  /** The row's own baseline for the day (e.g. expectedOn for that row's series). */
  expected: Nanos;
}

export interface Driver {
  dimension: string;
  key: string;
  label: string;
  actual: Nanos;
  expected: Nanos;
  /** actual − expected */
  change: Nanos;
  /** change / the anomaly's change × 100; null when the anomaly's change is 0. */
  sharePct: number | null;
}

export interface DimensionDrivers {
  dimension: string;
  drivers: Driver[];
  /**
   * The remainder: rows not listed, plus any gap between the rows' baselines and the series'
   * own. Absent when it is exactly zero in every column.
   */
  other?: Driver;
}

export interface RootCause {
  day: Day;
  change: Nanos;
  byDimension: DimensionDrivers[];
  /** The single largest contributor across dimensions, for a one-line summary. */
  primary?: Driver;
}

export const OTHER_KEY = '__other__';

export function explainAnomaly(anomaly: Pick<Anomaly, 'day' | 'actual' | 'expected'>, rows: readonly BreakdownRow[], options: { top?: number } = {}): RootCause {
  const top = options.top ?? 5;
  const change = anomaly.actual - anomaly.expected;
  const byDimension: DimensionDrivers[] = [];
  for (const [dimension, merged] of groupRows(rows)) {
    const ranked = [...merged.values()]
      .map((r) => driver(r.dimension, r.key, r.label, r.actual, r.expected, change))
      .filter((d) => d.change !== 0n)
      .sort((a, b) => compareAbs(b.change, a.change) || a.key.localeCompare(b.key))
      .slice(0, top);
    const listedActual = ranked.reduce((sum, d) => sum + d.actual, 0n);
    const listedExpected = ranked.reduce((sum, d) => sum + d.expected, 0n);
    const rest = driver(dimension, OTHER_KEY, 'Everything else', anomaly.actual - listedActual, anomaly.expected - listedExpected, change);
    const restIsEmpty = rest.actual === 0n && rest.expected === 0n;
    byDimension.push(restIsEmpty ? { dimension, drivers: ranked } : { dimension, drivers: ranked, other: rest });
  }
  const primary = byDimension.flatMap((d) => d.drivers).sort((a, b) => compareAbs(b.change, a.change))[0];
  return primary ? { day: anomaly.day, change, byDimension, primary } : { day: anomaly.day, change, byDimension };
}

/** Rows by dimension (first-seen order), the same key within a dimension summed. */
function groupRows(rows: readonly BreakdownRow[]): Map<string, Map<string, BreakdownRow>> {
  const out = new Map<string, Map<string, BreakdownRow>>();
  for (const row of rows) {
    let dim = out.get(row.dimension);
    if (!dim) out.set(row.dimension, (dim = new Map()));
    const seen = dim.get(row.key);
    dim.set(row.key, seen ? { ...seen, actual: seen.actual + row.actual, expected: seen.expected + row.expected } : row);
  }
  return out;
}

function driver(dimension: string, key: string, label: string, actual: Nanos, expected: Nanos, total: Nanos): Driver {
  const change = actual - expected;
  return { dimension, key, label, actual, expected, change, sharePct: total === 0n ? null : (Number(change) / Number(total)) * 100 };
}

function compareAbs(a: Nanos, b: Nanos): number {
  const x = a < 0n ? -a : a;
  const y = b < 0n ? -b : b;
  return x === y ? 0 : x > y ? 1 : -1;
}
