/**
 * Writes a FOCUS CSV of about `rows` daily rows from the demo generator, scaled up to hundreds
 * of accounts and services, and returns the generator settings used.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { CostRecord } from '../src/domain/cost-record';
import { addDays, type DateRange } from '../src/domain/days';
import { nanosToDecimalString } from '../src/domain/money';
import { DemoCostSource, type DemoScale } from '../src/sources/demo/demo-source';

export const BENCH_ANCHOR = '2026-11-01';
export const BENCH_DAYS = 395;

const HEADER = [
  'BilledCost', 'EffectiveCost', 'ListCost', 'BillingCurrency', 'BillingAccountId', 'BillingAccountName', 'ChargePeriodStart',
  'ChargePeriodEnd', 'ChargeCategory', 'ProviderName', 'SubAccountId', 'SubAccountName', 'ServiceName', 'ServiceCategory',
  'RegionId', 'RegionName', 'ResourceId', 'Tags', 'x_BenchNote',
];

/** Hundreds of accounts and services, several resources of each service per account. */
export function benchScale(rows: number): DemoScale {
  const perDay = (rows / BENCH_DAYS) * 1.1; // some resources start late in the history
  const servicesPerAccount = 4;
  const resourcesPerService = 6;
  const named = 177; // resources of the named demo accounts
  return { extraAccounts: Math.max(0, Math.ceil((perDay - named) / (servicesPerAccount * resourcesPerService))), extraServices: 300, servicesPerAccount, resourcesPerService };
}

export function benchRange(): DateRange {
  return { start: addDays(BENCH_ANCHOR, -BENCH_DAYS), end: BENCH_ANCHOR };
}

/** The generator's records, capped at `rows`. */
export async function* benchRecords(rows: number): AsyncGenerator<CostRecord> {
  const source = new DemoCostSource(BENCH_ANCHOR, benchScale(rows));
  let n = 0;
  for await (const batch of source.fetch(benchRange())) {
    for (const r of batch) {
      if (n++ >= rows) return;
      yield { ...r, source: 'focus' };
    }
  }
}

const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export async function writeFocusCsv(path: string, rows: number): Promise<number> {
  const out = createWriteStream(path);
  out.write(`${HEADER.join(',')}\n`);
  let written = 0;
  for await (const r of benchRecords(rows)) {
    const line = [
      nanosToDecimalString(r.billed), nanosToDecimalString(r.effective), nanosToDecimalString(r.list), r.currency,
      r.billingAccountId, r.billingAccountName, `${r.day} 00:00:00`, `${addDays(r.day, 1)} 00:00:00`,
      r.chargeCategory[0]!.toUpperCase() + r.chargeCategory.slice(1), r.providerName, r.subAccountId, r.subAccountName,
      r.service, r.serviceCategory, r.regionId, r.regionName, r.resourceId, Object.keys(r.tags).length ? JSON.stringify(r.tags) : 'NULL', 'bench',
    ].map(q).join(',');
    if (!out.write(`${line}\n`)) await once(out, 'drain');
    written += 1;
  }
  out.end();
  await once(out, 'finish');
  return written;
}
