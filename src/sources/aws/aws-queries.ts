/**
 * The Cost Explorer queries one sync makes, and why (see docs/aws-group-by.md).
 *
 * Cost Explorer allows two GroupBy dimensions per request; Penny wants account, service, region
 * and charge category (from RECORD_TYPE), exact and non-overlapping in the store.
 *
 * 1. Four "main" queries, GroupBy (LINKED_ACCOUNT, SERVICE), one per charge category with a
 *    RECORD_TYPE filter (usage is "none of the others", so no record type can fall through).
 *    They give exact account × service × category records, with no region.
 * 2. One "region" query, GroupBy (REGION, RECORD_TYPE), unfiltered. It gives exact region ×
 *    category totals. Stored as region records (no account, no service) plus, per day,
 *    category and currency, one balancing record of minus their sum (no account, service or
 *    region). Region records and their balance add up to zero in every grouping except by
 *    region, so totals by account, service, category and day stay exactly those of the main
 *    queries, and a total by region is exact too (costs AWS gives no region: "(none)").
 *
 * So 5 page chains per window, whatever the size of the organization; a window of up to
 * `maxRangeDays` days is one chain per query. Account × region is not available (it would
 * cost 4 more chains); a question that crosses them shows the region as "(none)".
 */
import type { Expression, GroupDefinition } from '@aws-sdk/client-cost-explorer';
import { ALL_NON_USAGE_RECORD_TYPES, NON_USAGE_RECORD_TYPES, type AwsCategory } from './aws-record-types';

export interface CeQuery {
  name: string;
  kind: 'main' | 'region';
  groupBy: GroupDefinition[];
  filter?: Expression;
  /** The category of every group of a main query; region groups carry their own record type. */
  category?: AwsCategory;
}

const dim = (Key: 'LINKED_ACCOUNT' | 'SERVICE' | 'REGION' | 'RECORD_TYPE'): GroupDefinition => ({ Type: 'DIMENSION', Key });
const recordTypes = (Values: string[]): Expression => ({ Dimensions: { Key: 'RECORD_TYPE', Values } });

export const CE_METRICS = ['UnblendedCost', 'AmortizedCost'] as const; // billed, effective

export const CE_QUERIES: readonly CeQuery[] = [
  { name: 'usage by account and service', kind: 'main', category: 'usage', groupBy: [dim('LINKED_ACCOUNT'), dim('SERVICE')], filter: { Not: recordTypes(ALL_NON_USAGE_RECORD_TYPES) } },
  ...(['credit', 'tax', 'purchase'] as const).map((category): CeQuery => ({
    name: `${category} by account and service`, kind: 'main', category, groupBy: [dim('LINKED_ACCOUNT'), dim('SERVICE')], filter: recordTypes(NON_USAGE_RECORD_TYPES[category]),
  })),
  { name: 'cost by region and record type', kind: 'region', groupBy: [dim('REGION'), dim('RECORD_TYPE')] },
];
