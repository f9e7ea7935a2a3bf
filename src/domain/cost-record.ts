/**
 * The one shape every source's costs land in: a FOCUS-aligned daily cost record.
 */
import { createHash } from 'node:crypto';
import type { Day, Month } from './days';
import type { Nanos } from './money';

export const CHARGE_CATEGORIES = ['usage', 'purchase', 'tax', 'credit', 'adjustment'] as const;
export type ChargeCategory = (typeof CHARGE_CATEGORIES)[number];

export type Metric = 'billed' | 'effective' | 'list';
export const METRICS: readonly Metric[] = ['billed', 'effective', 'list'];

export type Tags = Record<string, string>;

/**
 * The dimensions that tell records apart, in natural-key order. Written here once: the schemas,
 * the stored documents and the rollups are made from these lists. Changing the order changes
 * every stored id (test/unit/store/stored-ids-pinned.test.ts holds them).
 * - source: 'focus', 'demo', 'aws', 'gcp', 'azure';
 * - provider: the canonical id (aws, azure, gcp, oci, or a slug of the FOCUS ProviderName);
 * - regionId and resourceId: '' when the source has none.
 */
export const KEY_DIMENSIONS = ['source', 'provider', 'billingAccountId', 'subAccountId', 'service', 'regionId', 'chargeCategory', 'resourceId', 'currency'] as const;
/** Names and categories of the key dimensions: they describe a record, they do not tell two apart. */
export const NAME_DIMENSIONS = ['providerName', 'billingAccountName', 'subAccountName', 'serviceCategory', 'regionName'] as const;
export const DIMENSION_FIELDS = [...KEY_DIMENSIONS, ...NAME_DIMENSIONS] as const;
export type DimensionField = (typeof DIMENSION_FIELDS)[number];

/** Rollups keep the costs without sources, resources and tags (and the provider's display name). */
export const ROLLUP_KEY_DIMENSIONS = ['provider', 'billingAccountId', 'subAccountId', 'service', 'regionId', 'chargeCategory', 'currency'] as const satisfies readonly (typeof KEY_DIMENSIONS)[number][];
export const ROLLUP_NAME_DIMENSIONS = ['billingAccountName', 'subAccountName', 'serviceCategory', 'regionName'] as const satisfies readonly (typeof NAME_DIMENSIONS)[number][];
export type RollupDimensionField = (typeof ROLLUP_KEY_DIMENSIONS)[number] | (typeof ROLLUP_NAME_DIMENSIONS)[number];

/** What identifies a record apart from its day: equal dimensions on the same day are one record. */
export type CostDimensions = { [K in Exclude<DimensionField, 'chargeCategory'>]: string } & {
  chargeCategory: ChargeCategory;
  tags: Tags;
  /**
   * What kind of resource it is ("volume", "instance", "Load balancer") and its instance type
   * ("m4.large"), where the source says. Not part of the natural key: they describe the resource,
   * they do not tell two records apart. Recommendations read them.
   */
  resourceType?: string;
  instanceType?: string;
};

/** The dimension fields of a record (or a stored document), in DIMENSION_FIELDS order. */
export function dimensionFields(dims: Record<DimensionField, string>): Record<DimensionField, string> {
  return Object.fromEntries(DIMENSION_FIELDS.map((f) => [f, dims[f]])) as Record<DimensionField, string>;
}

export interface CostAmounts {
  billed: Nanos;
  effective: Nanos;
  list: Nanos;
}

export type CostRecord = CostDimensions & CostAmounts & {
  id: string; // natural key
  day: Day;
  month: Month;
  ingestedAt: Date;
};

const PROVIDER_ALIASES: Record<string, string> = {
  aws: 'aws',
  'amazon web services': 'aws',
  'amazon web services, inc.': 'aws',
  amazon: 'aws',
  microsoft: 'azure',
  azure: 'azure',
  'microsoft azure': 'azure',
  gcp: 'gcp',
  google: 'gcp',
  'google cloud': 'gcp',
  'google cloud platform': 'gcp',
  oracle: 'oci',
  oci: 'oci',
  'oracle cloud infrastructure': 'oci',
};

export const PROVIDER_LABELS: Record<string, string> = {
  aws: 'AWS',
  azure: 'Azure',
  gcp: 'Google Cloud',
  oci: 'Oracle Cloud',
};

/** Canonical provider id for a provider name as sources spell it ("Microsoft" -> "azure"). */
export function canonicalProvider(name: string): string {
  const key = name.trim().toLowerCase();
  return PROVIDER_ALIASES[key] ?? (key.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'unknown');
}

export function providerLabel(provider: string): string {
  return PROVIDER_LABELS[provider] ?? provider;
}

export function parseChargeCategory(text: string): ChargeCategory | undefined {
  const key = text.trim().toLowerCase();
  return (CHARGE_CATEGORIES as readonly string[]).includes(key) ? (key as ChargeCategory) : undefined;
}

/**
 * Trims tag keys and values and merges duplicates: FOCUS data has " org" next to "org".
 * When two spellings disagree, the one that needed no trimming wins.
 */
export function normalizeTags(raw: Record<string, unknown>): Tags {
  const out: Tags = {};
  const exact = new Set<string>();
  for (const [rawKey, rawValue] of Object.entries(raw)) {
    const key = rawKey.trim();
    if (key === '') continue;
    const value = tagValueText(rawValue).trim();
    const isExact = key === rawKey;
    if (key in out && (exact.has(key) || !isExact)) continue;
    out[key] = value;
    if (isExact) exact.add(key);
  }
  return sortKeys(out);
}

function tagValueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function sortKeys(tags: Tags): Tags {
  const sorted: Tags = {};
  for (const key of Object.keys(tags).sort()) sorted[key] = tags[key]!;
  return sorted;
}

/** The natural key: the same dimensions on the same day always give the same id. */
export function naturalKey(dims: CostDimensions, day: Day): string {
  const parts = [...KEY_DIMENSIONS.map((f) => dims[f]), day];
  const tagText = Object.keys(dims.tags).sort().map((k) => `${k}\u001f${dims.tags[k]}`).join('\u001e');
  return createHash('sha256').update(parts.join('\u001d')).update('\u001d').update(tagText).digest('base64url').slice(0, 24);
}
