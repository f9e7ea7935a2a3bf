/**
 * The findings a weekly or monthly report lists: the anomalies the watchdog raised in the period
 * and the open recommendations as of the report's day.
 *
 * Anomalies come from the recorded events (what people were alerted about), not a fresh scan: a
 * scan reads 140 days of every series and takes tens of seconds, too slow for a report that the
 * API, Slack and the schedule build on demand. Retracted events are left out; events marked
 * expected stay, with that said.
 */
import type { ReportFindings } from '../answers/cost-report';
import { anomalySummary, anomalyTitle } from '../answers/watchdog-phrases';
import { savingText, scopeText } from '../answers/advice-phrases';
import type { Day } from '../domain/days';
import type { Period } from '../domain/period';
import type { AdviceRequest } from './advice/recommendation-service';
import type { RecommendationsAnswer } from '../answers/advice';
import type { AnomalyEvent } from '../ports/alerts';
import type { DateRange } from '../domain/days';
import { viewOf } from './watchdog/anomaly-service';
import type { ReportFindingsSource } from './cost-reports';

type Items = Extract<ReportFindings, { available: true }>['items'];

/** The most a report lists of each kind. */
export const REPORT_FINDINGS_LIMIT = 5;

export interface ReportFindingsDeps {
  anomalies: { recentEvents(range: DateRange): Promise<AnomalyEvent[]> };
  advice: { list(request: AdviceRequest): Promise<RecommendationsAnswer> };
}

export function reportFindings(deps: ReportFindingsDeps): ReportFindingsSource {
  return {
    anomalies: async (period: Period) => anomalyItems(await deps.anomalies.recentEvents(period.range)),
    recommendations: async (asOf: Day) => recommendationItems(await deps.advice.list({ asOf, limit: REPORT_FINDINGS_LIMIT })),
  };
}

/** Open events, largest impact first (ties: the later day first). */
export function anomalyItems(events: AnomalyEvent[]): Items {
  return events
    .filter((e) => e.status === 'open')
    .map(viewOf)
    .sort((a, b) => (a.impact === b.impact ? b.day.localeCompare(a.day) : a.impact < b.impact ? 1 : -1))
    .slice(0, REPORT_FINDINGS_LIMIT)
    .map((x) => {
      const expected = x.feedback.some((f) => f.action === 'expected') ? ' Marked expected.' : '';
      return { title: anomalyTitle(x), detail: `${anomalySummary(x)}.${expected}`, amount: x.impact, currency: x.currency };
    });
}

export function recommendationItems(answer: RecommendationsAnswer): Items {
  return answer.items.map((r) => ({ title: r.title, detail: `${scopeText(r.scope)}: ${savingText(r)}`, amount: r.monthlySaving, currency: r.currency }));
}
