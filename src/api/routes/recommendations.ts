/**
 * GET /recommendations: `penny recommend --json` over HTTP, with its --as-of, --all and filters.
 * It never asks the clouds' advisers (that costs requests); the daily job does. Not kept whole in
 * the response cache: dismissals and snoozes change it without a new write generation.
 */
import { recommendationsJson } from '../../answers/advice-json';
import type { RecommendationService } from '../../services/advice/recommendation-service';
import { parseQuery, recommendationParamsSchema } from '../params';
import type { Route } from '../router';

export function recommendationRoutes(advice: Pick<RecommendationService, 'list'>): Route[] {
  return [
    {
      method: 'GET',
      path: '/recommendations',
      access: 'read',
      summary: 'Savings recommendations, ranked, with their evidence: the JSON of `penny recommend --json`. Dismissed and snoozed ones only with all=true.',
      query: recommendationParamsSchema,
      response: 'Recommendations',
      handler: async ({ query }) => {
        const p = parseQuery(recommendationParamsSchema, query);
        const filters = { providers: p.provider, accounts: p.account, services: p.service, regions: p.region };
        return { json: recommendationsJson(await advice.list({ asOf: p.asOf, filters, includeClosed: p.all === 'true' })) };
      },
    },
  ];
}
