/**
 * Composition root of the Slack app: config -> logger -> core (composition.ts) -> Bolt -> Agenda.
 * `npm start` runs this file. Tests and benchmarks call startPenny() with their own settings.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Server } from 'node:http';
import { openCore, type Core } from './composition';
import { loadConfig } from './config/config';
import { createLogger } from './config/logger';
import { withFileSecrets } from './config/secrets';
import { loadSlackConfig } from './config/slack-config';
import { isAppError } from './domain/errors';
import { makeDigestDispatch, scheduleDigestDispatch } from './jobs/digest-dispatch';
import { scheduleHomeRefresh } from './jobs/home-refresh';
import { makeRecommendationsRefresh, makeWeeklyRecommendations, scheduleRecommendationJobs } from './jobs/recommendation-jobs';
import { WEEKDAYS } from './config/advice-config';
import { systemClock, type Clock } from './ports/clock';
import type { Scheduler } from './ports/scheduler';
import { createSlackApp, type SlackApp } from './slack/app';
import { boltLogger } from './slack/bolt-logger';
import { HomePublisher } from './slack/home-publisher';
import { SlackNotifier } from './slack/slack-notifier';

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
    const charts = core.charts(slackConfig.chartRenderer, slackConfig.quickchartHost);
    const { answers, digests, router } = core;
    const home = new HomePublisher({ answers, charts, digests, meta: core.meta, logger, advice: core.advice });
    const slack = await createSlackApp(slackConfig, boltLogger(logger), {
      router, charts, home, digests, receipts: core.receipts, clock, logger,
      defaultTimeZone: config.timeZone, defaultDigestTime: config.digestTime,
    });

    const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    const scheduler = await core.createScheduler({ name: owner, processEvery: options.processEvery, lockLifetimeMs: options.lockLifetimeMs });
    const notifier = new SlackNotifier({ client: slack.client, charts, logger });
    const dispatch = makeDigestDispatch({
      subscriptions: digests, deliveries: core.deliveries, clock, owner, logger,
      compose: (sub, localDate) => answers.digest(localDate, sub.providers),
      notifier,
    });
    await scheduleDigestDispatch(scheduler, dispatch, { interval: options.digestInterval, lockLifetimeMs: options.lockLifetimeMs });
    await scheduleHomeRefresh(scheduler, { home: { refreshAll: () => home.refreshAll(slack.client) }, costs: core.costs, meta: core.meta, logger });
    const adviceJobs = { advice: core.advice, claims: core.adviceMarks, owner, logger };
    await scheduleRecommendationJobs(scheduler, {
      refresh: makeRecommendationsRefresh(adviceJobs),
      weekly: makeWeeklyRecommendations({
        ...adviceJobs, notifier,
        channels: async () => (config.advice.channel ? [config.advice.channel] : (await digests.listEnabled()).map((d) => d.channel)),
      }),
    }, { time: config.advice.refreshTime, timeZone: config.timeZone, weekly: config.advice.weekly, weekday: WEEKDAYS.indexOf(config.advice.weekday) });
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
