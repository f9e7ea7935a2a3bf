import type { App } from '@slack/bolt';
import type { ListenerDeps } from './deps';
import { registerDrillDown } from './actions/drill-down';
import { registerHomeButtons } from './actions/home-buttons';
import { registerRecommendationButtons } from './actions/recommendation-buttons';
import { registerCostCommand } from './commands/cost-command';
import { registerAppHomeOpened } from './events/app-home-opened';
import { registerQuestions } from './events/questions';
import { registerDigestSettings } from './views/digest-settings';
import { registerAlertFeedback } from './actions/alert-feedback';
import { registerBudgetModal } from './views/budget-modal';

export function registerListeners(app: App, deps: ListenerDeps): void {
  registerCostCommand(app, deps);
  registerAppHomeOpened(app, deps);
  registerQuestions(app, deps);
  registerDrillDown(app, deps);
  registerHomeButtons(app, deps);
  registerRecommendationButtons(app, deps);
  registerDigestSettings(app, deps);
  registerAlertFeedback(app, deps);
  registerBudgetModal(app, deps);
}

export type { ListenerDeps } from './deps';
