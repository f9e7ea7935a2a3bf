/**
 * Composition of the core: config -> logger -> MongoDB -> adapters -> services -> command router.
 * The Slack app, the CLI and the demo all start here; this is the one place where concrete
 * adapters are chosen. The Core it returns holds ports and services only.
 */
import { JoseTokens } from './auth/jose-tokens';
import { createChartRenderer, type ChartRendererKind } from './charts';
import { EmailNotifier } from './email/email-notifier';
import type { AlertMailer, Notifier } from './ports/notifier';
import type { AlertDeliveries } from './ports/alerts';
import { MongoAlertDeliveries } from './store/alert-deliveries';
import { CommandRouter } from './commands/command-router';
import type { Config } from './config/config';
import type { Day } from './domain/days';
import { OpenAiClient } from './llm/openai-client';
import type { ChartRenderer } from './ports/chart-renderer';
import type { CostFileReader } from './ports/cost-file-reader';
import { systemClock, type Clock } from './ports/clock';
import type { CostSource, SyncableSource } from './ports/cost-source';
import type { CostStore } from './ports/cost-store';
import type { DigestDeliveries, DigestSubscriptions } from './ports/digests';
import type { EventReceipts } from './ports/event-receipts';
import type { Logger } from './ports/logger';
import type { MetaStore } from './ports/meta-store';
import type { RecommendationMarks } from './ports/recommendation-marks';
import type { Scheduler } from './ports/scheduler';
import type { TokenIssuer, TokenVerifier } from './ports/tokens';
import type { WriteLog } from './ports/write-log';
import { createScheduler } from './scheduler/agenda-scheduler';
import { AskService } from './services/ask';
import { laterAnswerers } from './services/ask/later-answers';
import { LlmAnswerer } from './services/ask-llm/llm-answerer';
import { RecommendationService } from './services/advice/recommendation-service';
import { SimulationService } from './services/simulation/simulation-service';
import { CloudSyncService } from './services/cloud-sync';
import { CostAnswers } from './services/cost-answers';
import { CostReports } from './services/cost-reports';
import { reportFindings } from './services/report-findings';
import { CostService } from './services/cost-service';
import { FocusImportService } from './services/focus-import';
import { QuestionAnswerer } from './services/questions/question-answerer';
import { createWatchdog, type Watchdog } from './services/watchdog';
import { watchdogAnomalyLookup } from './services/watchdog/anomaly-lookup';
import { cloudRequestCaps, createAdvisers, createCloudSources } from './sources/cloud-sources';
import { HealthService } from './services/health';
import { ProjectService } from './services/projects';
import { TrackedCostStore } from './services/tracked-store';
import { CachedCostStore, type CacheStats } from './services/cached-store';
import { DemoCostSource } from './sources/demo/demo-source';
import { FocusCsvReader } from './sources/focus/focus-csv-reader';
import { FileDaySpill } from './spill/file-day-spill';
import { closeMongo, connectMongo } from './store/connection';
import { describeDbFailure } from './store/db-errors';
import { MongoDigestDeliveries } from './store/digest-deliveries';
import { MongoDigestSubscriptions } from './store/digest-subscriptions';
import { startEmbeddedMongo } from './store/embedded-mongo';
import { MongoEventReceipts } from './store/event-receipts';
import type { RunningServer } from './store/ferretdb-process';
import { MongoCostStore } from './store/mongo-cost-store';
import { MongoMetaStore } from './store/mongo-meta-store';
import { MongoDatabaseProbe, MongoWriteLog } from './store/write-log';
import { MongoProjects } from './store/projects';
import { MongoReportSchedules } from './store/report-schedules';
import type { ReportSchedules } from './ports/report-schedules';
import { MongoRecommendationMarks } from './store/recommendation-marks';
import { MongoRequestCountRepository } from './store/request-counts';
import { MongoSyncRunRepository } from './store/sync-runs';
import { MongoThreadContexts } from './store/thread-contexts';
import { watchdogRepositories } from './store/watchdog-repositories';

/** A database driver's error as one coded sentence naming the cause, or undefined when it is not one. */
export const describeFailure = describeDbFailure;

export interface SchedulerSettings {
  /** This instance's name, stored on the jobs it locks. */
  name: string;
  processEvery?: string | number;
  lockLifetimeMs?: number;
}

