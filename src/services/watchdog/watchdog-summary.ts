/**
 * The watchdog as the App Home and the digest show it: the month-end forecast, every budget's
 * burn, and the open anomalies of the last days. Remembered per as-of day and data version, so
 * refreshing many Home tabs after an import computes it once.
 */
import { addDays, type Day } from '../../domain/days';
import type { WatchdogSummary } from '../../answers/watchdog';
import type { StoreCoverage } from '../../ports/cost-store';
import type { AnomalyService } from './anomaly-service';
import { REVISE_DAYS, viewOf } from './anomaly-service';
import type { BudgetService } from './budget-service';
import type { ForecastService } from './forecast-service';

const SHOWN_ANOMALIES = 5;

export function createSummary(deps: { forecast: ForecastService; budgets: BudgetService; anomalies: AnomalyService; coverage(): Promise<StoreCoverage> }): (asOf: Day) => Promise<WatchdogSummary> {
  let memo: { key: string; value: Promise<WatchdogSummary> } | undefined;
  return async (asOf) => {
    const coverage = await deps.coverage();
    const key = `${asOf}|${coverage.lastIngestedAt?.toISOString() ?? ''}`;
    if (memo?.key !== key) {
      memo = { key, value: summarize(deps, asOf, coverage) };
      memo.value.catch(() => (memo = undefined));
    }
    return memo.value;
  };
}

async function summarize(deps: { forecast: ForecastService; budgets: BudgetService; anomalies: AnomalyService }, asOf: Day, coverage: StoreCoverage): Promise<WatchdogSummary> {
  const [status, events] = await Promise.all([deps.budgets.status(asOf), deps.anomalies.recentEvents({ start: addDays(asOf, -REVISE_DAYS), end: asOf })]);
  const open = events.filter((e) => e.status === 'open').reverse();
  const summary: WatchdogSummary = {
    asOf,
    currency: status.currency,
    budgets: status.budgets,
    anomalies: open.slice(0, SHOWN_ANOMALIES).map(viewOf),
    moreAnomalies: Math.max(0, open.length - SHOWN_ANOMALIES),
  };
  if (coverage.lastDay) {
    const f = await deps.forecast.monthEnd(asOf);
    summary.currency = f.currency;
    summary.forecast = { month: f.month, coverage: f.coverage, ...(f.accuracy ? { accuracy: f.accuracy } : {}) };
  }
  return summary;
}
