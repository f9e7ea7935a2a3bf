/**
 * Composition root of the Slack app: config -> logger -> MongoDB -> services -> Bolt -> Agenda.
 * `npm start` runs this file. Tests and benchmarks call startPenny() with their own settings.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Server } from 'node:http';
import { createChartRenderer } from './charts';
import { createCommandRouter, openCore, type Core } from './composition';
import { loadConfig } from './config/config';
import { createLogger } from './config/logger';
import { withFileSecrets } from './config/secrets';
import { loadSlackConfig } from './config/slack-config';
import { isAppError } from './domain/errors';
import { createScheduler, type Scheduler } from './jobs/agenda';
import { makeDigestDispatch, scheduleDigestDispatch } from './jobs/digest-dispatch';
import { scheduleHomeRefresh } from './jobs/home-refresh';
import { scheduleRollupRepair } from './jobs/rollup-repair';
import { systemClock, type Clock } from './ports/clock';
import { createSlackApp, type SlackApp } from './slack/app';
import { digestMessage } from './slack/blocks';
import { boltLogger } from './slack/bolt-logger';
import { HomePublisher } from './slack/home-publisher';
import { dbHealthCheck } from './store/db-health';
import { MongoDigestDeliveries } from './store/digest-deliveries';
import { MongoEventReceipts } from './store/event-receipts';

export interface Penny {
  core: Core;
  slack: SlackApp;
  scheduler: Scheduler;
  /** The HTTP server in HTTP mode. */
  server?: Server;
  stop(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
  /** Bind address in HTTP mode (tests use 127.0.0.1). */
  host?: string;
  /** Poll interval of the job scheduler; tests shorten it. */
  processEvery?: string | number;
  /** How often due digests are looked for (default every minute, on the minute). */
  digestInterval?: string | number;
  /** Job lock lifetime; Agenda keeps a timer for half of it after each run. */
  lockLifetimeMs?: number;
}

export async function startPenny(rawEnv: NodeJS.ProcessEnv = process.env, options: StartOptions = {}): Promise<Penny> {
  const env = withFileSecrets(rawEnv);
  const config = loadConfig(env);
  const slackConfig = loadSlackConfig(env);
  const logger = createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const core = await openCore(config, logger, clock);
  try {
    const deliveries = new MongoDigestDeliveries(core.conn);
    const charts = createChartRenderer(slackConfig.chartRenderer, slackConfig.quickchartHost ? { host: slackConfig.quickchartHost } : undefined);
    const { router, views, digests } = await createCommandRouter(core, charts);
    const defaults = { defaultTimeZone: config.timeZone, defaultDigestTime: config.digestTime };
    const home = new HomePublisher({ views, charts, digests, meta: core.meta, logger });
    const slack = await createSlackApp(slackConfig, boltLogger(logger), { router, home, digests, receipts: new MongoEventReceipts(core.conn, clock), clock, logger, ...defaults, health: dbHealthCheck(core.conn) });

    const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    const scheduler = await createScheduler({ db: core.conn.db!, logger, name: owner, processEvery: options.processEvery, lockLifetimeMs: options.lockLifetimeMs });
    const dispatch = makeDigestDispatch({
      subscriptions: digests, deliveries, clock, owner, logger,
      compose: async (sub, localDate) => {
        const view = await views.digest(localDate, sub.providers);
        const chart = view.chart ? await charts.render(view.chart).catch(() => undefined) : undefined;
        const message = digestMessage(view, chart);
        return chart?.type === 'png' ? { ...message, png: { filename: chart.filename, data: chart.png } } : message;
      },
      post: async (channel, message) => {
        const posted = await slack.client.chat.postMessage({ channel, text: message.text, blocks: message.blocks as never[] });
        // The digest is out once the message is; a failed chart upload must not make it look unsent.
        if (message.png && posted.ts) {
          await slack.client.files
            .uploadV2({ channel_id: channel, thread_ts: posted.ts, file: message.png.data, filename: message.png.filename })
            .catch((error: unknown) => logger.warn({ err: error, channel }, 'digest chart upload failed'));
        }
        return { ts: posted.ts ?? '' };
      },
    });
    await scheduleDigestDispatch(scheduler, dispatch, { interval: options.digestInterval, lockLifetimeMs: options.lockLifetimeMs });
    await scheduleHomeRefresh(scheduler, { home, client: slack.client, costs: core.costs, meta: core.meta, logger });
    await scheduleRollupRepair(scheduler, { store: core.store, logger });
    await scheduler.start();
    const server = await slack.start(options.host);
    logger.info({ mode: slackConfig.mode, port: server ? (server.address() as { port?: number })?.port : undefined }, 'Penny is running');
    return {
      core, slack, scheduler, server,
      stop: async () => {
        await slack.stop().catch((e: unknown) => logger.warn({ err: e }, 'stopping Slack'));
        await scheduler.stop().catch((e: unknown) => logger.warn({ err: e }, 'stopping the scheduler'));
        await core.close();
      },
    };
  } catch (error) {
    await core.close().catch(() => undefined);
    throw error;
  }
}

if (require.main === module) {
  startPenny()
    .then((penny) => {
      const shutdown = () => void penny.stop().finally(() => process.exit(0));
      process.once('SIGTERM', shutdown);
      process.once('SIGINT', shutdown);
    })
    .catch((error: unknown) => {
      process.stderr.write(`penny: ${isAppError(error) ? error.message : (error as Error)?.stack ?? String(error)}\n`);
      process.exit(1);
    });
}