export interface Core {
  config: Config;
  logger: Logger;
  clock: Clock;
  store: CostStore;
  meta: MetaStore;
  digests: DigestSubscriptions;
  deliveries: DigestDeliveries;
  receipts: EventReceipts;
  costs: CostService;
  answers: CostAnswers;
  reportSchedules: ReportSchedules;
  /** Exactly-once claims of scheduled reports (the digests' mechanism, its own collection). */
  reportDeliveries: DigestDeliveries;
  /**
   * Email (SMTP_URL set): the digest to PENNY_EMAIL_TO, and anomaly and budget alerts to
   * PENNY_ALERT_EMAIL_TO, each with their own exactly-once claims.
   */
  email?: {
    notifier: Notifier;
    deliveries: DigestDeliveries;
    /** The digest's addresses; none: the digest is not emailed. */
    to: string[];
    alerts: { mailer: AlertMailer; deliveries: AlertDeliveries; addresses: string[] };
  };
  /** Weekly and monthly reports (the API, penny report, /cost report, scheduled reports). */
  reports: CostReports;
  imports: FocusImportService;
  /** Syncs the cloud sources into the store, recording each run. */
  sync: CloudSyncService;
  /** Recommendations: rules on stored data and the clouds' own advisers. */
  advice: RecommendationService;
  /** Decisions about recommendations, first-seen days, and the jobs' once-only claims. */
  adviceMarks: RecommendationMarks;
  /** What-if simulations. Budgets join when the budget service is wired (its `list()` is the seam). */
  simulation: SimulationService;
  /** The clouds enabled by PENNY_SOURCES, built on first use (each SDK finds its own credentials). */
  cloudSources(): SyncableSource[];
  /** Every write that changes answers, and the last write per source. */
  writes: WriteLog;
  health: HealthService;
  /** The projects registry: who owns which costs, and where their alerts go. */
  projects: ProjectService;
  /** API tokens: checked by the API, issued by `penny token create`. */
  tokens: TokenVerifier & TokenIssuer;
  /** Hits and misses of the query cache (undefined when PENNY_QUERY_CACHE=0). */
  cacheStats(): CacheStats | undefined;
  /** The write generation as of now, for caches of whole answers (undefined when PENNY_QUERY_CACHE=0). */
  generation?: () => Promise<string>;
  /** Forecasts, budgets, anomalies and their alerts (issue 10). */
  watchdog: Watchdog;
  /** The `/cost` grammar over the services, shared by Slack and the console. */
  router: CommandRouter;
  /** Questions in people's words (`penny ask`, Slack, the console): the model when configured, else the offline parser. */
  questions: QuestionAnswerer;
  /** Charts as QuickChart URLs (Slack's default) or local PNGs (the console, CHART_RENDERER=local). */
  charts(kind: ChartRendererKind, host?: string): ChartRenderer;
  /** The deterministic demo clouds, anchored at a day so that re-runs extend the same history. */
  demoSource(anchor: Day): CostSource;
  createScheduler(settings: SchedulerSettings): Promise<Scheduler>;
  close(): Promise<void>;
}

/** The billing-file reader; the CLI checks files with it before the database starts. */
export function costFileReader(): CostFileReader {
  return new FocusCsvReader();
}

export interface OpenOptions {
  /** Plain lines for a person while the core starts, such as a first-run database setup. */
  onProgress?: (line: string) => void;
}

