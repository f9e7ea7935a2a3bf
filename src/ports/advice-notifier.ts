import type { RecommendationsAnswer } from '../answers/advice';

/** Pushes the weekly list of new recommendations to a channel (Slack today). */
export interface AdviceNotifier {
  postNewRecommendations(channel: string, answer: RecommendationsAnswer): Promise<{ ts: string }>;
}
