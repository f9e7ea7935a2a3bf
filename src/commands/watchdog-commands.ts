/** The watchdog's `/cost` commands: anomalies, budget, forecast and alerts on/off. */
import type { Watchdog } from '../services/watchdog';
import type { CommandResult } from './command-result';
import type { CommandFilters, CostIntent } from './parse-command';
import { AppError } from '../domain/errors';
import { parsePeriod } from '../domain/period';
import type { LaterFeature } from '../answers/types';

type WatchdogIntent = Extract<CostIntent, { kind: 'anomalies' | 'budget' | 'forecast' | 'alerts' }>;

export async function watchdogCommand(
  watchdog: Watchdog | undefined,
  intent: WatchdogIntent,
  filters: CommandFilters,
  ctx: { channelId: string; userId: string },
  visibility: CommandResult['visibility'],
): Promise<CommandResult> {
  if (!watchdog) return { answer: { kind: 'not-ready', feature: laterFeature(intent) }, visibility: 'ephemeral' };
  const today = watchdog.today();
  switch (intent.kind) {
    case 'anomalies':
      return { answer: await watchdog.anomalies.list(parsePeriod(intent.periodText, today).range, today), visibility };
    case 'forecast':
      return { answer: await watchdog.forecast.monthEnd(today, intent.by), visibility };
    case 'budget': {
      const answer = await watchdog.budgets.status(today);
      answer.actions = [{ id: 'budget-edit', label: 'Create or edit a budget', command: 'budget edit' }];
      if (intent.action === 'edit') return { answer, visibility: 'ephemeral', openBudgetEditor: intent.name ? { name: intent.name } : {} };
      return { answer, visibility };
    }
    case 'alerts':
      if (intent.action !== 'show' && !/^[CGD][A-Z0-9]{2,}$/.test(ctx.channelId)) {
        throw new AppError('QUERY_INVALID', 'Alerts go to Slack channels: turn them on or off with `/cost alerts on` in the channel.');
      }
      if (intent.action === 'on') return { answer: await watchdog.alerts.subscribe(ctx.channelId, { ...filters }, ctx.userId), visibility };
      if (intent.action === 'off') return { answer: await watchdog.alerts.unsubscribe(ctx.channelId), visibility };
      return { answer: await watchdog.alerts.status(ctx.channelId), visibility };
  }
}

function laterFeature(intent: WatchdogIntent): LaterFeature {
  return intent.kind === 'alerts' ? 'anomalies' : intent.kind;
}
