/**
 * Anomaly and budget alerts as email: a subject, a plain-text part and an HTML part with the same
 * facts as the Slack message, in the digest email's look. Pure; amounts are exact until shown.
 */
import { shortDay, weekdayDay } from '../answers/dates';
import { money } from '../answers/phrases';
import type { AlertAnswer, AnomalyView, BudgetLine } from '../answers/watchdog';
import {
  anomalyKindWord, anomalySummary, budgetOutlookText, budgetPeriodWord, budgetUseText, crossingText, driverText, firedText, impactText,
} from '../answers/watchdog-phrases';
import { lastDay } from '../domain/days';
import { factsTable, footnote, heading, listSection, page, paragraph, type EmailContent } from './email-html';

export function alertEmail(alert: AlertAnswer): EmailContent {
  return alert.subject === 'anomaly' ? anomalyEmail(alert.anomaly) : budgetEmail(alert.budget, alert.crossing, alert.currency);
}

const ANOMALY_NOTE = 'Usage only: purchases, credits and fees are not judged. Mark it expected, or snooze the series, from the alert in Slack.';

function anomalyEmail(x: AnomalyView): EmailContent {
  const title = `${anomalyKindWord(x.kind)} in ${x.scopeText} on ${shortDay(x.day)}`;
  const facts: [string, string][] = [
    ['Day', weekdayDay(x.day)],
    ...(x.startDay !== x.day ? [['Since', weekdayDay(x.startDay)] as [string, string]] : []),
    ['Actual', money(x.actual, x.currency)],
    ['Expected', money(x.expected, x.currency)],
    ['Difference', impactText(x)],
    ['Severity', x.severity],
  ];
  const drivers = x.drivers.map((d) => driverText(d, x.currency));
  return render({
    subject: `Penny: ${title}: ${impactText(x)}`, kind: 'anomaly alert', title, intro: anomalySummary(x), facts,
    list: { title: 'What moved', items: drivers }, note: ANOMALY_NOTE,
  });
}

function budgetEmail(b: BudgetLine, crossing: { kind: 'actual' | 'forecast'; threshold: number }, currency: string): EmailContent {
  const title = `Budget ${b.name} ${crossingText(crossing)}`;
  const facts: [string, string][] = [
    ['Scope', b.scopeText],
    ['Period', `${budgetPeriodWord(b)}, ${shortDay(b.range.start)} – ${shortDay(lastDay(b.range))}`],
    ['Budget', money(b.amount, currency)],
    ['Spent so far', budgetUseText(b, currency)],
    ['Outlook', budgetOutlookText(b, currency)],
  ];
  const fired = firedText(b);
  if (fired) facts.push(['Alerts', fired]);
  return render({ subject: `Penny: ${title}`, kind: 'budget alert', title, intro: `${title}.`, facts, note: 'See every budget with /cost budget in Slack.' });
}

interface Parts {
  subject: string;
  kind: string;
  title: string;
  intro: string;
  facts: [string, string][];
  list?: { title: string; items: string[] };
  note: string;
}

function render(p: Parts): EmailContent {
  const list = p.list && p.list.items.length > 0 ? ['', `${p.list.title}:`, ...p.list.items.map((i) => `- ${i}`)] : [];
  const text = [`Penny · ${p.kind} · ${p.title}`, '', p.intro, '', ...p.facts.map(([k, v]) => `${k}: ${v}`), ...list, '', p.note].join('\n');
  const html = page([heading(p.title), paragraph(p.intro), factsTable(p.facts), p.list ? listSection(p.list.title, p.list.items) : '', footnote(p.note)]);
  return { subject: p.subject, text, html };
}
