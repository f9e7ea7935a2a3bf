/** What a comparison covers, and its changes with the percentage rule of answers/comparison.ts applied. */
import { rangeLength } from '../../domain/days';
import type { PeriodKind } from '../../domain/period';
import { withPercentRule } from '../../answers/comparison';
import type { Coverage, Ranked } from '../../answers/types';
import type { CostResult } from '../cost-service';

const CALENDAR_UNITS: readonly PeriodKind[] = ['week', 'month', 'quarter', 'year'];

/** Days on each side of the comparison; undefined when the answer was not compared. */
export function coverageOf(answer: CostResult): Coverage | undefined {
  const before = answer.previous?.period;
  if (!before) return undefined;
  const { period } = answer;
  const coverage: Coverage = { days: rangeLength(period.range), previousDays: rangeLength(before.range) };
  if (period.kind === 'to-date' && period.unit && coverage.days === coverage.previousDays) coverage.unit = period.unit;
  if (period.kind === before.kind && CALENDAR_UNITS.includes(period.kind)) coverage.wholeUnits = true;
  return coverage;
}

/** Rows whose percentages follow the rule (held back over too few days or a small base). */
export function ruledRows(rows: readonly Ranked[], coverage: Coverage | undefined): Ranked[] {
  return rows.map((r) => (r.change ? { ...r, change: withPercentRule(r.change, r.amount, coverage) } : r));
}