export async function openCore(config: Config, logger: Logger, clock: Clock = systemClock, options: OpenOptions = {}): Promise<Core> {
  let embedded: RunningServer | undefined;
  let uri = config.mongodbUri;
  if (!uri) {
    embedded = await startEmbeddedMongo({ dataDir: config.dataDir, ferretdbBin: config.ferretdbBin, logger, onProgress: options.onProgress });
    uri = embedded.uri;
  }
  const conn = await connectMongo(uri, config.db).catch(async (error: unknown) => {
    await embedded?.stop();
    throw error;
  });
  const mailer = config.email ? new EmailNotifier(config.email, logger) : undefined;
  // An open connection keeps the process alive: every way out closes it.
  const close = async () => {
    mailer?.close();
    await closeMongo(conn);
    await embedded?.stop();
  };
  try {
    const mongoStore = new MongoCostStore(conn, { logger });
    const digests = new MongoDigestSubscriptions(conn);
    const runs = new MongoSyncRunRepository(conn);
    const threads = new MongoThreadContexts(conn, { clock, logger });
    await Promise.all([mongoStore.init(), digests.init(), runs.init(), threads.init()]);
    const writes = new MongoWriteLog(conn);
    const tracked = new TrackedCostStore(mongoStore, writes, clock);
    // Every face reads through the cache; a write on any instance empties it everywhere (cached-store.ts).
    const cache = config.queryCache > 0 ? new CachedCostStore(tracked, writes, config.queryCache) : undefined;
    const store = cache ?? tracked;
    const projectRepo = new MongoProjects(conn);
    const costs = new CostService({ store, clock, timeZone: config.timeZone, currency: config.currency, projects: projectRepo });
    const projects = new ProjectService({ repo: projectRepo, store, writes, clock });
    const meta = new MongoMetaStore(conn);
    const requestCounts = new MongoRequestCountRepository(conn);
    const watchdog = createWatchdog({ store, costs, clock, repos: watchdogRepositories(conn, clock), settings: config.watchdog, writes, projects: projectRepo });
    const adviceMarks = new MongoRecommendationMarks(conn, clock);
    const advice = new RecommendationService({
      store, scanner: mongoStore, marks: adviceMarks, meta, clock, logger, requestCounts, anomalies: watchdogAnomalyLookup(watchdog.anomalies),
      timeZone: config.timeZone, currency: config.currency, settings: config.advice.settings, caps: cloudRequestCaps(config.cloud), advisers: createAdvisers(config.cloud),
    });
    const reports = new CostReports({
      costs, hasProjects: async () => (await projectRepo.list()).length > 0, findings: reportFindings({ anomalies: watchdog.anomalies, advice }),
    });
    const answers = new CostAnswers(costs, reports);
    const sync = new CloudSyncService({
      store, runs, requestCounts, clock, logger,
      settings: { backfillDays: config.cloud.sync.backfillDays, reviseDays: config.cloud.sync.reviseDays },
      caps: cloudRequestCaps(config.cloud),
    });
    let sources: SyncableSource[] | undefined;
    const reportSchedules = new MongoReportSchedules(conn);
    // Forecast, budget, anomaly and recommendation questions are answered by the same services as their commands.
    const later = laterAnswerers({
      forecast: watchdog.forecast, budgets: watchdog.budgets, anomalies: watchdog.anomalies, advice, costs, defaultCurrency: costs.defaultCurrency,
    });
    const budgetNames = async () => (await watchdog.budgets.list()).map((b) => b.name);
    const ask = new AskService({ costs, names: store, clock, later, budgetNames });
    const llm = config.llm ? new LlmAnswerer({ llm: new OpenAiClient(config.llm), ask, logger }) : undefined;
    const questions = new QuestionAnswerer({ ask, freshness: () => answers.freshness(), threads, llm, logger, now: () => clock.now() });
    const simulation = new SimulationService({ costs, advice, budgets: watchdog.budgets });
    const router = new CommandRouter({
      answers, digests, clock, logger, defaultTimeZone: config.timeZone, defaultDigestTime: config.digestTime,
      projects, reportSchedules, questions, watchdog, advice, simulation, syncSources: config.cloud.sources,
    });
    return {
      config, logger, clock, store, digests, costs, answers, router, writes, projects, reports, reportSchedules, sync, questions, watchdog,
      advice, adviceMarks, simulation, meta,
      cloudSources: () => (sources ??= createCloudSources(config.cloud, { clock })),
      reportDeliveries: new MongoDigestDeliveries(conn, { collection: 'report_deliveries', clock }),
      ...(mailer && config.email ? {
        email: {
          notifier: mailer, deliveries: new MongoDigestDeliveries(conn, { collection: 'email_deliveries', clock }), to: config.email.to,
          alerts: { mailer, deliveries: new MongoAlertDeliveries(conn, { collection: 'alert_email_deliveries', clock }), addresses: config.email.alertTo },
        },
      } : {}),
      cacheStats: () => cache?.stats,
      ...(cache ? { generation: () => cache.currentGeneration() } : {}),
      health: new HealthService({ db: new MongoDatabaseProbe(conn), writes, store, clock }),
      tokens: createTokens(config, clock),
      deliveries: new MongoDigestDeliveries(conn),
      receipts: new MongoEventReceipts(conn, clock),
      imports: new FocusImportService({ store, reader: costFileReader(), spill: () => new FileDaySpill(), clock, logger }),
      charts: (kind, host) => createChartRenderer(kind, host ? { host } : undefined),
      demoSource: (anchor) => new DemoCostSource(anchor, {}, config.currency),
      createScheduler: (settings) => createScheduler({ db: conn.db!, logger, ...settings }),
      close,
    };
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}

/** API tokens from the settings alone (no database): the API checks them, `penny token create` issues them. */
export function createTokens(config: Config, clock: Clock = systemClock): TokenVerifier & TokenIssuer {
  const { jwtSecret, jwtPublicKey, jwtPrivateKey, jwtAudience } = config.auth;
  return new JoseTokens({ secret: jwtSecret, publicKey: jwtPublicKey, privateKey: jwtPrivateKey, audience: jwtAudience }, clock);
}
