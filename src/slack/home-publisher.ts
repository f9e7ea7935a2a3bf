/**
 * Builds and publishes a person's App Home dashboard, and remembers who has one so that it can
 * be refreshed when new cost data arrives.
 */
import type { WebClient } from '@slack/web-api';
import type { ChartRenderer } from '../ports/chart-renderer';
import type { DigestSubscriptions } from '../ports/digests';
import type { Logger } from '../ports/logger';
import type { MetaStore } from '../ports/meta-store';
import type { SourceSyncStatus } from '../answers/types';
import type { RecommendationService } from '../services/advice/recommendation-service';
import type { CostAnswers } from '../services/cost-answers';
import type { Watchdog } from '../services/watchdog';
import { homeView } from './blocks';

const VIEWERS_KEY = 'home.viewers';
const MAX_VIEWERS = 500;

export class HomePublisher {
  constructor(
    private readonly deps: {
      answers: CostAnswers;
      syncStatus?: () => Promise<SourceSyncStatus[]>;
      charts: ChartRenderer;
      digests: DigestSubscriptions;
      meta: MetaStore;
      logger: Logger;
      watchdog?: Pick<Watchdog, 'summary'>;
      advice?: Pick<RecommendationService, 'homeSummary'>;
    },
  ) {}

  async publish(client: WebClient, userId: string): Promise<void> {
    const digests = (await this.deps.digests.listEnabled()).map((d) => ({ channel: d.channel, time: d.time, timeZone: d.timeZone }));
    const view = await this.deps.answers.home({ digest: digests, sources: await this.deps.syncStatus?.() });
    // The watchdog's part and the recommendations are extras: without them the Home tab still shows the costs.
    const summary = await this.deps.watchdog?.summary(view.today).catch((error: unknown) => this.deps.logger.warn({ err: error }, 'watchdog summary failed'));
    if (summary) view.watchdog = summary;
    const advice = await this.deps.advice?.homeSummary().catch((error: unknown) => this.deps.logger.warn({ err: error }, 'home recommendations failed'));
    if (advice) view.advice = advice;
    // The Home tab can only show charts by URL; a locally rendered PNG has nowhere to go.
    const chart = view.chart ? await this.deps.charts.render(view.chart).catch(() => undefined) : undefined;
    await client.views.publish({ user_id: userId, view: homeView(view, chart?.type === 'url' ? chart : undefined) });
    await this.remember(userId);
  }

  /** Republishes for everyone who has opened the Home tab (after a sync or import). */
  async refreshAll(client: WebClient): Promise<number> {
    const viewers = (await this.deps.meta.get<string[]>(VIEWERS_KEY)) ?? [];
    for (const user of viewers) {
      await this.publish(client, user).catch((error: unknown) => this.deps.logger.warn({ err: error, user }, 'home refresh failed'));
    }
    return viewers.length;
  }

  private async remember(userId: string): Promise<void> {
    const viewers = (await this.deps.meta.get<string[]>(VIEWERS_KEY)) ?? [];
    if (viewers.includes(userId)) return;
    await this.deps.meta.set(VIEWERS_KEY, [userId, ...viewers].slice(0, MAX_VIEWERS));
  }
}
