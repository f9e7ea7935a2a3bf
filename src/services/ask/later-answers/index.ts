/**
 * The answerers of forecast, budget, anomaly and recommendation questions, built from the
 * watchdog's and advice's services; composition.ts plugs them into AskService as `later`.
 */
import type { LaterKind } from '../intent';
import { anomalyAnswerer, type AnomalyAnswerDeps } from './anomaly-answer';
import { budgetAnswerer, type BudgetAnswerDeps } from './budget-answer';
import { forecastAnswerer, type ForecastAnswerDeps } from './forecast-answer';
import type { LaterAnswerer } from './later-common';
import { recommendationAnswerer, type RecommendationAnswerDeps } from './recommendation-answer';

export type LaterAnswerDeps = ForecastAnswerDeps & BudgetAnswerDeps & AnomalyAnswerDeps & RecommendationAnswerDeps;

export function laterAnswerers(deps: LaterAnswerDeps): Record<LaterKind, LaterAnswerer> {
  return {
    forecast: forecastAnswerer(deps),
    budget: budgetAnswerer(deps),
    anomalies: anomalyAnswerer(deps),
    recommendations: recommendationAnswerer(deps),
  };
}

export { forecastPeriod } from './forecast-answer';
export { SET_A_BUDGET } from './budget-answer';
export type { LaterAnswerer } from './later-common';
