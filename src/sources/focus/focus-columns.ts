/**
 * Maps a FOCUS header to the columns Penny reads. Unknown columns (FOCUS 1.1/1.2 additions,
 * x_ vendor columns) are ignored; later spellings of renamed columns are accepted.
 */
import { AppError } from '../../domain/errors';

export const FOCUS_FIELDS = {
  billedCost: ['BilledCost'],
  effectiveCost: ['EffectiveCost'],
  listCost: ['ListCost'],
  currency: ['BillingCurrency'],
  chargePeriodStart: ['ChargePeriodStart'],
  chargeCategory: ['ChargeCategory'],
  provider: ['ProviderName', 'ServiceProviderName', 'InvoiceIssuerName'],
  billingAccountId: ['BillingAccountId'],
  billingAccountName: ['BillingAccountName'],
  subAccountId: ['SubAccountId'],
  subAccountName: ['SubAccountName'],
  service: ['ServiceName'],
  serviceCategory: ['ServiceCategory'],
  regionId: ['RegionId', 'Region'],
  regionName: ['RegionName'],
  resourceId: ['ResourceId'],
  resourceType: ['ResourceType'],
  // Read only for the instance type AWS writes into it ("… On Demand Linux m5.large Instance Hour").
  chargeDescription: ['ChargeDescription'],
  tags: ['Tags'],
} as const;

export type FocusField = keyof typeof FOCUS_FIELDS;
export type ColumnIndex = Record<FocusField, number>; // -1 when absent

const REQUIRED: FocusField[] = ['billedCost', 'currency', 'chargePeriodStart', 'chargeCategory', 'provider'];

/** Throws, naming `file`, when the header lacks a column Penny needs. */
export function mapHeader(header: string[], file = 'This file'): ColumnIndex {
  const positions = new Map(header.map((name, i) => [name.trim().replace(/^\uFEFF/, '').toLowerCase(), i]));
  const index = {} as ColumnIndex;
  for (const [field, names] of Object.entries(FOCUS_FIELDS) as [FocusField, readonly string[]][]) {
    const found = names.map((n) => positions.get(n.toLowerCase())).find((i) => i !== undefined);
    index[field] = found ?? -1;
  }
  const missing = REQUIRED.filter((f) => index[f] < 0).map((f) => FOCUS_FIELDS[f][0]);
  if (missing.length > 0) {
    throw new AppError(
      'IMPORT_HEADER_INVALID',
      `${file} does not look like a FOCUS file: its header lacks ${missing.join(', ')}.`,
      { detail: { header: header.slice(0, 60) } },
    );
  }
  return index;
}
