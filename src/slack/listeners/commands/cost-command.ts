/** `/cost …`: ack at once, answer through response_url when the work is done. */
import type { App } from '@slack/bolt';
import { errorMessage } from '../../blocks';
import { deliverReply, slackReply } from '../../deliver';
import { openDigestSettings } from '../views/digest-settings';
import { openBudgetModal } from '../views/budget-modal';
import type { ListenerDeps } from '../deps';
import { runSyncInSlack } from '../../sync-runner';

export function registerCostCommand(app: App, deps: ListenerDeps): void {
  app.command('/cost', async ({ command, ack, respond, client }) => {
    await ack();
    const ctx = { channelId: command.channel_id, userId: command.user_id, role: () => deps.roles.roleOf(command.user_id) };
    try {
      await deps.limit(async () => {
        const result = await deps.router.run(command.text ?? '', ctx);
        if (result.openDigestSettings) await openDigestSettings(client, deps, command.trigger_id, command.channel_id);
        if (result.openBudgetEditor) await openBudgetModal(client, deps, { triggerId: command.trigger_id, ...ctx, name: result.openBudgetEditor.name });
        if (result.startSync && deps.cloudSync && result.answer.kind === 'sync-progress') {
          // Outside the answer limiter: a backfill takes minutes, and other answers must not wait for it.
          void runSyncInSlack(client, { sync: deps.cloudSync, logger: deps.logger }, { channel: command.channel_id }, result.answer).catch((error: unknown) => {
            deps.logger.error({ err: error }, 'could not run a sync from Slack');
          });
          await respond({ response_type: 'ephemeral', text: 'Sync started: Penny posts its progress in this channel.' });
          return;
        }
        await deliverReply(await slackReply(result, deps.charts, deps.logger), { ...ctx, respond, client, logger: deps.logger });
      });
    } catch (error) {
      deps.logger.error({ err: error, text: command.text }, 'could not deliver a /cost answer');
      await respond({ response_type: 'ephemeral', ...errorMessage('Penny could not send that answer. Please try again in a minute.') }).catch(() => undefined);
    }
  });
}
