/**
 * One FOCUS CSV row -> dimensions, UTC day and exact amounts, or the reason it is rejected.
 */
import { canonicalProvider, normalizeTags, parseChargeCategory, type CostDimensions, type Tags } from '../../domain/cost-record';
import { isDay, type Day } from '../../domain/days';
import type { FineAmounts } from '../../domain/daily-aggregator';
import { parseDecimal } from '../../domain/money';
import type { ColumnIndex } from './focus-columns';

export type RowResult =
  | { ok: true; dims: CostDimensions; day: Day; amounts: FineAmounts; warning?: string }
  | { ok: false; message: string };

/** Repeated values (services, accounts, tag sets) are shared rather than copied per row. */
export class RowContext {
  private readonly strings = new Map<string, string>();
  private readonly tagCache = new Map<string, Tags | undefined>();
  private readonly instanceTypes = new Map<string, string>();

  constructor(readonly columns: ColumnIndex, readonly columnCount: number, readonly source: string) {}

  intern(value: string): string {
    const seen = this.strings.get(value);
    if (seen !== undefined) return seen;
    if (this.strings.size < 200_000) this.strings.set(value, value);
    return value;
  }

  /** The instance type a charge description names, '' when none; descriptions repeat, so cached. */
  instanceType(description: string): string {
    if (!description) return '';
    const seen = this.instanceTypes.get(description);
    if (seen !== undefined) return seen;
    const found = INSTANCE_IN_DESCRIPTION.exec(description)?.[1] ?? '';
    if (this.instanceTypes.size < 50_000) this.instanceTypes.set(description, found);
    return found;
  }

  tags(raw: string): Tags | undefined {
    if (this.tagCache.has(raw)) return this.tagCache.get(raw);
    let tags: Tags | undefined;
    try {
      const parsed: unknown = JSON.parse(raw);
      tags = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? normalizeTags(parsed as Record<string, unknown>) : undefined;
    } catch {
      tags = undefined;
    }
    if (this.tagCache.size > 50_000) this.tagCache.clear();
    this.tagCache.set(raw, tags);
    return tags;
  }
}

const EMPTY_TAGS: Tags = Object.freeze({}) as Tags;

/** "m5.large", "db.r4.xlarge", "m7i-flex.xlarge" as AWS's descriptions spell them. */
const INSTANCE_IN_DESCRIPTION = /\b((?:db\.|cache\.)?[a-z][a-z0-9]*\d[a-z0-9-]*\.(?:nano|micro|small|medium|large|\d*xlarge|metal(?:-\d+xl)?))\b/i;

function cell(row: string[], i: number): string {
  if (i < 0) return '';
  const v = (row[i] ?? '').trim();
  return v === 'NULL' || v === 'null' ? '' : v;
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** The UTC day of a FOCUS timestamp. Timestamps without a zone are UTC, as FOCUS requires. */
export function utcDayOf(text: string): Day | undefined {
  const m = DATE_TIME.exec(text);
  if (!m || !isDay(m[1]!)) return undefined;
  const [, day, hh = '00', mm = '00', ss = '00', zone] = m;
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return undefined;
  if (!zone || /^z$/i.test(zone) || /^[+-]00:?00$/.test(zone)) return day;
  const at = new Date(`${day}T${hh}:${mm}:${ss}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString().slice(0, 10);
}

function amount(row: string[], i: number, name: string): bigint | string | undefined {
  const text = cell(row, i);
  if (text === '') return undefined;
  const value = parseDecimal(text);
  return value === undefined ? `${name} "${text.slice(0, 40)}" is not a number` : value;
}

export function parseRow(row: string[], ctx: RowContext): RowResult {
  if (row.length !== ctx.columnCount) return { ok: false, message: `expected ${ctx.columnCount} columns, found ${row.length}` };
  const c = ctx.columns;
  const billed = amount(row, c.billedCost, 'BilledCost');
  if (billed === undefined) return { ok: false, message: 'BilledCost is empty' };
  if (typeof billed === 'string') return { ok: false, message: billed };
  const effective = amount(row, c.effectiveCost, 'EffectiveCost');
  if (typeof effective === 'string') return { ok: false, message: effective };
  const list = amount(row, c.listCost, 'ListCost');
  if (typeof list === 'string') return { ok: false, message: list };

  const start = cell(row, c.chargePeriodStart);
  const day = utcDayOf(start);
  if (!day) return { ok: false, message: `ChargePeriodStart "${start.slice(0, 40)}" is not a date` };
  const currency = cell(row, c.currency).toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) return { ok: false, message: `BillingCurrency "${currency.slice(0, 20)}" is not a currency code` };
  const categoryText = cell(row, c.chargeCategory);
  const chargeCategory = parseChargeCategory(categoryText);
  if (!chargeCategory) return { ok: false, message: `ChargeCategory "${categoryText.slice(0, 30)}" is not one of Usage, Purchase, Tax, Credit, Adjustment` };
  const providerName = cell(row, c.provider);
  if (!providerName) return { ok: false, message: 'ProviderName is empty' };

  let warning: string | undefined;
  const rawTags = cell(row, c.tags);
  let tags = EMPTY_TAGS;
  if (rawTags) {
    const parsed = ctx.tags(rawTags);
    if (parsed) tags = parsed;
    else warning = 'Tags is not a JSON object; the cost was imported without tags';
  }
  const regionId = cell(row, c.regionId);
  const regionName = cell(row, c.regionName);
  const dims: CostDimensions = {
    source: ctx.source,
    provider: ctx.intern(canonicalProvider(providerName)),
    providerName: ctx.intern(providerName),
    billingAccountId: ctx.intern(cell(row, c.billingAccountId)),
    billingAccountName: ctx.intern(cell(row, c.billingAccountName)),
    subAccountId: ctx.intern(cell(row, c.subAccountId)),
    subAccountName: ctx.intern(cell(row, c.subAccountName)),
    service: ctx.intern(cell(row, c.service)),
    serviceCategory: ctx.intern(cell(row, c.serviceCategory)),
    // Some providers fill only one of the two region columns.
    regionId: ctx.intern(regionId || regionName),
    regionName: ctx.intern(regionName || regionId),
    chargeCategory,
    resourceId: cell(row, c.resourceId),
    currency: ctx.intern(currency),
    tags,
  };
  const resourceType = cell(row, c.resourceType);
  if (resourceType) dims.resourceType = ctx.intern(resourceType);
  const instanceType = ctx.instanceType(cell(row, c.chargeDescription));
  if (instanceType) dims.instanceType = instanceType;
  // FOCUS requires EffectiveCost and ListCost; when a file leaves them out, billed is the honest stand-in.
  return { ok: true, dims, day, amounts: { billed, effective: effective ?? billed, list: list ?? billed }, warning };
}
