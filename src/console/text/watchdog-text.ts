/** Forecasts, budgets, anomalies, alerts and alert subscriptions as terminal text. Pure. */
import { shortDay } from '../../answers/dates';
import { lastDay } from '../../domain/days';
import { money } from '../../answers/phrases';
import type { AlertAnswer, AlertsStatusAnswer, AnomaliesAnswer, AnomalyView, BudgetLine, BudgetStatusAnswer, ForecastAnswer, WatchdogSummary } from '../../answers/watchdog';
import {
  accuracySentence, anomalySummary, anomalyTitle, asOfText, budgetOutlookText, budgetPeriodWord, budgetUseText, driverText, estimateText, feedbackText, firedText,
} from '../../answers/watchdog-phrases';
import { facts, list, notes, sections, title } from './layout';

export function forecastText(a: ForecastAnswer): string {
  const groups = a.groups?.length
    ? list(`By ${a.by}, ${a.month.label}`, a.groups.map((g, i) => `${i + 1}. ${g.name} — ${estimateText(g, a.currency, a.coverage)} · ${money(g.actualToDate, a.currency)} so far`))
    : '';
  return sections([
    title(`Forecast · ${a.month.label}`),
    facts([
      [`${a.month.label} forecast`, estimateText(a.month, a.currency, a.coverage)],
      ['Spent so far', money(a.month.actualToDate, a.currency)],
      [`${a.quarter.label} forecast`, estimateText(a.quarter, a.currency, a.coverage)],
      ['Quarter so far', money(a.quarter.actualToDate, a.currency)],
    ]),
    groups,
    notes([
      accuracySentence(a.accuracy),
      a.calibrated ? '' : 'Little history yet: the range is a fixed ±25% of the remaining usage, not calibrated.',
      `Forecast ${asOfText(a.asOf)}.`,
    ]),
  ]);
}

function budgetLineText(b: BudgetLine, currency: string): string {
  const fired = firedText(b);
  return `• ${b.name} (${b.scopeText}, ${budgetPeriodWord(b)}, ${shortDay(b.range.start)}–${shortDay(lastDay(b.range))}): ${budgetUseText(b, currency)} · ${budgetOutlookText(b, currency)}${fired ? ` · ${fired}` : ''}`;
}

export function budgetStatusText(a: BudgetStatusAnswer): string {
  const body = a.budgets.length === 0
    ? 'No budgets yet. Set one with `penny budget set NAME --amount N` or `/cost budget` in Slack.'
    : a.budgets.map((b) => budgetLineText(b, a.currency)).join('\n');
  return sections([title('Budgets'), a.note ?? '', body, notes([`Spend ${asOfText(a.asOf)}.`])]);
}

function anomalyText(x: AnomalyView): string {
  const drivers = x.drivers.length > 0 ? `\n    drivers: ${x.drivers.map((d) => driverText(d, x.currency)).join('; ')}` : '';
  const retracted = x.status === 'retracted' ? ' [retracted after the data was revised]' : '';
  const feedback = x.feedback.length > 0 ? `\n    ${x.feedback.map((f) => feedbackText(f)).join('; ')}` : '';
  return `• ${anomalyTitle(x)} [${x.severity}]${retracted}\n    ${anomalySummary(x)}${drivers}${feedback}`;
}

export function anomaliesText(a: AnomaliesAnswer): string {
  const body = a.anomalies.length === 0 ? `No anomalies in ${a.rangeLabel}.` : list(`Anomalies, ${a.rangeLabel}`, a.anomalies.map(anomalyText));
  return sections([title('Anomalies'), body]);
}

export function alertText(a: AlertAnswer): string {
  if (a.subject === 'anomaly') return sections([title(`Anomaly · ${a.anomaly.scopeText}`), anomalyText(a.anomaly)]);
  const { budget, crossing } = a;
  const what = crossing.kind === 'actual' ? `has used ${crossing.threshold}% of its budget` : `is forecast to reach ${crossing.threshold}% of its budget`;
  return sections([title(`Budget ${budget.name} ${what}`), budgetLineText(budget, a.currency)]);
}

export function alertsStatusText(a: AlertsStatusAnswer): string {
  if (!a.subscribed) return 'Alerts are off here. Turn them on with `/cost alerts on [provider:aws …]`.';
  return `Alerts are on here${a.filters.length > 0 ? ` for ${a.filters.join(' ')}` : ''}: anomalies and budget thresholds, one message each. Turn them off with \`/cost alerts off\`.`;
}

/** The watchdog's part of the Home dashboard and the digest. */
export function watchdogSummaryText(w: WatchdogSummary | undefined): string {
  if (!w) return '';
  const forecast = w.forecast ? `Forecast ${w.forecast.month.label}: ${estimateText(w.forecast.month, w.currency, w.forecast.coverage)} · ${money(w.forecast.month.actualToDate, w.currency)} so far` : '';
  const budgets = w.budgets.length > 0 ? list('Forecast against budgets', w.budgets.map((b) => `• ${b.name} (${b.scopeText}): ${budgetUseText(b, w.currency)} · ${budgetOutlookText(b, w.currency)}`)) : 'No budgets yet.';
  const anomalies = w.anomalies.length > 0
    ? list('Recent anomalies', w.anomalies.map((x) => `• ${anomalyTitle(x)} · ${anomalySummary(x)}`), w.moreAnomalies > 0 ? `…and ${w.moreAnomalies} more` : undefined)
    : 'No open anomalies in the last 7 days.';
  return sections([forecast, budgets, anomalies]);
}
