/** The Notifier port in Slack: renders pushed answers to Block Kit and posts them. */
import type { WebClient } from '@slack/web-api';
import type { RecommendationsAnswer } from '../answers/advice';
import type { DigestAnswer } from '../answers/types';
import type { AdviceNotifier } from '../ports/advice-notifier';
import type { ChartRenderer } from '../ports/chart-renderer';
import type { Logger } from '../ports/logger';
import type { Notifier } from '../ports/notifier';
import { digestMessage, weeklyRecommendationsMessage } from './blocks';

export class SlackNotifier implements Notifier, AdviceNotifier {
  constructor(private readonly deps: { client: WebClient; charts: ChartRenderer; logger: Logger }) {}

  async postDigest(channel: string, digest: DigestAnswer): Promise<{ ts: string }> {
    const { client, charts, logger } = this.deps;
    const chart = digest.chart ? await charts.render(digest.chart).catch(() => undefined) : undefined;
    const message = digestMessage(digest, chart);
    const posted = await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
    // The digest is out once the message is; a failed chart upload must not make it look unsent.
    if (chart?.type === 'png' && posted.ts) {
      await client.files
        .uploadV2({ channel_id: channel, thread_ts: posted.ts, file: chart.png, filename: chart.filename })
        .catch((error: unknown) => logger.warn({ err: error, channel }, 'digest chart upload failed'));
    }
    return { ts: posted.ts ?? '' };
  }

  async postNewRecommendations(channel: string, answer: RecommendationsAnswer): Promise<{ ts: string }> {
    const message = weeklyRecommendationsMessage(answer);
    const posted = await this.deps.client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
    return { ts: posted.ts ?? '' };
  }
}
