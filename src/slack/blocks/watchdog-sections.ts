/** The watchdog's part of the App Home and the daily digest: forecast, budgets, open anomalies. */
import { money } from '../../answers/phrases';
import type { FollowUp } from '../../answers/types';
import type { WatchdogSummary } from '../../answers/watchdog';
import { accuracySentence, anomalyTitle, budgetOutlookText, budgetUseText, estimateText, impactText } from '../../answers/watchdog-phrases';
import { notes } from './common';
import { followUpActions } from './commands';
import { divider, esc, listBlocks, section } from './format';
import type { KnownBlock } from './types';

const HOME_WATCHDOG_ACTIONS: FollowUp[] = [
  { id: 'forecast', label: 'Forecast by service', command: 'forecast by service' },
  { id: 'budgets', label: 'Budgets', command: 'budget' },
  { id: 'anomalies', label: 'Anomalies, 30 days', command: 'anomalies 30d' },
  { id: 'budget-edit', label: 'Create or edit a budget', command: '' },
];

function forecastLine(w: WatchdogSummary): string {
  const f = w.forecast;
  return f ? `*Forecast · ${esc(f.month.label)}*\n${estimateText(f.month, w.currency, f.coverage)} · ${money(f.month.actualToDate, w.currency)} so far` : '';
}

function anomalyLines(w: WatchdogSummary): string[] {
  return w.anomalies.map((x) => `• ${esc(anomalyTitle(x))} · ${esc(impactText(x))} (${x.severity})`);
}

export function homeWatchdogBlocks(w: WatchdogSummary | undefined): KnownBlock[] {
  if (!w) return [];
  const blocks: KnownBlock[] = [divider()];
  const forecast = forecastLine(w);
  if (forecast) blocks.push(section(forecast), ...notes([accuracySentence(w.forecast?.accuracy)]));
  const budgets = w.budgets.map((b) => `• *${esc(b.name)}* (${esc(b.scopeText)}): ${budgetUseText(b, w.currency)} · ${budgetOutlookText(b, w.currency)}`);
  blocks.push(...(budgets.length > 0 ? listBlocks('budgets', 'Forecast against budgets', budgets) : notes(['No budgets yet: an admin can create one with the button below or `/cost budget`.'])));
  const anomalies = anomalyLines(w);
  blocks.push(...(anomalies.length > 0 ? listBlocks('anomalies', 'Recent anomalies', anomalies, w.moreAnomalies > 0 ? `…and ${w.moreAnomalies} more` : undefined) : notes(['No open anomalies in the last 7 days.'])));
  const buttons = followUpActions(HOME_WATCHDOG_ACTIONS, 'penny_home_watchdog', 'run');
  if (buttons) blocks.push(buttons);
  return blocks;
}

/** Two short lines for the digest: open anomalies and the month-end forecast. */
export function digestWatchdogBlocks(w: WatchdogSummary | undefined): KnownBlock[] {
  if (!w) return [];
  const lines: string[] = [];
  if (w.forecast) lines.push(`:crystal_ball: *Forecast ${esc(w.forecast.month.label)}:* ${estimateText(w.forecast.month, w.currency, w.forecast.coverage)}`);
  const open = w.anomalies.length + w.moreAnomalies;
  lines.push(open === 0 ? ':white_check_mark: No open anomalies.' : `:rotating_light: *${open} open ${open === 1 ? 'anomaly' : 'anomalies'}:* ${w.anomalies.slice(0, 3).map((x) => `${esc(anomalyTitle(x))} (${esc(impactText(x))})`).join('; ')}`);
  return [section(lines.join('\n'))];
}
