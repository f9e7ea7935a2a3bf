/**
 * One alert message per anomaly or budget threshold: what happened, the chart of the series
 * against its baseline, the drivers, the buttons (Expected · Not expected · Snooze 7 days) and
 * who pressed what. A retracted anomaly keeps its message, struck through and without buttons.
 * The copy for a project's channel names the project and mentions its owner (`alert.owners`).
 */
import type { RenderedChart } from '../../ports/chart-renderer';
import { shortDay } from '../../answers/dates';
import type { AlertAnswer, AlertOwner, AnomalyView } from '../../answers/watchdog';
import { anomalyKindWord, anomalySummary, budgetOutlookText, budgetUseText, crossingText, driverText, feedbackText } from '../../answers/watchdog-phrases';
import { chartBlocks, notes } from './common';
import { actions, button, esc, header, listBlocks, ownerMention, section } from './format';
import { enforceLimits, LIMITS } from './limits';
import type { KnownBlock, SlackMessage } from './types';
import { budgetLineMrkdwn } from './watchdog-messages';

export const ALERT_ACTIONS = { expected: 'penny_alert_expected', unexpected: 'penny_alert_unexpected', snooze: 'penny_alert_snooze' } as const;

const SEVERITY_ICON = { low: ':large_yellow_circle:', medium: ':large_orange_circle:', high: ':red_circle:' } as const;

export function alertMessage(alert: AlertAnswer, chart?: RenderedChart): SlackMessage {
  const message = alert.subject === 'anomaly' ? anomalyAlert(alert.anomaly, chart) : budgetAlert(alert);
  return alert.owners && alert.owners.length > 0 ? addressed(message, alert.owners) : message;
}

/** "For project *data-platform*: <@U1>" under the header, and the mention in the notification text. */
function addressed(message: SlackMessage, owners: readonly AlertOwner[]): SlackMessage {
  const line = ownersLine(owners);
  const [first, ...rest] = message.blocks;
  const blocks = first?.type === 'header' ? [first, section(line), ...rest] : [section(line), ...message.blocks];
  const mentions = [...new Set(owners.map((o) => ownerMention(o.owner)))].join(' ');
  return enforceLimits({ text: `${mentions} ${message.text}`, blocks }, { maxBlocks: LIMITS.messageBlocks });
}

function ownersLine(owners: readonly AlertOwner[]): string {
  if (owners.length === 1) return `:dart: For project *${esc(owners[0]!.project)}*: ${ownerMention(owners[0]!.owner)}`;
  return `:dart: For projects ${owners.map((o) => `*${esc(o.project)}* (${ownerMention(o.owner)})`).join(', ')}`;
}

function anomalyAlert(x: AnomalyView, chart?: RenderedChart): SlackMessage {
  const retracted = x.status === 'retracted';
  const title = `${anomalyKindWord(x.kind)} in ${x.scopeText} · ${shortDay(x.day)}`;
  const blocks: KnownBlock[] = [header(retracted ? `Retracted: ${title}` : title)];
  const summary = `${SEVERITY_ICON[x.severity]} *${x.severity}* · ${esc(anomalySummary(x))}`;
  blocks.push(section(retracted ? `~${summary}~\nThe data for ${shortDay(x.day)} was revised and this is no longer unusual.` : summary));
  if (!retracted) {
    blocks.push(...chartBlocks(chart, x.chart?.title ?? 'Daily usage and expected'));
    if (x.drivers.length > 0) blocks.push(...listBlocks('drivers', 'What moved', x.drivers.map((d) => `• ${esc(driverText(d, x.currency))}`)));
    blocks.push(actions([
      button('Expected', ALERT_ACTIONS.expected, x.id),
      button('Not expected', ALERT_ACTIONS.unexpected, x.id),
      button('Snooze 7 days', ALERT_ACTIONS.snooze, x.id),
    ], 'penny_alert_feedback'));
  }
  blocks.push(...notes([
    ...x.feedback.map((f) => `:bust_in_silhouette: ${feedbackText(f, (u) => `<@${u}>`)}`),
    'Usage only: purchases, credits and fees are not judged. Expected raises this series\' thresholds; Snooze mutes it for 7 days.',
  ]));
  const text = `${retracted ? 'Retracted: ' : ''}${title}: ${anomalySummary(x)}`;
  return enforceLimits({ text, blocks }, { maxBlocks: LIMITS.messageBlocks });
}

function budgetAlert(a: Extract<AlertAnswer, { subject: 'budget' }>): SlackMessage {
  const { budget, crossing } = a;
  const what = crossingText(crossing);
  const blocks: KnownBlock[] = [header(`Budget ${budget.name} ${what}`), section(budgetLineMrkdwn(budget, a.currency))];
  blocks.push(...notes(['See every budget with `/cost budget`.']));
  const text = `Budget ${budget.name} ${what}: ${budgetUseText(budget, a.currency)} · ${budgetOutlookText(budget, a.currency)}`;
  return enforceLimits({ text, blocks }, { maxBlocks: LIMITS.messageBlocks });
}
