/**
 * Buttons on the Home tab. Their answers go to the person's direct messages with Penny, since
 * the Home tab has no conversation to answer in; digest settings open the modal.
 */
import type { App, BlockButtonAction } from '@slack/bolt';
import { postReply, slackReply } from '../../deliver';
import { openDigestSettings } from '../views/digest-settings';
import type { ListenerDeps } from '../deps';

export function registerHomeButtons(app: App, deps: ListenerDeps): void {
  app.action<BlockButtonAction>(/^penny_run_/, async ({ ack, action, body, client }) => {
    await ack();
    try {
      if (action.action_id === 'penny_run_digest_settings') {
        await openDigestSettings(client, deps, body.trigger_id, undefined);
        return;
      }
      await deps.limit(async () => {
        const dm = (await client.conversations.open({ users: body.user.id })).channel?.id ?? body.user.id;
        const reply = await slackReply(await deps.router.run(action.value ?? '', { channelId: dm, userId: body.user.id }), deps.charts, deps.logger);
        await postReply(client, { channel: dm }, reply);
      });
    } catch (error) {
      deps.logger.error({ err: error, action: action.action_id }, 'home button failed');
    }
  });
}
