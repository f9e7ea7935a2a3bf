/**
 * The embedded default when MONGODB_URI is not set: mongodb-memory-server with its data kept
 * under the data directory, or a FerretDB binary when mongod cannot be had. A failure to get
 * mongod is remembered for a day (mongod-unavailable.ts), so later commands start in a second.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { AppError } from '../domain/errors';
import type { Logger } from '../ports/logger';
import { buildFerretdb, findFerretdb, startFerretdb, type RunningServer } from './ferretdb-process';
import { memoryServerMongod, type MongodStarter } from './memory-server';
import { recentMongodFailure, rememberMongodFailure } from './mongod-unavailable';

export const FERRETDB_BUILD_LOG = 'ferretdb-build.log';

export interface EmbeddedOptions {
  dataDir: string;
  ferretdbBin?: string;
  logger: Logger;
  /** A plain line for the person waiting, when a first-run step will take a while. */
  onProgress?: (line: string) => void;
  /** The rest are the real thing by default; tests inject them. */
  mongod?: MongodStarter;
  findFerretdb?: () => string | undefined;
  buildFerretdb?: (log: Writable) => Promise<string>;
  now?: () => Date;
}

export async function startEmbeddedMongo(options: EmbeddedOptions): Promise<RunningServer> {
  const dataDir = resolve(options.dataDir);
  const { logger } = options;
  if (options.ferretdbBin) return startFerretdbOrExplain(options.ferretdbBin, dataDir);
  const find = options.findFerretdb ?? (() => findFerretdb(undefined));
  const now = options.now ?? (() => new Date());

  const failure = recentMongodFailure(dataDir, now());
  const known = failure ? find() : undefined;
  if (failure && known) {
    logger.debug({ since: failure.at, reason: failure.reason, ferretdb: known }, 'mongod was not available here recently; using FerretDB');
    return startFerretdbOrExplain(known, dataDir);
  }

  let mongodError: unknown;
  try {
    // A first download shows its own progress (mongodb-memory-server prints it).
    return await (options.mongod ?? memoryServerMongod).start(join(dataDir, 'mongodb'));
  } catch (error) {
    mongodError = error;
    logger.debug({ err: error }, 'mongodb-memory-server could not start');
    remember(dataDir, now(), reasonOf(error), logger);
  }
  const found = find();
  const built = found ? undefined : await buildFerretdbLogged(dataDir, options);
  const ferretdb = found ?? built?.binary;
  if (ferretdb) {
    logger.info({ ferretdb }, 'mongod is not available here; using FerretDB as the embedded database');
    return startFerretdbOrExplain(ferretdb, dataDir);
  }
  throw new AppError(
    'EMBEDDED_DB_UNAVAILABLE',
    `The embedded database could not be started: mongod could not be obtained (${reasonOf(mongodError)}), and FerretDB could not be built (details in ${built?.log}). Set MONGODB_URI to a MongoDB server and run again.`,
    { cause: mongodError },
  );
}

function reasonOf(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown } | undefined;
  return typeof e?.code === 'string' ? e.code : typeof e?.message === 'string' ? e.message.split('\n')[0]! : 'unknown error';
}

function remember(dataDir: string, now: Date, reason: string, logger: Logger): void {
  try {
    rememberMongodFailure(dataDir, now, reason);
  } catch (error) {
    logger.debug({ err: error }, 'could not note that mongod is unavailable; the next start will try again');
  }
}

/**
 * In a source checkout with Go, the FerretDB fallback can be built on first use. The person sees
 * one line; Go's output goes to a log file in the data directory.
 */
async function buildFerretdbLogged(dataDir: string, options: EmbeddedOptions): Promise<{ binary?: string; log: string }> {
  mkdirSync(dataDir, { recursive: true });
  const logPath = join(dataDir, FERRETDB_BUILD_LOG);
  options.onProgress?.(`Setting up the embedded database (first run, about 2 minutes; details in ${logPath})…`);
  options.logger.info({ log: logPath }, 'mongod cannot be had here; building FerretDB instead');
  const log = createWriteStream(logPath);
  log.write(`${new Date().toISOString()} building FerretDB with Go (.ci/build-ferretdb.sh), because mongod could not be had\n`);
  try {
    const binary = await (options.buildFerretdb ?? buildFerretdb)(log);
    log.write(`${new Date().toISOString()} built ${binary}\n`);
    return { binary, log: logPath };
  } catch (error) {
    log.write(`\n${(error as Error).message}\n`);
    options.logger.info({ err: error, log: logPath }, 'FerretDB could not be built');
    return { log: logPath };
  } finally {
    await new Promise((done) => log.end(done));
  }
}

async function startFerretdbOrExplain(binary: string, dataDir: string): Promise<RunningServer> {
  try {
    return await startFerretdb(binary, join(dataDir, 'ferretdb'));
  } catch (error) {
    throw new AppError('EMBEDDED_DB_UNAVAILABLE', `The embedded database (FerretDB at ${binary}) did not start; set MONGODB_URI to a MongoDB server and run again.`, { cause: error });
  }
}
