/** Drill-down buttons carry a command in their value; the answer replaces the message in place. */
import type { App, BlockButtonAction } from '@slack/bolt';
import { errorMessage } from '../../blocks';
import { deliverReply, slackReply } from '../../deliver';
import type { ListenerDeps } from '../deps';

export function registerDrillDown(app: App, deps: ListenerDeps): void {
  app.action<BlockButtonAction>(/^penny_drill_/, async ({ ack, action, body, respond, client }) => {
    await ack();
    const ctx = { channelId: body.channel?.id ?? body.user.id, userId: body.user.id };
    try {
      await deps.limit(async () => {
        const reply = await slackReply(await deps.router.run(action.value ?? '', ctx), deps.charts, deps.logger);
        await deliverReply(reply, { ...ctx, respond, client, logger: deps.logger, replace: true });
      });
    } catch (error) {
      deps.logger.error({ err: error, value: action.value }, 'drill-down failed');
      await respond({ response_type: 'ephemeral', replace_original: false, ...errorMessage('Penny could not update that answer. Please try again in a minute.') }).catch(() => undefined);
    }
  });
}
