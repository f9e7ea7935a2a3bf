/** Forecasts, budgets, anomaly lists and the alert subscription status as Slack messages. */
import type { RenderedChart } from '../../ports/chart-renderer';
import { shortDay } from '../../answers/dates';
import { money } from '../../answers/phrases';
import type { AlertsStatusAnswer, AnomaliesAnswer, BudgetLine, BudgetStatusAnswer, ForecastAnswer } from '../../answers/watchdog';
import {
  accuracySentence, anomalySummary, anomalyTitle, asOfText, budgetOutlookText, budgetPeriodWord, budgetUseText, driverText, estimateText, firedText,
} from '../../answers/watchdog-phrases';
import { lastDay } from '../../domain/days';
import { chartBlocks, notes } from './common';
import { channelMention } from './digest-message';
import { actions, button, esc, fields, header, listBlocks, section } from './format';
import { enforceLimits, LIMITS } from './limits';
import type { KnownBlock, SlackMessage } from './types';

export const BUDGET_EDIT_ACTION = 'penny_budget_edit';

function limited(text: string, blocks: KnownBlock[]): SlackMessage {
  return enforceLimits({ text, blocks }, { maxBlocks: LIMITS.messageBlocks });
}

export function forecastMessage(a: ForecastAnswer, chart?: RenderedChart): SlackMessage {
  const blocks: KnownBlock[] = [header(`Forecast · ${a.month.label}`)];
  blocks.push(fields([
    `*${esc(a.month.label)} forecast*\n${estimateText(a.month, a.currency, a.coverage)}`,
    `*Spent so far*\n${money(a.month.actualToDate, a.currency)}`,
    `*${esc(a.quarter.label)} forecast*\n${estimateText(a.quarter, a.currency, a.coverage)}`,
    `*Quarter so far*\n${money(a.quarter.actualToDate, a.currency)}`,
  ]));
  blocks.push(...chartBlocks(chart, a.chart?.title ?? 'Forecast'));
  if (a.groups?.length) {
    const lines = a.groups.map((g, i) => `${i + 1}. ${esc(g.name)} — *${estimateText(g, a.currency, a.coverage)}* · ${money(g.actualToDate, a.currency)} so far`);
    blocks.push(...listBlocks('forecast_groups', `By ${a.by}, ${esc(a.month.label)}`, lines));
  }
  blocks.push(...notes([
    accuracySentence(a.accuracy),
    a.calibrated ? '' : 'Little history yet: the range is a fixed ±25% of the remaining usage, not calibrated.',
    `Forecast ${asOfText(a.asOf)}.`,
  ]));
  return limited(`${a.month.label} is forecast at ${estimateText(a.month, a.currency, a.coverage)}.`, blocks);
}

export function budgetLineMrkdwn(b: BudgetLine, currency: string): string {
  const fired = firedText(b);
  const period = `${shortDay(b.range.start)}–${shortDay(lastDay(b.range))}`;
  const icon = b.breached ? ':red_circle:' : b.breachDay ? ':large_orange_circle:' : ':large_green_circle:';
  return `${icon} *${esc(b.name)}* · ${esc(b.scopeText)} · ${budgetPeriodWord(b)} (${period})\n${budgetUseText(b, currency)} · ${budgetOutlookText(b, currency)}${fired ? `\n_${fired}_` : ''}`;
}

export function budgetStatusMessage(a: BudgetStatusAnswer): SlackMessage {
  const blocks: KnownBlock[] = [header('Budgets')];
  if (a.note) blocks.push(section(`:white_check_mark: ${esc(a.note)}`));
  if (a.budgets.length === 0) blocks.push(section('No budgets yet. Create one with the button below (admins only).'));
  for (const b of a.budgets) {
    blocks.push({ ...section(budgetLineMrkdwn(b, a.currency)), accessory: button('Edit', `${BUDGET_EDIT_ACTION}_${b.name.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 40)}`, b.name) });
  }
  blocks.push(actions([button('Create or edit a budget', BUDGET_EDIT_ACTION, '', 'primary')], 'penny_budget_actions'));
  blocks.push(...notes([`Spend ${asOfText(a.asOf)}. Only Slack admins and PENNY_ADMINS can change budgets.`]));
  const text = a.budgets.length === 0 ? 'No budgets yet.' : `Budgets: ${a.budgets.map((b) => `${b.name} ${Math.round(b.percent)}%`).join(', ')}`;
  return limited(text, blocks);
}

export function anomaliesMessage(a: AnomaliesAnswer): SlackMessage {
  const blocks: KnownBlock[] = [header(`Anomalies · ${a.rangeLabel}`)];
  if (a.anomalies.length === 0) blocks.push(section(`No anomalies in ${esc(a.rangeLabel)}.`));
  const lines = [...a.anomalies].reverse().map((x, i) => {
    const drivers = x.drivers.slice(0, 3).map((d) => driverText(d, x.currency)).join('; ');
    return `${i + 1}. *${esc(anomalyTitle(x))}* (${x.severity})\n      ${esc(anomalySummary(x))}${drivers ? `\n      drivers: ${esc(drivers)}` : ''}`;
  });
  if (lines.length > 0) blocks.push(...listBlocks('anomalies', `Newest first`, lines));
  blocks.push(...notes(['Usage only: purchases, credits and fees are not judged. Get alerts in a channel with `/cost alerts on`.']));
  return limited(a.anomalies.length === 0 ? `No anomalies in ${a.rangeLabel}.` : `${a.anomalies.length} anomalies in ${a.rangeLabel}.`, blocks);
}

export function alertsStatusMessage(a: AlertsStatusAnswer): SlackMessage {
  const where = channelMention(a.channel);
  const text = a.subscribed
    ? `Alerts are on for ${where}${a.filters.length > 0 ? ` (${a.filters.join(' ')})` : ''}: one message per anomaly or budget threshold.`
    : `Alerts are off for ${where}.`;
  const hint = a.subscribed ? 'Turn them off with `/cost alerts off`.' : 'Turn them on with `/cost alerts on`, optionally with filters like `provider:aws service:ec2`.';
  return limited(text, [section(`${a.subscribed ? ':bell:' : ':no_bell:'} ${esc(text)}`), ...notes([hint])]);
}
