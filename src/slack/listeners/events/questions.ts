/**
 * Mentions (`@Penny top service last week`) and direct messages to Penny take the same text as
 * `/cost`. A mention is answered in its thread, where everyone in the channel can see it: the
 * asker chose to ask in public. A direct message is answered in the conversation.
 */
import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps';
import { isOutage, TRY_AGAIN_MESSAGE } from '../../../domain/errors';
import { errorMessage } from '../../blocks';
import { postReply, slackReply } from '../../deliver';

/** Drops the leading mention(s) and an optional `/cost` or `cost` the person typed out of habit. */
export function questionText(text: string): string {
  return text
    .replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, ' ')
    .trim()
    .replace(/^\/?cost\b/i, '')
    .trim();
}

interface Question {
  eventId: string | undefined;
  channel: string;
  user: string;
  text: string;
  threadTs?: string;
}

export function registerQuestions(app: App, deps: ListenerDeps): void {
  const answer = async (q: Question, client: App['client']) => {
    try {
      if (q.eventId && !(await deps.receipts.claim(q.eventId))) return; // already answered (a redelivery)
      await deps.limit(async () => {
        const result = await deps.router.run(questionText(q.text), { channelId: q.channel, userId: q.user, role: () => deps.roles.roleOf(q.user) });
        const reply = await slackReply(result, deps.charts, deps.logger);
        if (result.answer.kind === 'refused') {
          // A refusal is for the asker alone, even when they asked in a channel.
          await client.chat.postEphemeral({ channel: q.channel, user: q.user, text: reply.message.text, blocks: reply.message.blocks, ...(q.threadTs ? { thread_ts: q.threadTs } : {}) });
          return;
        }
        await postReply(client, { channel: q.channel, ...(q.threadTs ? { threadTs: q.threadTs } : {}) }, reply);
      });
    } catch (error) {
      deps.logger.error({ err: error, channel: q.channel, text: q.text }, 'could not answer a question');
      // Without the database even the redelivery guard is down: still tell the person.
      if (isOutage(error)) {
        const where = { channel: q.channel, ...(q.threadTs ? { threadTs: q.threadTs } : {}) };
        await postReply(client, where, { message: errorMessage(TRY_AGAIN_MESSAGE), visibility: 'in_channel' }).catch(() => undefined);
      }
    }
  };

  app.event('app_mention', async ({ event, body, client }) => {
    if (!event.user) return;
    await answer({ eventId: body.event_id, channel: event.channel, user: event.user, text: event.text, threadTs: event.thread_ts ?? event.ts }, client);
  });

  app.event('message', async ({ event, body, client }) => {
    // Only people's own new messages in Penny's DMs: no edits, joins or bot posts (Penny's own included).
    if (event.channel_type !== 'im' || event.subtype !== undefined || 'bot_id' in event) return;
    await answer({ eventId: body.event_id, channel: event.channel, user: event.user, text: event.text ?? '' }, client);
  });
}
