/**
 * Mentions (`@Penny what did EC2 cost last week?`), direct messages and replies in Penny's threads:
 * the `/cost` grammar or a question in people's words. A mention is answered in its thread, where
 * everyone in the channel can see it: the asker chose to ask in public. A direct message is
 * answered in the conversation. A reply in a thread where Penny answered a question refines it
 * ("and the month before?"); other channel messages are left alone.
 */
import type { App } from '@slack/bolt';
import type { CommandResult } from '../../../commands/command-result';
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
  /** Where the answer goes (a mention's thread); none in a DM conversation. */
  threadTs?: string;
  /** The conversation whose previous question a reply refines. */
  context: string;
  /** Only a reply in a thread Penny already answered in (no mention): answered only then. */
  followUpOnly?: boolean;
}

/** A DM conversation is one thread: a reply refines the question before it. */
const DM_CONVERSATION = 'dm';

export function registerQuestions(app: App, deps: ListenerDeps): void {
  const answer = async (q: Question, client: App['client']) => {
    try {
      if (q.eventId && !(await deps.receipts.claim(q.eventId))) return; // already answered (a redelivery)
      await deps.limit(async () => {
        const ctx = { channelId: q.channel, userId: q.user, thread: { channel: q.channel, thread: q.context }, role: () => deps.roles.roleOf(q.user) };
        const text = questionText(q.text);
        const result: CommandResult | undefined = q.followUpOnly ? await deps.router.followUp(text, ctx) : await deps.router.run(text, ctx);
        if (!result) return;
        const reply = await slackReply(result, deps.charts, deps.logger);
        if (result.answer.kind === 'refused') {
          // A refusal is for the asker alone, even when they asked in a channel.
          await client.chat.postEphemeral({ channel: q.channel, user: q.user, text: reply.message.text, blocks: reply.message.blocks, ...(q.threadTs ? { thread_ts: q.threadTs } : {}) });
          return;
        }
        await postReply(client, { channel: q.channel, ...(q.threadTs ? { threadTs: q.threadTs } : {}) }, reply);
      });
    } catch (error) {
      deps.logger.error({ err: error, channel: q.channel }, 'could not answer a question');
      // Without the database even the redelivery guard is down: still tell the person.
      if (isOutage(error)) {
        const where = { channel: q.channel, ...(q.threadTs ? { threadTs: q.threadTs } : {}) };
        await postReply(client, where, { message: errorMessage(TRY_AGAIN_MESSAGE), visibility: 'in_channel' }).catch(() => undefined);
      }
    }
  };

  app.event('app_mention', async ({ event, body, client }) => {
    if (!event.user) return;
    const threadTs = event.thread_ts ?? event.ts;
    await answer({ eventId: body.event_id, channel: event.channel, user: event.user, text: event.text, threadTs, context: threadTs }, client);
  });

  app.event('message', async ({ event, body, client, context }) => {
    // Only people's own new messages: no edits, joins or bot posts (Penny's own included).
    if (event.subtype !== undefined || 'bot_id' in event || !event.user) return;
    const threadTs = 'thread_ts' in event ? event.thread_ts : undefined;
    if (event.channel_type === 'im') {
      await answer({ eventId: body.event_id, channel: event.channel, user: event.user, text: event.text ?? '', ...(threadTs ? { threadTs } : {}), context: threadTs ?? DM_CONVERSATION }, client);
      return;
    }
    // A channel reply that mentions Penny is an app_mention too: answered there, once.
    const mentioned = context.botUserId !== undefined && (event.text ?? '').includes(`<@${context.botUserId}`);
    if (!threadTs || mentioned) return;
    await answer({ eventId: body.event_id, channel: event.channel, user: event.user, text: event.text ?? '', threadTs, context: threadTs, followUpOnly: true }, client);
  });
}
