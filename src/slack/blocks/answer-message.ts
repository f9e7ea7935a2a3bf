/** Any command answer as a Slack message: one case per answer kind, each a pure builder. */
import type { Answer } from '../../answers/types';
import type { RenderedChart } from '../../ports/chart-renderer';
import { askMessage, askRefusalMessage } from './ask-message';
import { evidenceMessage, recommendationsMessage } from './advice-messages';
import { simulationMessage } from './simulation-message';
import { compareMessage, summaryMessage, topMessage } from './cost-messages';
import { dailyMessage } from './daily-message';
import { projectsMessage, refusedMessage, reportScheduleMessage } from './admin-messages';
import { digestStatusMessage } from './digest-message';
import { comingLaterMessage, errorMessage, helpMessage, reportMessage } from './simple-messages';
import { syncProgressMessage } from './sync-message';
import type { SlackMessage } from './types';
import { alertsStatusMessage, anomaliesMessage, budgetStatusMessage, forecastMessage } from './watchdog-messages';

export function answerMessage(answer: Answer, chart?: RenderedChart): SlackMessage {
  switch (answer.kind) {
    case 'summary':
      return summaryMessage(answer, chart);
    case 'daily':
      return dailyMessage(answer, chart);
    case 'top':
      return topMessage(answer, chart);
    case 'compare':
      return compareMessage(answer, chart);
    case 'report':
      return reportMessage(answer);
    case 'digest-status':
      return digestStatusMessage(answer);
    case 'help':
      return helpMessage(answer);
    case 'projects':
      return projectsMessage(answer);
    case 'report-schedule':
      return reportScheduleMessage(answer);
    case 'refused':
      return refusedMessage(answer.message);
    case 'not-ready':
      return comingLaterMessage(answer.feature);
    case 'error':
      return errorMessage(answer.message);
    case 'ask':
      return askMessage(answer, chart);
    case 'ask-refusal':
      return askRefusalMessage(answer);
    case 'forecast':
      return forecastMessage(answer, chart);
    case 'budget-status':
      return budgetStatusMessage(answer);
    case 'anomalies':
      return anomaliesMessage(answer);
    case 'alerts-status':
      return alertsStatusMessage(answer);
    case 'recommendations':
      return recommendationsMessage(answer);
    case 'recommendation-evidence':
      return evidenceMessage(answer);
    case 'sync-progress':
      return syncProgressMessage(answer);
    case 'simulation':
      return simulationMessage(answer, chart);
  }
}
