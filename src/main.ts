/**
 * Composition root of the Slack app: config -> logger -> core (composition.ts) -> Bolt -> Agenda.
 * `npm start` runs this file. Tests and benchmarks call startPenny() with their own settings.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Server } from 'node:http';
import { createApi, type PennyApi } from './api';
import { startApiServer, stopApiServer } from './api/server';
import { openCore, type Core } from './composition';
import { loadConfig } from './config/config';
import { createLogger } from './config/logger';
import { withFileSecrets } from './config/secrets';
import { loadSlackConfig } from './config/slack-config';
import type { DigestAnswer } from './answers/types';
import { isAppError } from './domain/errors';
import { can } from './domain/roles';
import { scheduleCloudSync } from './jobs/cloud-sync';
import { makeDigestDispatch, scheduleDigestDispatch } from './jobs/digest-dispatch';
import { scheduleHomeRefresh } from './jobs/home-refresh';
import { scheduleRollupRepair } from './jobs/rollup-repair';
import { makeReportDispatch, scheduleReportDispatch } from './jobs/report-dispatch';
import { emailSubscription, scheduleEmailDigest } from './jobs/email-digest';
import { reportAnswer } from './services/report-answer';
import { SlackReportPoster } from './slack/report-poster';
import { scheduleWatchdog } from './jobs/watchdog';
import { makeRecommendationsRefresh, makeWeeklyRecommendations, scheduleRecommendationJobs } from './jobs/recommendation-jobs';
import { WEEKDAYS } from './config/advice-config';
import { systemClock, type Clock } from './ports/clock';
import type { Scheduler } from './ports/scheduler';
import { createSlackApp, type SlackApp } from './slack/app';
import { boltLogger } from './slack/bolt-logger';
import { HomePublisher } from './slack/home-publisher';
import { SlackNotifier } from './slack/slack-notifier';
import { SlackRoles } from './slack/roles';

export interface Penny {
  core: Core;
  slack: SlackApp;
  scheduler: Scheduler;
  /** The HTTP server in HTTP mode. */
  server?: Server;
  /** The REST API; served by `server` in HTTP mode, by `apiServer` (on PORT) in Socket Mode. */
  api: PennyApi;
  apiServer?: Server;
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
  /** How often due scheduled reports are looked for (default every 5 minutes). */
  reportInterval?: string | number;
  /** How often the watchdog looks for new data or a new day (default every 5 minutes). */
  watchdogInterval?: string | number;
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
    const syncStatus = () => core.sync.status(config.cloud.sources);
    const home = new HomePublisher({ answers, charts, digests, meta: core.meta, logger, syncStatus, watchdog: core.watchdog, advice: core.advice });
    const api = createApi({ answers, health: core.health, tokens: core.tokens, projects: core.projects, reports: core.reports, logger,
      watchdog: core.watchdog, advice: core.advice, clock, today: () => core.costs.today(), generation: core.generation });
    // Roles ask Slack who is a workspace admin, through the app's client once it exists.
    const clientRef: { current?: SlackApp['client'] } = {};
    const roles = new SlackRoles({ admins: config.auth.admins, finance: config.auth.finance, client: () => clientRef.current, logger });
    const slack = await createSlackApp(slackConfig, boltLogger(logger), {
      router, charts, home, digests, receipts: core.receipts, clock, logger, roles,
      defaultTimeZone: config.timeZone, defaultDigestTime: config.digestTime,
      cloudSync: {
        run: (sources, onProgress) => core.sync.sync(core.cloudSources().filter((s) => sources.includes(s.id)), { onProgress }),
        status: (sources) => core.sync.status(sources),
      },
      watchdog: core.watchdog, mayManageBudgets: async (userId: string) => can(await roles.roleOf(userId), 'budgets'),
    }, { customRoutes: api.boltRoutes });
    clientRef.current = slack.client;

    const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    const scheduler = await core.createScheduler({ name: owner, processEvery: options.processEvery, lockLifetimeMs: options.lockLifetimeMs });
    const notifier = new SlackNotifier({ client: slack.client, charts, logger });
    const dispatch = makeDigestDispatch({
      subscriptions: digests, deliveries: core.deliveries, clock, owner, logger,
      compose: (sub, localDate) => digestWithWatchdog(core, sub.providers, localDate),
      notifier,
    });
    await scheduleDigestDispatch(scheduler, dispatch, { interval: options.digestInterval, lockLifetimeMs: options.lockLifetimeMs });
    await scheduleCloudSync(scheduler, {
      sync: core.sync, sources: core.cloudSources, claims: core.receipts, clock, logger, time: config.cloud.sync.time, timeZone: config.timeZone,
    }, config.cloud.sources);
    const reportDispatch = makeReportDispatch({
      schedules: core.reportSchedules, deliveries: core.reportDeliveries, clock, owner, logger, time: config.digestTime, timeZone: config.timeZone,
      compose: async (s, asOf) => reportAnswer(await core.reports.build(s.cadence, asOf), s.format),
      poster: new SlackReportPoster(slack.client),
    });
    await scheduleReportDispatch(scheduler, reportDispatch, options.reportInterval);
    if (core.email && core.email.to.length > 0) {
      const subscription = emailSubscription(config.digestTime, config.timeZone);
      const emailDispatch = makeDigestDispatch({
        subscriptions: { listEnabled: async () => [subscription] }, deliveries: core.email.deliveries, clock, owner, logger,
        compose: (_sub, localDate) => answers.digest(localDate, []), notifier: core.email.notifier,
      });
      await scheduleEmailDigest(scheduler, emailDispatch, options.digestInterval);
    }
    await scheduleHomeRefresh(scheduler, { home: { refreshAll: () => home.refreshAll(slack.client) }, costs: core.costs, meta: core.meta, logger });
    await scheduleRollupRepair(scheduler, { store: core.store, logger });
    const alertEmail = core.email && core.email.alerts.addresses.length > 0 ? { ...core.email.alerts, now: () => clock.now() } : undefined;
    await scheduleWatchdog(scheduler, {
      watchdog: core.watchdog, coverage: () => core.costs.coverage(), meta: core.meta, notifier, owner, logger, ...(alertEmail ? { email: alertEmail } : {}),
    }, { interval: options.watchdogInterval, lockLifetimeMs: options.lockLifetimeMs });
    const adviceJobs = { advice: core.advice, claims: core.adviceMarks, owner, logger };
    await scheduleRecommendationJobs(scheduler, {
      refresh: makeRecommendationsRefresh(adviceJobs),
      weekly: makeWeeklyRecommendations({
        ...adviceJobs, notifier,
        channels: async () => (config.advice.channel ? [config.advice.channel] : (await digests.listEnabled()).map((d) => d.channel)),
      }),
    }, { time: config.advice.refreshTime, timeZone: config.timeZone, weekly: config.advice.weekly, weekday: WEEKDAYS.indexOf(config.advice.weekday) });
    await scheduler.start();
    // Socket Mode has no HTTP server of Bolt's: the API gets its own on PORT.
    const apiServer = slackConfig.mode === 'socket' ? await startApiServer(api.handle, slackConfig.port, options.host) : undefined;
    const server = await slack.start(options.host).catch(async (error: unknown) => {
      if (apiServer) await stopApiServer(apiServer);
      throw error;
    });
    const port = (server ?? apiServer)?.address() as { port?: number } | null;
    logger.info({ mode: slackConfig.mode, port: port?.port }, 'Penny is running');
    return {
      core, slack, scheduler, server, api, apiServer,
      stop: async () => {
        if (apiServer) await stopApiServer(apiServer);
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

/** The day's digest with the watchdog's line (open anomalies, forecast); without it if that fails. */
async function digestWithWatchdog(core: Core, providers: string[], localDate: string): Promise<DigestAnswer> {
  const digest = await core.answers.digest(localDate, providers);
  const summary = await core.watchdog.summary(core.watchdog.today()).catch((error: unknown) => core.logger.warn({ err: error }, 'watchdog summary failed'));
  return summary ? { ...digest, watchdog: summary } : digest;
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
