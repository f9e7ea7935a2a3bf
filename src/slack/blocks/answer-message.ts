/** Any command answer as a Slack message: one case per answer kind, each a pure builder. */
import type { Answer } from '../../answers/types';
import type { RenderedChart } from '../../ports/chart-renderer';
import { evidenceMessage, recommendationsMessage } from './advice-messages';
import { simulationMessage } from './simulation-message';
import { compareMessage, summaryMessage, topMessage } from './cost-messages';
import { dailyMessage } from './daily-message';
import { digestStatusMessage } from './digest-message';
import { comingLaterMessage, errorMessage, helpMessage, reportMessage } from './simple-messages';
import type { SlackMessage } from './types';

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
    case 'not-ready':
      return comingLaterMessage(answer.feature);
    case 'error':
      return errorMessage(answer.message);
    case 'recommendations':
      return recommendationsMessage(answer);
    case 'recommendation-evidence':
      return evidenceMessage(answer);
    case 'simulation':
      return simulationMessage(answer, chart);
  }
}
