/** How the router answers recommendation and what-if commands. */
import type { Answer } from '../answers/types';
import type { RecommendationService } from '../services/advice/recommendation-service';
import type { RecommendIntent } from './advice-commands';
import type { CommandFilters } from './parse-command';

/** Recommendations shown in one answer (Slack: each is a section with three buttons). */
export const RECOMMEND_LIMIT = 10;

export async function recommendAnswer(advice: RecommendationService | undefined, intent: RecommendIntent, filters: CommandFilters, userId: string): Promise<Answer> {
  if (!advice) return { kind: 'not-ready', feature: 'recommend' };
  const { providers, accounts, services, regions, tags } = filters;
  const narrowed = { filters: { providers, accounts, services, regions, tags }, limit: RECOMMEND_LIMIT };
  switch (intent.action) {
    case 'list':
      return advice.list({ ...narrowed, includeClosed: intent.all });
    case 'evidence':
      return advice.evidence(intent.id);
    default: {
      const notice = await advice.decide(intent.id, intent.action, userId);
      return advice.list({ ...narrowed, notice });
    }
  }
}
