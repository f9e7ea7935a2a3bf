/**
 * The buttons on an alert (Expected · Not expected · Snooze 7 days): the feedback is recorded by
 * the service (who pressed what, and the series tuned), then every message of the alert is
 * re-rendered to show it (each with its channel's project owners).
 */
import type { App, BlockButtonAction } from '@slack/bolt';
import { withOwners, type FeedbackAction } from '../../../answers/watchdog';
import { ALERT_ACTIONS } from '../../blocks';
import { SlackNotifier } from '../../slack-notifier';
import type { ListenerDeps } from '../deps';

const ACTIONS: Record<string, FeedbackAction> = {
  [ALERT_ACTIONS.expected]: 'expected',
  [ALERT_ACTIONS.unexpected]: 'unexpected',
  [ALERT_ACTIONS.snooze]: 'snooze',
};

export function registerAlertFeedback(app: App, deps: ListenerDeps): void {
  app.action<BlockButtonAction>(/^penny_alert_(expected|unexpected|snooze)$/, async ({ ack, action, body, client, respond }) => {
    await ack();
    const watchdog = deps.watchdog;
    const feedback = ACTIONS[action.action_id];
    if (!watchdog || !feedback) return;
    try {
      const result = await watchdog.alerts.feedback(action.value ?? '', body.user.id, feedback);
      if (!result) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: 'That alert is no longer on record.' });
        return;
      }
      const notifier = new SlackNotifier({ client, charts: deps.charts, logger: deps.logger });
      const messages = result.messages.filter((m) => m.ts).map((m) => ({ channel: m.channel, ts: m.ts! }));
      const pressed = body.container?.message_ts && body.channel?.id ? { channel: body.channel.id, ts: String(body.container.message_ts) } : undefined;
      if (pressed && !messages.some((m) => m.channel === pressed.channel && m.ts === pressed.ts)) messages.push(pressed);
      // A project channel's copy keeps its owner mention.
      const owners = await watchdog.alerts.ownersByChannel(result.alert);
      for (const m of messages) await notifier.updateAlert(m.channel, m.ts, withOwners(result.alert, owners.get(m.channel)));
    } catch (error) {
      deps.logger.error({ err: error, action: action.action_id }, 'alert feedback failed');
      await respond({ response_type: 'ephemeral', replace_original: false, text: 'Penny could not record that. Please try again in a minute.' }).catch(() => undefined);
    }
  });
}
