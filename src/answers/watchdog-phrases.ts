/**
 * The watchdog's words, shared by every face: forecast and accuracy sentences, budget lines,
 * anomaly headlines and drivers, feedback notes. Plain text; faces add their own emphasis.
 */
import type { AnomalyKind } from '../domain/anomaly/anomaly-types';
import type { ThresholdKind } from '../domain/budget/budget-status';
import { addDays, type Day } from '../domain/days';
import { shortDay } from './dates';
import { money, signedMoney } from './phrases';
import type { AnomalyDriver, AnomalyView, BudgetLine, FeedbackNote, ForecastAccuracy, PeriodEstimate } from './watchdog';

const KIND_WORDS: Record<AnomalyKind, string> = {
  spike: 'Spike',
  'level-shift': 'Level shift',
  ramp: 'Slow ramp',
  new: 'New spend',
};

export function anomalyKindWord(kind: AnomalyKind): string {
  return KIND_WORDS[kind];
}

/** "$12,345.67 (80% range $11,900.00 – $12,800.00)". */
export function estimateText(e: PeriodEstimate, currency: string, coverage: number): string {
  const range = e.low === e.high ? '' : ` (${Math.round(coverage * 100)}% range ${money(e.low, currency)} – ${money(e.high, currency)})`;
  return `${money(e.forecast, currency)}${range}`;
}

/** "Forecasts like this one were within ±4.1% in 4 of 5 cases over the last 3 months." */
export function accuracySentence(a: ForecastAccuracy | undefined): string {
  if (!a) return 'Not enough complete months of history yet to say how accurate forecasts have been.';
  const pct = a.within80Pct < 0.1 ? '<0.1' : a.within80Pct.toFixed(1);
  return `Month-end forecasts like this one were within ±${pct}% in 4 of 5 cases over the last ${a.months} ${a.months === 1 ? 'month' : 'months'} (${a.forecasts} backtested forecasts).`;
}

/** "as of Mar 16 (data through Mar 15)". */
export function asOfText(asOf: Day): string {
  return `from data through ${shortDay(addDays(asOf, -1), asOf)}`;
}

/** "$400.00 of $700.00 (57%)". */
export function budgetUseText(b: BudgetLine, currency: string): string {
  const pct = Number.isFinite(b.percent) ? ` (${Math.round(b.percent)}%)` : '';
  return `${money(b.actual, currency)} of ${money(b.amount, currency)}${pct}`;
}

/** "forecast $720.00 · runs out Mar 30" / "exceeded on Mar 25" / "on track". */
export function budgetOutlookText(b: BudgetLine, currency: string): string {
  if (b.unmatched) return 'no costs match this scope yet';
  const parts: string[] = [];
  if (b.forecast !== undefined) parts.push(`forecast ${money(b.forecast, currency)}`);
  if (b.breached) parts.push(b.breachDay ? `exceeded on ${shortDay(b.breachDay)}` : 'exceeded');
  else if (b.breachDay) parts.push(`projected to run out ${shortDay(b.breachDay)}`);
  else parts.push('on track');
  return parts.join(' · ');
}

/** "has used 80% of its budget" / "is forecast to reach 100% of its budget". */
export function crossingText(crossing: { kind: ThresholdKind; threshold: number }): string {
  return crossing.kind === 'actual' ? `has used ${crossing.threshold}% of its budget` : `is forecast to reach ${crossing.threshold}% of its budget`;
}

export function budgetPeriodWord(b: BudgetLine): string {
  return b.period === 'month' ? 'monthly' : b.period === 'quarter' ? 'quarterly' : 'yearly';
}

export function firedText(b: BudgetLine): string {
  if (b.fired.length === 0) return '';
  return `alerted at ${b.fired.map((f) => `${f.threshold}%${f.kind === 'forecast' ? ' (forecast)' : ''}`).join(', ')}`;
}

/** "+$934.00 (+311%)" or "+$934.00 (new)". */
export function impactText(x: Pick<AnomalyView, 'impact' | 'deviationPct' | 'currency'>): string {
  const pct = x.deviationPct === null ? 'new' : `${x.deviationPct >= 0 ? '+' : ''}${Math.round(x.deviationPct)}%`;
  return `${signedMoney(x.impact, x.currency)} (${pct})`;
}

/** "Spike · AWS · Amazon EC2 · Mar 14". */
export function anomalyTitle(x: AnomalyView): string {
  return `${anomalyKindWord(x.kind)} · ${x.scopeText} · ${shortDay(x.day)}`;
}

/** "$1,234.00 against $300.00 expected: +$934.00 (+311%), since Mar 12". */
export function anomalySummary(x: AnomalyView): string {
  const since = x.startDay !== x.day ? `, since ${shortDay(x.startDay)}` : '';
  return `${money(x.actual, x.currency)} against ${money(x.expected, x.currency)} expected: ${impactText(x)}${since}`;
}

/** "Amazon EC2 (service) +$800.00". */
export function driverText(d: AnomalyDriver, currency: string): string {
  return `${d.label} (${d.dimension}) ${signedMoney(d.impact, currency)}`;
}

const FEEDBACK_WORDS: Record<FeedbackNote['action'], string> = {
  expected: 'marked this expected',
  unexpected: 'marked this not expected',
  snooze: 'snoozed this series',
};

/** "<@U1> marked this expected"; `mention` renders the user (Slack: <@U1>). */
export function feedbackText(f: FeedbackNote, mention: (user: string) => string = (u) => u): string {
  const until = f.action === 'snooze' && f.until ? ` until ${shortDay(f.until)}` : '';
  return `${mention(f.user)} ${FEEDBACK_WORDS[f.action]}${until}`;
}
