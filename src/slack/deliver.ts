/**
 * Delivers a command's answer in Slack: the chart is rendered, the answer built into Block Kit,
 * the message sent through `respond` (ephemeral unless "public"), and any chart PNG or report
 * file through files.uploadV2. Ephemeral messages cannot carry files, so private answers get
 * their files in the person's direct messages with Penny.
 */
import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { CommandResult } from '../commands/command-result';
import type { ChartRenderer, RenderedChart } from '../ports/chart-renderer';
import type { Logger } from '../ports/logger';
import { answerMessage, type SlackMessage } from './blocks';

/** A command's answer as Slack will show it: the message, plus a chart PNG or report file to upload. */
export interface Reply {
  message: SlackMessage;
  visibility: CommandResult['visibility'];
  png?: { filename: string; data: Buffer; title: string };
  file?: { filename: string; content: string; title: string; filetype: 'csv' | 'json' };
}

/** Renders the answer's chart (a failed chart is left out: the numbers still go out) and builds the message. */
export async function slackReply(result: CommandResult, charts: ChartRenderer, logger: Logger): Promise<Reply> {
  const { answer } = result;
  let chart: RenderedChart | undefined;
  if ('chart' in answer && answer.chart) {
    chart = await charts.render(answer.chart).catch((error: unknown) => {
      logger.warn({ err: error }, 'chart rendering failed');
      return undefined;
    });
  }
  const reply: Reply = { message: answerMessage(answer, chart), visibility: result.visibility };
  if (chart?.type === 'png') reply.png = { filename: chart.filename, data: chart.png, title: chart.altText.slice(0, 250) };
  if (answer.kind === 'report') reply.file = { filename: answer.filename, content: answer.content, title: answer.title, filetype: answer.format };
  return reply;
}

export interface DeliveryTarget {
  channelId: string;
  userId: string;
  respond: RespondFn;
  client: WebClient;
  logger: Logger;
  /** Replace the message a button was pressed on, instead of answering anew. */
  replace?: boolean;
}

export async function deliverReply(reply: Reply, t: DeliveryTarget): Promise<void> {
  const upload = reply.png ?? reply.file;
  const blocks = [...reply.message.blocks];
  let fileChannel: string | undefined;
  if (upload) {
    fileChannel = reply.visibility === 'in_channel' ? t.channelId : await dmChannel(t);
    if (reply.visibility === 'ephemeral') {
      blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `:paperclip: ${reply.png ? 'The chart is' : 'The file is'} in your direct messages with Penny.` }] });
    }
  }
  await t.respond({
    text: reply.message.text,
    blocks,
    ...(t.replace ? { replace_original: true } : { response_type: reply.visibility }),
  });
  if (!upload || !fileChannel) return;
  try {
    await uploadTo(t, fileChannel, reply);
  } catch (error) {
    if (fileChannel === t.channelId && /not_in_channel|channel_not_found/.test(String((error as { data?: { error?: string } }).data?.error))) {
      // Penny is not in this channel: the file still reaches the person who asked.
      t.logger.info({ channel: t.channelId }, 'not in channel; sending the file by DM');
      await uploadTo(t, await dmChannel(t), reply);
      return;
    }
    throw error;
  }
}

async function uploadTo(t: DeliveryTarget, channel: string, reply: Reply): Promise<void> {
  if (reply.png) {
    await t.client.files.uploadV2({ channel_id: channel, file: reply.png.data, filename: reply.png.filename, title: reply.png.title });
  } else if (reply.file) {
    await t.client.files.uploadV2({ channel_id: channel, content: reply.file.content, filename: reply.file.filename, title: reply.file.title, initial_comment: reply.message.text });
  }
}

async function dmChannel(t: DeliveryTarget): Promise<string> {
  const opened = await t.client.conversations.open({ users: t.userId });
  const id = opened.channel?.id;
  if (!id) throw new Error('conversations.open returned no channel');
  return id;
}

/**
 * Posts a Reply as a new message (mentions, direct messages, Home buttons): there is no
 * response_url there, so the message and any file go through the Web API, in the thread if given.
 */
export async function postReply(client: WebClient, where: { channel: string; threadTs?: string }, reply: Reply): Promise<void> {
  const thread = where.threadTs ? { thread_ts: where.threadTs } : {};
  await client.chat.postMessage({ channel: where.channel, text: reply.message.text, blocks: reply.message.blocks, ...thread });
  if (reply.png) {
    await client.files.uploadV2({ channel_id: where.channel, file: reply.png.data, filename: reply.png.filename, title: reply.png.title, ...thread });
  } else if (reply.file) {
    await client.files.uploadV2({ channel_id: where.channel, content: reply.file.content, filename: reply.file.filename, title: reply.file.title, ...thread });
  }
}
