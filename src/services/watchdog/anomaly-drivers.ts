/**
 * What moved on an anomaly's day: the series' services, accounts and regions (those it is not
 * already one of), each with its own baseline, explained by the domain's root-cause analysis.
 */
import type { Anomaly } from '../../domain/anomaly/anomaly-types';
import { expectedOn } from '../../domain/anomaly/detect';
import { explainAnomaly, type BreakdownRow } from '../../domain/anomaly/root-cause';
import { scopeFilters, type SeriesScope } from '../../domain/anomaly/series-scope';
import { addDays, type DateRange } from '../../domain/days';
import { DETECTION_LOOKBACK_DAYS } from '../../domain/anomaly/detect';
import type { AnomalyDriver } from '../../answers/watchdog';
import type { SeriesLoader } from './series-loader';
import { usageOn } from './watchdog-present';

const DRIVER_DIMS = ['service', 'account', 'region'] as const;
const TOP_PER_DIMENSION = 3;

export async function driversOf(loader: SeriesLoader, scope: SeriesScope, anomaly: Anomaly, currency: string): Promise<AnomalyDriver[]> {
  const range: DateRange = { start: addDays(anomaly.day, -DETECTION_LOOKBACK_DAYS), end: addDays(anomaly.day, 1) };
  const dims = DRIVER_DIMS.filter((d) => d === 'region' || scope[d] === undefined);
  const rows: BreakdownRow[] = [];
  for (const dim of dims) {
    for (const group of await loader.split(scopeFilters(scope), dim, range, currency, { usageOnly: true })) {
      const actual = usageOn(group.series, anomaly.day);
      const expected = expectedOn(group.series, anomaly.day);
      if (actual !== 0n || expected !== 0n) rows.push({ dimension: dim, key: group.key, label: group.label || group.key || '(none)', actual, expected });
    }
  }
  const cause = explainAnomaly(anomaly, rows, { top: TOP_PER_DIMENSION });
  return cause.byDimension.flatMap((d) =>
    d.drivers.filter((x) => x.change > 0n).map((x) => ({ dimension: x.dimension, key: x.key, label: x.label, actual: x.actual, expected: x.expected, impact: x.change })),
  );
}
