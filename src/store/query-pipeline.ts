/**
 * Aggregation pipelines for one month's partition. Written for the operators both MongoDB and
 * FerretDB v1 run: $match with plain operators, then a $group with exactly one accumulator
 * (FerretDB v1 computes only the first accumulator of a $group: FerretDB#4616).
 */
import type { CostFilters, CostQuery } from '../domain/cost-query';
import { tagKeyOf } from '../domain/cost-query';
import type { DateRange } from '../domain/days';
import { rulesNeedTags, type MatchRule } from '../domain/match-rules';
import { encodeTagKey } from './doc-mapping';
import type { PartitionKind } from './partitions';

export type Pipeline = Record<string, unknown>[];

export function buildMatch(filters: CostFilters, days: DateRange | undefined): Record<string, unknown> {
  const match: Record<string, unknown> = {};
  if (days) match.day = { $gte: days.start, $lt: days.end };
  const inList = (field: string, values: readonly string[] | undefined) => {
    if (values && values.length > 0) match[field] = values.length === 1 ? values[0] : { $in: [...values] };
  };
  inList('provider', filters.providers);
  inList('subAccountId', filters.subAccountIds);
  inList('service', filters.services);
  inList('regionId', filters.regionIds);
  if (filters.chargeCategories?.length) {
    inList('chargeCategory', filters.chargeCategories);
  } else if (filters.excludeChargeCategories?.length) {
    match.chargeCategory = { $nin: [...filters.excludeChargeCategories] };
  }
  if (filters.currency) match.currency = filters.currency;
  for (const tag of filters.tags ?? []) match[`tags.${encodeTagKey(tag.key)}`] = tag.value;
  // Each set is an $or; several sets (a project filter and a project group) must all hold.
  const sets = (filters.ruleSets ?? []).map((set) => ({ $or: set.length > 0 ? set.map(ruleMatch) : [{ subAccountId: { $in: [] } }] }));
  if (sets.length > 0) match.$and = sets;
  if (filters.noneOf?.length) match.$nor = filters.noneOf.map(ruleMatch);
  return match;
}

function ruleMatch(rule: MatchRule): Record<string, unknown> {
  return 'accounts' in rule ? { subAccountId: { $in: [...rule.accounts] } } : { [`tags.${encodeTagKey(rule.tag.key)}`]: rule.tag.value };
}

function groupKey(query: CostQuery): { k: unknown; l?: unknown } {
  const tagKey = tagKeyOf(query.groupBy);
  if (tagKey !== undefined) return { k: `$tags.${encodeTagKey(tagKey)}` };
  switch (query.groupBy) {
    case undefined:
      return { k: '' };
    case 'day':
      return { k: '$day' };
    case 'month':
      return { k: '$month' };
    case 'service':
      return { k: '$service' };
    case 'region':
      return { k: '$regionId', l: '$regionName' };
    case 'account':
      return { k: '$subAccountId', l: '$subAccountName' };
    case 'provider':
      return { k: '$provider' };
    case 'charge-category':
      return { k: '$chargeCategory' };
    default:
      throw new Error(`unhandled group dimension ${String(query.groupBy)}`);
  }
}

/** True when a partition of this kind can answer the query at all. */
export function kindCanAnswer(kind: PartitionKind, query: CostQuery): boolean {
  if (kind === 'records') return true;
  if (tagKeyOf(query.groupBy) !== undefined || (query.filters.tags?.length ?? 0) > 0) return false;
  if ((query.filters.ruleSets ?? []).some(rulesNeedTags) || rulesNeedTags(query.filters.noneOf)) return false;
  return kind === 'daily' || (query.groupBy !== 'day' && !query.splitByDay);
}

export function buildPipeline(query: CostQuery, days: DateRange | undefined): Pipeline {
  const { k, l } = groupKey(query);
  const id: Record<string, unknown> = { c: '$currency', k };
  if (l !== undefined) id.l = l;
  if (query.splitByDay) id.d = '$day';
  return [{ $match: buildMatch(query.filters, days) }, { $group: { _id: id, v: { $sum: `$${query.metric}` } } }];
}
