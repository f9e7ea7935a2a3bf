/**
 * Which series the watchdog judges: the total, or one provider, account, service or tag value
 * (services and accounts within their provider). The key names a series in stored tuning,
 * alert records and messages, so it must never change for the same scope.
 */
import { providerLabel } from '../cost-record';
import type { CostFilters } from '../cost-query';

export interface SeriesScope {
  provider?: string;
  account?: string;
  service?: string;
  tag?: { key: string; value: string };
}

export type SeriesDimension = 'provider' | 'account' | 'service' | `tag:${string}`;

/** "total", "provider=aws", "provider=aws|service=Amazon EC2", "tag:team=data". */
export function seriesKey(scope: SeriesScope): string {
  const parts: string[] = [];
  if (scope.provider !== undefined) parts.push(`provider=${scope.provider}`);
  if (scope.account !== undefined) parts.push(`account=${scope.account}`);
  if (scope.service !== undefined) parts.push(`service=${scope.service}`);
  if (scope.tag) parts.push(`tag:${scope.tag.key}=${scope.tag.value}`);
  return parts.length > 0 ? parts.join('|') : 'total';
}

/** A part of the costs to look for anomalies in: a series is inside when it names one of each list's values. */
export interface SeriesFilter {
  providers?: string[];
  accounts?: string[];
  services?: string[];
  tags?: { key: string; value: string }[];
}

export function insideFilter(scope: SeriesScope, filter: SeriesFilter): boolean {
  const within = (list: string[] | undefined, value: string | undefined) => !list?.length || (value !== undefined && list.includes(value));
  const tag = scope.tag;
  return within(filter.providers, scope.provider) && within(filter.accounts, scope.account) && within(filter.services, scope.service)
    && (!filter.tags?.length || (tag !== undefined && filter.tags.some((t) => t.key === tag.key && t.value === tag.value)));
}

export type SeriesLevel = 'total' | 'provider' | 'account' | 'service' | 'tag';

/** The levels of judged series that can lie inside the filter (all of them without one). */
export function levelsInside(filter: SeriesFilter | undefined): Set<SeriesLevel> {
  const has = (list: unknown[] | undefined) => (list?.length ?? 0) > 0;
  if (!filter || ![filter.providers, filter.accounts, filter.services, filter.tags].some(has)) return new Set(['total', 'provider', 'account', 'service', 'tag']);
  // Tag series carry no provider, account or service.
  if (has(filter.tags)) return new Set(has(filter.providers) || has(filter.accounts) || has(filter.services) ? [] : ['tag']);
  const out = new Set<SeriesLevel>();
  if (!has(filter.accounts) && !has(filter.services)) out.add('provider');
  if (!has(filter.services)) out.add('account');
  if (!has(filter.accounts)) out.add('service');
  return out;
}

/** The exact store filters of a scope. */
export function scopeFilters(scope: SeriesScope): CostFilters {
  const filters: CostFilters = {};
  if (scope.provider !== undefined) filters.providers = [scope.provider];
  if (scope.account !== undefined) filters.subAccountIds = [scope.account];
  if (scope.service !== undefined) filters.services = [scope.service];
  if (scope.tag) filters.tags = [{ ...scope.tag }];
  return filters;
}

/** "AWS · Amazon EC2", "Total spend", "tag team=data"; `label` is the account's or service's name when known. */
export function scopeText(scope: SeriesScope, label?: string): string {
  const parts: string[] = [];
  if (scope.provider !== undefined) parts.push(providerLabel(scope.provider));
  if (scope.account !== undefined) parts.push(`account ${label && label !== scope.account ? `${label} (${scope.account})` : scope.account}`);
  if (scope.service !== undefined) parts.push(scope.service);
  if (scope.tag) parts.push(`tag ${scope.tag.key}=${scope.tag.value}`);
  return parts.length > 0 ? parts.join(' · ') : 'Total spend';
}

/** The scope one level down: a split of `parent` by `dim` at `key`. */
export function childScope(parent: SeriesScope, dim: SeriesDimension, key: string): SeriesScope {
  if (dim.startsWith('tag:')) return { ...parent, tag: { key: dim.slice(4), value: key } };
  return { ...parent, [dim]: key };
}

/**
 * The keys of the series that contain this one: a provider's account or service is inside the
 * provider, which is inside the total. Tag series cut across the others and have none.
 */
export function ancestorKeys(scope: SeriesScope): string[] {
  if (scope.tag || scope.provider === undefined) return [];
  if (scope.account === undefined && scope.service === undefined) return ['total'];
  return [seriesKey({ provider: scope.provider }), 'total'];
}
