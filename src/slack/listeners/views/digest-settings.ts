/**
 * The digest settings modal: opened by `/cost digest settings` or the Home tab button, validated
 * on submit (errors shown in the modal), saved, and confirmed to the person.
 */
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { userMessage } from '../../../domain/errors';
import { nextRun } from '../../../services/digest-schedule';
import { digestSettingsModal, validateDigestSettings } from '../../blocks';
import type { ListenerDeps } from '../deps';

export const DIGEST_SETTINGS_CALLBACK = 'penny_digest_settings';

export async function openDigestSettings(client: WebClient, deps: ListenerDeps, triggerId: string, channelId: string | undefined): Promise<void> {
  const current = channelId ? await deps.digests.get(channelId) : null;
  await client.views.open({
    trigger_id: triggerId,
    view: digestSettingsModal({
      channel: channelId ?? '',
      time: current?.time ?? deps.defaultDigestTime,
      timeZone: current?.timeZone ?? deps.defaultTimeZone,
      providers: current?.providers ?? [],
    }),
  });
}

export function registerDigestSettings(app: App, deps: ListenerDeps): void {
  app.view(DIGEST_SETTINGS_CALLBACK, async ({ ack, view, body, client }) => {
    const result = validateDigestSettings(view.state.values);
    const channel = view.private_metadata || result.channel;
    if (!result.ok || !channel) {
      await ack({ response_action: 'errors', errors: result.ok ? { channel: 'Pick the channel that gets the digest.' } : result.errors });
      return;
    }
    await ack();
    try {
      const sub = { channel, time: result.time, timeZone: result.timeZone, providers: result.providers, enabled: true, createdBy: body.user.id, updatedAt: deps.clock.now() };
      await deps.digests.upsert(sub);
      const next = nextRun(sub, deps.clock.now());
      await client.chat.postEphemeral({
        channel,
        user: body.user.id,
        text: `Daily cost digest for <#${channel}> set to ${result.time} ${result.timeZone}. Next one: ${next.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
      });
    } catch (error) {
      deps.logger.error({ err: error, channel }, 'could not save digest settings');
      await client.chat.postEphemeral({ channel, user: body.user.id, text: `The digest settings were not saved. ${userMessage(error)}` }).catch(() => undefined);
    }
  });
}
