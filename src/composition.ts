/**
 * Composition of the core: config -> logger -> MongoDB -> store -> services.
 * The CLI and the Slack app both start here; this is where concrete adapters are chosen.
 */
import type { Connection } from 'mongoose';
import { CommandRouter } from './commands/command-router';
import type { ChartRenderer } from './ports/chart-renderer';
import { CostViews } from './services/cost-views';
import { MongoDigestSubscriptions } from './store/digest-subscriptions';
import type { Config } from './config/config';
import type { Logger } from './ports/logger';
import { systemClock, type Clock } from './ports/clock';
import { CostService } from './services/cost-service';
import { FocusImportService } from './services/focus-import';
import { FocusCsvReader } from './sources/focus/focus-csv-reader';
import { FileDaySpill } from './spill/file-day-spill';
import { closeMongo, connectMongo } from './store/connection';
import { startEmbeddedMongo } from './store/embedded-mongo';
import type { RunningServer } from './store/ferretdb-process';
import { MongoCostStore } from './store/mongo-cost-store';
import { MongoMetaStore } from './store/mongo-meta-store';

export interface Core {
  config: Config;
  logger: Logger;
  conn: Connection;
  store: MongoCostStore;
  meta: MongoMetaStore;
  costs: CostService;
  imports: FocusImportService;
  clock: Clock;
  close(): Promise<void>;
}

export async function openCore(config: Config, logger: Logger, clock: Clock = systemClock): Promise<Core> {
  let embedded: RunningServer | undefined;
  let uri = config.mongodbUri;
  if (!uri) {
    embedded = await startEmbeddedMongo({ dataDir: config.dataDir, ferretdbBin: config.ferretdbBin, logger });
    uri = embedded.uri;
  }
  let conn: Connection;
  try {
    conn = await connectMongo(uri, config.db);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  const store = new MongoCostStore(conn, { logger });
  try {
    await store.init();
  } catch (error) {
    // An open connection keeps the process alive: never leave one behind.
    await closeMongo(conn);
    await embedded?.stop();
    throw error;
  }
  const meta = new MongoMetaStore(conn);
  const costs = new CostService({ store, clock, timeZone: config.timeZone, currency: config.currency });
  const imports = new FocusImportService({ store, reader: new FocusCsvReader(), spill: () => new FileDaySpill(), clock, logger });
  return {
    config, logger, conn, store, meta, costs, imports, clock,
    close: async () => {
      await closeMongo(conn);
      await embedded?.stop();
    },
  };
}

/** The `/cost` command router over a core, with the chart renderer the face wants. */
export async function createCommandRouter(core: Core, charts: ChartRenderer): Promise<{ router: CommandRouter; views: CostViews; digests: MongoDigestSubscriptions }> {
  const views = new CostViews(core.costs);
  const digests = new MongoDigestSubscriptions(core.conn);
  await digests.init();
  const router = new CommandRouter({
    views, charts, digests, clock: core.clock, logger: core.logger,
    defaultTimeZone: core.config.timeZone, defaultDigestTime: core.config.digestTime,
  });
  return { router, views, digests };
}
