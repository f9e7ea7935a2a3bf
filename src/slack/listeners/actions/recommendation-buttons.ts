/**
 * Dismiss, Snooze and Reopen replace the list they sit on with the list after the decision;
 * Show evidence answers beside it. Each button's value is the `/cost` command it runs.
 */
import type { App, BlockButtonAction } from '@slack/bolt';
import { errorMessage, REC_ACTION_IDS } from '../../blocks';
import { deliverReply, slackReply } from '../../deliver';
import type { ListenerDeps } from '../deps';

export function registerRecommendationButtons(app: App, deps: ListenerDeps): void {
  app.action<BlockButtonAction>(/^penny_rec_/, async ({ ack, action, body, respond, client }) => {
    await ack();
    const ctx = { channelId: body.channel?.id ?? body.user.id, userId: body.user.id };
    try {
      await deps.limit(async () => {
        const reply = await slackReply(await deps.router.run(action.value ?? '', ctx), deps.charts, deps.logger);
        await deliverReply({ ...reply, visibility: 'ephemeral' }, { ...ctx, respond, client, logger: deps.logger, replace: action.action_id !== REC_ACTION_IDS.evidence });
      });
    } catch (error) {
      deps.logger.error({ err: error, value: action.value }, 'recommendation button failed');
      await respond({ response_type: 'ephemeral', replace_original: false, ...errorMessage('Penny could not do that just now. Please try again in a minute.') }).catch(() => undefined);
    }
  });
}
