/** `/cost …`: ack at once, answer through response_url when the work is done. */
import type { App } from '@slack/bolt';
import { errorMessage } from '../../blocks';
import { deliverReply, slackReply } from '../../deliver';
import { openDigestSettings } from '../views/digest-settings';
import { openBudgetModal } from '../views/budget-modal';
import type { ListenerDeps } from '../deps';

export function registerCostCommand(app: App, deps: ListenerDeps): void {
  app.command('/cost', async ({ command, ack, respond, client }) => {
    await ack();
    const ctx = { channelId: command.channel_id, userId: command.user_id, role: () => deps.roles.roleOf(command.user_id) };
    try {
      await deps.limit(async () => {
        const result = await deps.router.run(command.text ?? '', ctx);
        if (result.openDigestSettings) await openDigestSettings(client, deps, command.trigger_id, command.channel_id);
        if (result.openBudgetEditor) await openBudgetModal(client, deps, { triggerId: command.trigger_id, ...ctx, name: result.openBudgetEditor.name });
        await deliverReply(await slackReply(result, deps.charts, deps.logger), { ...ctx, respond, client, logger: deps.logger });
      });
    } catch (error) {
      deps.logger.error({ err: error, text: command.text }, 'could not deliver a /cost answer');
      await respond({ response_type: 'ephemeral', ...errorMessage('Penny could not send that answer. Please try again in a minute.') }).catch(() => undefined);
    }
  });
}
