/**
 * The embedded default when MONGODB_URI is not set: mongodb-memory-server with its data kept
 * under the data directory, or a FerretDB binary when mongod cannot be downloaded.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../domain/errors';
import type { Logger } from '../ports/logger';
import { buildFerretdb, findFerretdb, startFerretdb, type RunningServer } from './ferretdb-process';

export interface EmbeddedOptions {
  dataDir: string;
  ferretdbBin?: string;
  logger: Logger;
}

export async function startEmbeddedMongo(options: EmbeddedOptions): Promise<RunningServer> {
  const dataDir = resolve(options.dataDir);
  if (options.ferretdbBin) return startFerretdbOrExplain(options.ferretdbBin, dataDir);
  let mongodError: unknown;
  try {
    return await startMemoryServer(dataDir);
  } catch (error) {
    mongodError = error;
    options.logger.debug({ err: error }, 'mongodb-memory-server could not start');
  }
  const ferretdb = findFerretdb(undefined) ?? (await buildFerretdbOrUndefined(options.logger));
  if (ferretdb) {
    options.logger.info({ ferretdb }, 'mongod is not available here; using FerretDB as the embedded database');
    return startFerretdbOrExplain(ferretdb, dataDir);
  }
  const reason = (mongodError as { code?: string; message?: string })?.code ?? (mongodError as Error)?.message ?? 'unknown error';
  throw new AppError(
    'EMBEDDED_DB_UNAVAILABLE',
    `The embedded MongoDB could not be started (its server binary could not be obtained: ${reason}); set MONGODB_URI to a MongoDB server and run again.`,
    { cause: mongodError },
  );
}

/** In a source checkout with Go, the FerretDB fallback can be built on first use. */
async function buildFerretdbOrUndefined(logger: Logger): Promise<string | undefined> {
  logger.warn('mongod cannot be downloaded here; building FerretDB instead (once per machine, about 2 minutes)…');
  try {
    return await buildFerretdb();
  } catch (error) {
    logger.warn({ err: error }, 'FerretDB could not be built');
    return undefined;
  }
}

async function startMemoryServer(dataDir: string): Promise<RunningServer> {
  const { MongoBinary, MongoMemoryServer } = await import('mongodb-memory-server');
  // Fetch the binary first: create() prints a full stack to the console when the download fails,
  // and that failure is expected here (we fall back to FerretDB and say so ourselves).
  await MongoBinary.getPath();
  const dbPath = join(dataDir, 'mongodb');
  mkdirSync(dbPath, { recursive: true });
  const server = await MongoMemoryServer.create({ instance: { dbPath, storageEngine: 'wiredTiger' } });
  return {
    uri: server.getUri(),
    stop: async () => {
      await server.stop({ doCleanup: false });
    },
  };
}

async function startFerretdbOrExplain(binary: string, dataDir: string): Promise<RunningServer> {
  try {
    return await startFerretdb(binary, join(dataDir, 'ferretdb'));
  } catch (error) {
    throw new AppError('EMBEDDED_DB_UNAVAILABLE', `The embedded database (FerretDB at ${binary}) did not start; set MONGODB_URI to a MongoDB server and run again.`, { cause: error });
  }
}
