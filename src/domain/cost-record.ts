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

/** What identifies a record apart from its day: equal dimensions on the same day are one record. */
export interface CostDimensions {
  source: string; // 'focus', 'demo', 'aws', 'gcp', 'azure'
  provider: string; // canonical id: aws, azure, gcp, oci, or a slug of the FOCUS ProviderName
  providerName: string;
  billingAccountId: string;
  billingAccountName: string;
  subAccountId: string;
  subAccountName: string;
  service: string;
  serviceCategory: string;
  regionId: string; // '' when the source has none
  regionName: string;
  chargeCategory: ChargeCategory;
  resourceId: string; // '' when the source has none
  currency: string;
  tags: Tags;
  /**
   * What kind of resource it is ("volume", "instance", "Load balancer") and its instance type
   * ("m4.large"), where the source says. Not part of the natural key: they describe the resource,
   * they do not tell two records apart. Recommendations read them.
   */
  resourceType?: string;
  instanceType?: string;
}

export interface CostAmounts {
  billed: Nanos;
  effective: Nanos;
  list: Nanos;
}

export interface CostRecord extends CostDimensions, CostAmounts {
  id: string; // natural key
  day: Day;
  month: Month;
  ingestedAt: Date;
}

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
  const parts = [
    dims.source, dims.provider, dims.billingAccountId, dims.subAccountId, dims.service, dims.regionId,
    dims.chargeCategory, dims.resourceId, dims.currency, day,
  ];
  const tagText = Object.keys(dims.tags).sort().map((k) => `${k}\u001f${dims.tags[k]}`).join('\u001e');
  return createHash('sha256').update(parts.join('\u001d')).update('\u001d').update(tagText).digest('base64url').slice(0, 24);
}
