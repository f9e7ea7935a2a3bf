/** Pure Block Kit builders: view models in, Slack messages and views out, always inside Slack's limits. */
export type { KnownBlock, SlackHomeView, SlackMessage } from './types';
export { summaryMessage, topMessage, compareMessage } from './cost-messages';
export { dailyMessage } from './daily-message';
export { digestMessage, digestStatusMessage } from './digest-message';
export { homeView } from './home-view';
export { comingLaterMessage, errorMessage, helpMessage, reportMessage } from './simple-messages';
export {
  digestSettingsModal, validateDigestSettings, DIGEST_PROVIDERS, DIGEST_SETTINGS_CALLBACK_ID, TIME_ZONE_GROUPS,
  type DigestSettingsResult, type DigestStateValues,
} from './digest-settings-modal';
export { enforceLimits, LIMITS } from './limits';
export { ACTION_IDS, followUpActions } from './commands';
export { answerMessage } from './answer-message';
export { askMessage, askRefusalMessage } from './ask-message';
export { alertMessage, ALERT_ACTIONS } from './alert-message';
export { alertsStatusMessage, anomaliesMessage, budgetStatusMessage, forecastMessage, BUDGET_EDIT_ACTION } from './watchdog-messages';
export { budgetModal, validateBudgetForm, BUDGET_MODAL_CALLBACK_ID, type BudgetFormValues } from './budget-modal';
export { evidenceMessage, recommendationsMessage, REC_ACTION_IDS, weeklyRecommendationsMessage } from './advice-messages';
export { simulationMessage } from './simulation-message';
export { syncProgressMessage } from './sync-message';
