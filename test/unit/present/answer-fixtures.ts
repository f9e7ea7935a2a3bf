/** Hand-made CostAnswers for presenter and builder tests, built through the real buildBreakdown. */
import { buildBreakdown, type GroupDim, type GroupRow } from '../../../src/domain/cost-query';
import type { Metric } from '../../../src/domain/cost-record';
import { decimalToNanos } from '../../../src/domain/money';
import { monthPeriod, parsePeriod, previousPeriod, type Period } from '../../../src/domain/period';
import type { AppliedFilter, CostResult } from '../../../src/services/cost-service';
import type { Freshness } from '../../../src/answers/types';

export const TODAY = '2026-11-20';

/** Exact nanos from a decimal string: n('12.34') === 12_340_000_000n. */
export function n(text: string): bigint {
  const value = decimalToNanos(text);
  if (value === undefined) throw new Error(`bad amount ${text}`);
  return value;
}

/** [key, amount] in USD, or [key, amount, currency, label]. */
export type Row = [string, string] | [string, string, string] | [string, string, string, string];

function groupRows(rows: Row[]): GroupRow[] {
  return rows.map(([key, amount, currency = 'USD', label = key]) => ({ key, label, currency, amount: n(amount) }));
}

export interface AnswerSpec {
  period?: Period;
  groupBy?: GroupDim;
  metric?: Metric;
  rows: Row[];
  /** Rows of the previous period; the period itself defaults to previousPeriod(period). */
  previous?: Row[];
  previousPeriod?: Period;
  applied?: AppliedFilter[];
  currencyFilter?: string;
}

export function period(text: string): Period {
  return parsePeriod(text, TODAY);
}

export const OCTOBER = monthPeriod('2026-10');

export function answer(spec: AnswerSpec): CostResult {
  const p = spec.period ?? OCTOBER;
  const query = { range: p.range, groupBy: spec.groupBy, filters: spec.currencyFilter ? { currency: spec.currencyFilter } : {}, metric: spec.metric ?? 'billed' };
  const result: CostResult = { period: p, query, breakdown: buildBreakdown(query, groupRows(spec.rows)), applied: spec.applied ?? [], defaultCurrency: 'USD' };
  if (spec.previous) {
    const prevPeriod = spec.previousPeriod ?? previousPeriod(p);
    result.previous = { period: prevPeriod, breakdown: buildBreakdown({ ...query, range: prevPeriod.range }, groupRows(spec.previous)) };
  }
  return result;
}

export const FRESH: Freshness = { today: TODAY, lastDay: '2026-11-19', settlingDays: 2 };
export const NO_DATA: Freshness = { today: TODAY, settlingDays: 2 };
