/** GET /costs/summary and /costs/daily: the `penny cost --json` contract over HTTP. */
import { breakdownJson } from '../../answers/breakdown';
import { parseGroupDim } from '../../domain/cost-query';
import { periodFromBounds } from '../../domain/period';
import type { CostAnswers } from '../../services/cost-answers';
import type { CostRequest } from '../../services/cost-service';
import { checkPeriodChoice, costParamsSchema, parseQuery, type CostParams } from '../params';
import type { Route } from '../router';

const dailyParamsSchema = costParamsSchema.omit({ compare: true });

export function costRoutes(answers: CostAnswers): Route[] {
  return [
    {
      method: 'GET',
      path: '/costs/summary',
      access: 'read',
      cacheable: true,
      summary: 'Costs of a period: the total, or groups with groupBy. Amounts are exact decimal strings.',
      query: costParamsSchema,
      response: 'Breakdown',
      handler: async ({ query }) => ({ json: breakdownJson(await answers.breakdown(costRequest(parseQuery(costParamsSchema, query), answers, 'this month'))) }),
    },
    {
      method: 'GET',
      path: '/costs/daily',
      access: 'read',
      cacheable: true,
      summary: 'Costs day by day (groups are days). With groupBy, `series` splits each day by that dimension.',
      query: dailyParamsSchema,
      response: 'Breakdown',
      handler: async ({ query }) => ({ json: breakdownJson(await answers.dailyBreakdown(costRequest(parseQuery(dailyParamsSchema, query), answers, '30d'))) }),
    },
  ];
}

/** Validated parameters as an engine request; names are resolved (and refused) by the engine. */
export function costRequest(p: Partial<CostParams>, answers: CostAnswers, defaultPeriod: string): CostRequest {
  checkPeriodChoice(p);
  return {
    period: p.from && p.to ? periodFromBounds(p.from, p.to) : answers.period(p.period ?? defaultPeriod),
    groupBy: p.groupBy ? parseGroupDim(p.groupBy) : undefined,
    metric: p.metric ?? 'billed',
    providers: p.provider ?? [],
    accounts: p.account ?? [],
    services: p.service ?? [],
    regions: p.region ?? [],
    tags: p.tag ?? [],
    projects: p.project ?? [],
    compare: p.compare === 'true',
    currency: p.currency,
  };
}
