/**
 * The Cost Management Query API bodies one sync sends per scope, and why.
 *
 * The API documents (and the SDK enforces) at most two groupings per query. The scope is a
 * subscription, so SubscriptionId needs no grouping; service and location take the two, and
 * the charge type comes from a filter: one small query per cost type lists the charge types
 * present, then one query per (cost type, charge type) groups by ServiceName and
 * ResourceLocation. ActualCost gives billed, AmortizedCost effective; records are exact and
 * non-overlapping. The Query API is free but throttled per scope, hence few, daily queries.
 */
import type { QueryDefinition } from '@azure/arm-costmanagement';
import { lastDay, type DateRange } from '../../domain/days';

export type CostType = 'ActualCost' | 'AmortizedCost';
export const COST_TYPES: readonly CostType[] = ['ActualCost', 'AmortizedCost'];

function base(type: CostType, range: DateRange): QueryDefinition {
  return {
    type,
    timeframe: 'Custom',
    // The API takes inclusive instants; the last day ends at 23:59:59.
    timePeriod: { from: new Date(`${range.start}T00:00:00Z`), to: new Date(`${lastDay(range)}T23:59:59Z`) },
    dataset: { granularity: 'Daily', aggregation: { totalCost: { name: 'Cost', function: 'Sum' } } },
  };
}

export function chargeTypesQuery(type: CostType, range: DateRange): QueryDefinition {
  const q = base(type, range);
  q.dataset.grouping = [{ type: 'Dimension', name: 'ChargeType' }];
  return q;
}

export function costsQuery(type: CostType, range: DateRange, chargeType: string): QueryDefinition {
  const q = base(type, range);
  q.dataset.grouping = [{ type: 'Dimension', name: 'ServiceName' }, { type: 'Dimension', name: 'ResourceLocation' }];
  q.dataset.filter = { dimensions: { name: 'ChargeType', operator: 'In', values: [chargeType] } };
  return q;
}
