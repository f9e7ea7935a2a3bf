/** Any answer as terminal text: one case per answer kind. Pure. */
import type { Answer, DigestAnswer, HomeAnswer } from '../../answers/types';
import { askRefusalText, askText } from './ask-text';
import { digestStatusText, digestText, homeText } from './channel-text';
import { compareText, dailyText, summaryText, topText, type TextExtras } from './cost-text';
import { errorText, helpText, notReadyTextOf, reportText } from './simple-text';
import { projectsText, refusedText, reportScheduleText } from './admin-text';
import { alertsStatusText, anomaliesText, budgetStatusText, forecastText } from './watchdog-text';
import { evidenceText, recommendationsText } from './advice-text';
import { simulationText } from './simulation-text';
import { syncText } from './sync-text';

export interface AnswerTextExtras extends TextExtras {
  /** Where a report file was saved. */
  filePath?: string;
}

export function answerText(answer: Answer | HomeAnswer | DigestAnswer, extras: AnswerTextExtras = {}): string {
  switch (answer.kind) {
    case 'summary':
      return summaryText(answer, extras);
    case 'daily':
      return dailyText(answer, extras);
    case 'top':
      return topText(answer, extras);
    case 'compare':
      return compareText(answer, extras);
    case 'report':
      return reportText(answer, extras.filePath);
    case 'digest-status':
      return digestStatusText(answer);
    case 'help':
      return helpText(answer);
    case 'projects':
      return projectsText(answer);
    case 'report-schedule':
      return reportScheduleText(answer);
    case 'refused':
      return refusedText(answer.message);
    case 'not-ready':
      return notReadyTextOf(answer);
    case 'error':
      return errorText(answer.message);
    case 'home':
      return homeText(answer, extras);
    case 'digest':
      return digestText(answer, extras);
    case 'ask':
      return askText(answer, extras.chartPath);
    case 'ask-refusal':
      return askRefusalText(answer);
    case 'forecast':
      return forecastText(answer);
    case 'budget-status':
      return budgetStatusText(answer);
    case 'anomalies':
      return anomaliesText(answer);
    case 'alerts-status':
      return alertsStatusText(answer);
    case 'recommendations':
      return recommendationsText(answer);
    case 'recommendation-evidence':
      return evidenceText(answer);
    case 'sync-progress':
      return syncText(answer);
    case 'simulation':
      return simulationText(answer, extras);
  }
}
