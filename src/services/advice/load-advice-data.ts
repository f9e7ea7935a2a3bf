/**
 * Reads what the rules need from the store, in as few passes as it takes: one scan of the
 * lookback window's records (usage, credits, purchases), the purchases of the days a year back
 * whose anniversaries fall soon (found on the daily rollups first), and the services' last two
 * complete months per provider (rollups). Only days before as-of are read.
 */
import { AdviceDataBuilder, serviceKey, type AdviceData, type ServiceMonth } from '../../domain/advice/advice-data';
import type { AdviceSettings } from '../../domain/advice/advice-settings';
import { addDays, addMonths, firstDayOfMonth, monthOf, nextMonth, type DateRange, type Day, type Month } from '../../domain/days';
import type { Nanos } from '../../domain/money';
import type { AnomalyLookup } from '../../ports/advisers';
import type { CostStore } from '../../ports/cost-store';
import type { CostRecordScanner, ScannedRecord } from '../../ports/record-scanner';

export interface AdviceDataDeps {
  store: CostStore;
  scanner: CostRecordScanner;
  anomalies?: AnomalyLookup;
}

/** The month the cost-rise rule judges (the last complete one before as-of), whose anomalies explain rises. */
export function lastCompleteMonthRange(asOf: Day): DateRange {
  const last = monthOf(addDays(firstDayOfMonth(monthOf(asOf)), -1));
  return { start: firstDayOfMonth(last), end: firstDayOfMonth(nextMonth(last)) };
}

/** `anomalyImpact`, when given, is what deps.anomalies said already (the caller's cache stamp holds it). */
export async function loadAdviceData(deps: AdviceDataDeps, asOf: Day, settings: AdviceSettings, known: { anomalyImpact?: Map<string, Nanos> } = {}): Promise<AdviceData> {
  const window = { start: addDays(asOf, -settings.lookbackDays), end: asOf };
  const builder = new AdviceDataBuilder(window);
  for await (const batch of deps.scanner.scanRecords({ range: window, chargeCategories: ['usage', 'credit', 'purchase'] })) {
    for (const r of batch) builder.add(r);
  }
  for (const r of await yearOldPurchases(deps, asOf, settings)) builder.addCharge(r);
  const last = monthOf(addDays(firstDayOfMonth(monthOf(asOf)), -1));
  const previous = monthOf(addDays(firstDayOfMonth(last), -1));
  const serviceMonths = [...(await serviceCosts(deps.store, previous)), ...(await serviceCosts(deps.store, last))];
  const anomalyImpact = known.anomalyImpact ?? (deps.anomalies ? await deps.anomalies.impactByService(lastCompleteMonthRange(asOf)) : undefined);
  return builder.build(asOf, { serviceMonths, months: { previous, last }, anomalyImpact });
}

async function yearOldPurchases(deps: AdviceDataDeps, asOf: Day, settings: AdviceSettings): Promise<ScannedRecord[]> {
  const start = addMonths(asOf, -12);
  const range = { start, end: addDays(start, settings.renewals.withinDays) };
  const rows = await deps.store.groupCosts({ range, groupBy: 'day', filters: { chargeCategories: ['purchase'] }, metric: 'billed' });
  const days = [...new Set(rows.filter((r) => r.amount >= settings.renewals.minPurchase).map((r) => r.key))];
  if (days.length === 0) return [];
  const out: ScannedRecord[] = [];
  for await (const batch of deps.scanner.scanRecords({ days, chargeCategories: ['purchase'] })) out.push(...batch);
  return out;
}

/** Usage cost by service in one month, per provider (a service name alone could be two clouds'). */
async function serviceCosts(store: CostStore, month: Month): Promise<ServiceMonth[]> {
  const range = { start: firstDayOfMonth(month), end: firstDayOfMonth(nextMonth(month)) };
  const providers = await store.dimensionValues('provider');
  const merged = new Map<string, ServiceMonth>();
  for (const { value: provider } of providers) {
    const rows = await store.groupCosts({ range, groupBy: 'service', filters: { providers: [provider], chargeCategories: ['usage'] }, metric: 'billed' });
    // Rows may repeat a key (several partitions); add them up.
    for (const row of rows) {
      const key = `${serviceKey(provider, row.key)}\u001f${row.currency}`;
      const seen = merged.get(key);
      if (seen) seen.amount += row.amount;
      else merged.set(key, { provider, service: row.key, currency: row.currency, month, amount: row.amount });
    }
  }
  return [...merged.values()];
}
