/** The Notifier ports in Slack: renders pushed answers to Block Kit, posts and updates them. */
import type { WebClient } from '@slack/web-api';
import type { RecommendationsAnswer } from '../answers/advice';
import type { DigestAnswer } from '../answers/types';
import type { AlertAnswer } from '../answers/watchdog';
import type { AdviceNotifier } from '../ports/advice-notifier';
import type { ChartRenderer, RenderedChart } from '../ports/chart-renderer';
import type { Logger } from '../ports/logger';
import type { AlertNotifier, Notifier } from '../ports/notifier';
import { alertMessage, digestMessage, weeklyRecommendationsMessage } from './blocks';

export class SlackNotifier implements Notifier, AlertNotifier, AdviceNotifier {
  constructor(private readonly deps: { client: WebClient; charts: ChartRenderer; logger: Logger }) {}

  async postDigest(channel: string, digest: DigestAnswer): Promise<{ ts: string }> {
    const chart = digest.chart ? await this.render(digest.chart) : undefined;
    const message = digestMessage(digest, chart);
    const posted = await this.deps.client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
    await this.attach(channel, posted.ts, chart);
    return { ts: posted.ts ?? '' };
  }

  async postAlert(channel: string, alert: AlertAnswer): Promise<{ ts: string }> {
    const chart = await this.alertChart(alert);
    const message = alertMessage(alert, chart);
    const posted = await this.deps.client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
    await this.attach(channel, posted.ts, chart);
    return { ts: posted.ts ?? '' };
  }

  async updateAlert(channel: string, ts: string, alert: AlertAnswer): Promise<void> {
    // A PNG chart was uploaded in the thread when the alert was posted; only a URL chart can be redrawn.
    const chart = await this.alertChart(alert);
    const message = alertMessage(alert, chart?.type === 'url' ? chart : undefined);
    await this.deps.client.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
  }

  async retractAlert(channel: string, ts: string, alert: AlertAnswer): Promise<void> {
    const retracted: AlertAnswer = alert.subject === 'anomaly' ? { ...alert, anomaly: { ...alert.anomaly, status: 'retracted' } } : alert;
    const message = alertMessage(retracted);
    await this.deps.client.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
  }

  private alertChart(alert: AlertAnswer): Promise<RenderedChart | undefined> {
    return alert.subject === 'anomaly' && alert.anomaly.chart && alert.anomaly.status === 'open' ? this.render(alert.anomaly.chart) : Promise.resolve(undefined);
  }

  private render(spec: Parameters<ChartRenderer['render']>[0]): Promise<RenderedChart | undefined> {
    return this.deps.charts.render(spec).catch((error: unknown) => {
      this.deps.logger.warn({ err: error }, 'chart rendering failed');
      return undefined;
    });
  }

  /** The message is out once posted; a failed chart upload must not make it look unsent. */
  private async attach(channel: string, ts: string | undefined, chart: RenderedChart | undefined): Promise<void> {
    if (chart?.type !== 'png' || !ts) return;
    await this.deps.client.files
      .uploadV2({ channel_id: channel, thread_ts: ts, file: chart.png, filename: chart.filename })
      .catch((error: unknown) => this.deps.logger.warn({ err: error, channel }, 'chart upload failed'));
  }
  async postNewRecommendations(channel: string, answer: RecommendationsAnswer): Promise<{ ts: string }> {
    const message = weeklyRecommendationsMessage(answer);
    const posted = await this.deps.client.chat.postMessage({ channel, text: message.text, blocks: message.blocks });
    return { ts: posted.ts ?? '' };
  }
}
