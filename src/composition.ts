/**
 * Composition of the core: config -> logger -> MongoDB -> adapters -> services -> command router.
 * The Slack app, the CLI and the demo all start here; this is the one place where concrete
 * adapters are chosen. The Core it returns holds ports and services only.
 */
import { createChartRenderer, type ChartRendererKind } from './charts';
import { CommandRouter } from './commands/command-router';
import type { Config } from './config/config';
import type { Day } from './domain/days';
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
import { createScheduler } from './scheduler/agenda-scheduler';
import { RecommendationService } from './services/advice/recommendation-service';
import { SimulationService } from './services/simulation/simulation-service';
import { CloudSyncService } from './services/cloud-sync';
import { CostAnswers } from './services/cost-answers';
import { CostService } from './services/cost-service';
import { FocusImportService } from './services/focus-import';
import { cloudRequestCaps, createAdvisers, createCloudSources } from './sources/cloud-sources';
import { DemoCostSource } from './sources/demo/demo-source';
import { FocusCsvReader } from './sources/focus/focus-csv-reader';
import { FileDaySpill } from './spill/file-day-spill';
import { connectMongo } from './store/connection';
import { MongoDigestDeliveries } from './store/digest-deliveries';
import { MongoDigestSubscriptions } from './store/digest-subscriptions';
import { startEmbeddedMongo } from './store/embedded-mongo';
import { MongoEventReceipts } from './store/event-receipts';
import type { RunningServer } from './store/ferretdb-process';
import { MongoCostStore } from './store/mongo-cost-store';
import { MongoMetaStore } from './store/mongo-meta-store';
import { MongoRecommendationMarks } from './store/recommendation-marks';
import { MongoRequestCountRepository } from './store/request-counts';
import { MongoSyncRunRepository } from './store/sync-runs';

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
  /** The `/cost` grammar over the services, shared by Slack and the console. */
  router: CommandRouter;
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
  const conn = await connectMongo(uri).catch(async (error: unknown) => {
    await embedded?.stop();
    throw error;
  });
  const close = async () => {
    await conn.close();
    await embedded?.stop();
  };
  try {
    const store = new MongoCostStore(conn, { logger });
    const digests = new MongoDigestSubscriptions(conn);
    const runs = new MongoSyncRunRepository(conn);
    await Promise.all([store.init(), digests.init(), runs.init()]);
    const costs = new CostService({ store, clock, timeZone: config.timeZone, currency: config.currency });
    const answers = new CostAnswers(costs);
    const meta = new MongoMetaStore(conn);
    const requestCounts = new MongoRequestCountRepository(conn);
    const sync = new CloudSyncService({
      store, runs, requestCounts, clock, logger,
      settings: { backfillDays: config.cloud.sync.backfillDays, reviseDays: config.cloud.sync.reviseDays },
      caps: cloudRequestCaps(config.cloud),
    });
    const adviceMarks = new MongoRecommendationMarks(conn, clock);
    const advice = new RecommendationService({
      store, scanner: store, marks: adviceMarks, meta, clock, logger, requestCounts,
      timeZone: config.timeZone, currency: config.currency, settings: config.advice.settings, caps: cloudRequestCaps(config.cloud), advisers: createAdvisers(config.cloud),
    });
    const simulation = new SimulationService({ costs, advice });
    let sources: SyncableSource[] | undefined;
    const router = new CommandRouter({ answers, digests, clock, logger, defaultTimeZone: config.timeZone, defaultDigestTime: config.digestTime, advice, simulation });
    return {
      config, logger, clock, store, digests, costs, answers, router, sync, advice, adviceMarks, simulation, meta,
      cloudSources: () => (sources ??= createCloudSources(config.cloud, { clock })),
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
