/** Data shaped for the recommendation rules: records by the day, built from plain numbers. */
import { AdviceDataBuilder, type AdviceData, type ScannedRecord, type ServiceMonth } from '../../../../src/domain/advice/advice-data';
import { addDays, daysIn, type DateRange, type Day } from '../../../../src/domain/days';
import { decimalToNanos, type Nanos } from '../../../../src/domain/money';

export const AS_OF = '2026-11-30'; // a Monday; the window is the 30 days before it
export const WINDOW: DateRange = { start: addDays(AS_OF, -30), end: AS_OF };

export const usd = (text: string): Nanos => decimalToNanos(text)!;

export function record(over: Partial<ScannedRecord> & { day: Day; billed: Nanos }): ScannedRecord {
  return {
    provider: 'aws', subAccountId: '111111111111', subAccountName: 'prod-core', service: 'Amazon Elastic Compute Cloud', serviceCategory: 'Compute',
    regionId: 'us-east-1', chargeCategory: 'usage', resourceId: '', currency: 'USD', tags: {}, effective: over.billed, ...over,
  };
}

/** One record a day over [from, to) with the amount `amount(day, index)` (none when it returns undefined). */
export function daily(range: DateRange, amount: (day: Day, i: number) => string | undefined, over: Partial<ScannedRecord> = {}): ScannedRecord[] {
  const out: ScannedRecord[] = [];
  let i = 0;
  for (const day of daysIn(range)) {
    const text = amount(day, i++);
    if (text !== undefined) out.push(record({ ...over, day, billed: usd(text), effective: over.effective ?? usd(text) }));
  }
  return out;
}

export function adviceData(records: ScannedRecord[], extra: { serviceMonths?: ServiceMonth[]; months?: AdviceData['months']; anomalyImpact?: AdviceData['anomalyImpact']; asOf?: Day; window?: DateRange } = {}): AdviceData {
  const builder = new AdviceDataBuilder(extra.window ?? WINDOW);
  for (const r of records) builder.add(r);
  return builder.build(extra.asOf ?? AS_OF, { serviceMonths: extra.serviceMonths ?? [], months: extra.months, anomalyImpact: extra.anomalyImpact });
}

export function factOf(rec: { evidence: { facts: { key: string; value: unknown }[] } }, key: string): unknown {
  return rec.evidence.facts.find((f) => f.key === key)?.value;
}
