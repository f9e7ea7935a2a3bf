/**
 * The embedded database when MONGODB_URI is unset: mongod (mongodb-memory-server) first, else
 * FerretDB, run for real from the build cache. The mongod starter is injected, so both branches
 * run on any machine; a failure to get mongod is remembered in the data directory for a day.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { isAppError } from '../../src/domain/errors';
import { startEmbeddedMongo, FERRETDB_BUILD_LOG, type EmbeddedOptions } from '../../src/store/embedded-mongo';
import { buildFerretdb, findFerretdb, type RunningServer } from '../../src/store/ferretdb-process';
import type { MongodStarter } from '../../src/store/memory-server';
import { MONGOD_UNAVAILABLE_FILE, RETRY_MONGOD_AFTER_MS } from '../../src/store/mongod-unavailable';
import { connectMongo } from '../../src/store/connection';
import { recordingLogger } from '../support/silent-logger';
import { testMongoBaseUri } from '../support/mongo';

const T0 = new Date('2026-03-01T10:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

/** A mongod starter that fails the way a machine without internet does, counting its tries. */
function unreachableMongod(): MongodStarter & { tries: number } {
  const starter = {
    tries: 0,
    async start(): Promise<RunningServer> {
      starter.tries += 1;
      throw Object.assign(new Error('Download failed for url "https://fastdl.mongodb.org/…", Details: getaddrinfo ENOTFOUND fastdl.mongodb.org'), { code: 'ENOTFOUND' });
    },
  };
  return starter;
}

let ferretdb: string;
let root: string;
const running: RunningServer[] = [];

beforeAll(async () => {
  ferretdb = findFerretdb(process.env.PENNY_FERRETDB_BIN) ?? (await buildFerretdb());
  root = mkdtempSync(join(tmpdir(), 'penny-embedded-'));
}, 300_000);

afterEach(async () => {
  for (const server of running.splice(0)) await server.stop();
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

let dirs = 0;
function options(extra: Omit<Partial<EmbeddedOptions>, 'logger' | 'onProgress'>): EmbeddedOptions & { logger: ReturnType<typeof recordingLogger>; said: string[] } {
  const said: string[] = [];
  dirs += 1;
  return { dataDir: join(root, `data-${dirs}`), logger: recordingLogger(), findFerretdb: () => ferretdb, now: () => T0, onProgress: (line) => void said.push(line), said, ...extra };
}

async function start(o: EmbeddedOptions): Promise<RunningServer> {
  const server = await startEmbeddedMongo(o);
  running.push(server);
  return server;
}

/** Writes and reads a document, to show a real server answers at `uri`. */
async function roundTrip(uri: string): Promise<unknown> {
  const conn = await connectMongo(new URL('/embedded_check', uri).toString(), { serverSelectionTimeoutMS: 5000 });
  try {
    await conn.db!.collection('c').insertOne({ _id: 'x' as never, v: 1 });
    return (await conn.db!.collection('c').findOne({}))?.v;
  } finally {
    await conn.dropDatabase();
    await conn.close();
  }
}

describe('startEmbeddedMongo', () => {
  it('uses mongod when it starts, keeping its data under the data dir, and remembers nothing', async () => {
    const paths: string[] = [];
    const mongod: MongodStarter = { start: async (dbPath) => (paths.push(dbPath), { uri: testMongoBaseUri(), stop: async () => undefined }) };
    const find = jest.fn(() => ferretdb);
    const o = options({ mongod, findFerretdb: find });
    const server = await start(o);
    expect(server.uri).toBe(testMongoBaseUri());
    expect(paths).toEqual([join(o.dataDir, 'mongodb')]);
    expect(find).not.toHaveBeenCalled();
    expect(existsSync(join(o.dataDir, MONGOD_UNAVAILABLE_FILE))).toBe(false);
  });

  it('falls back to the FerretDB binary when mongod cannot be had, and notes why in the data dir', async () => {
    const mongod = unreachableMongod();
    const o = options({ mongod });
    const server = await start(o);
    expect(mongod.tries).toBe(1);
    expect(await roundTrip(server.uri)).toBe(1);
    expect(existsSync(join(o.dataDir, 'ferretdb'))).toBe(true);
    expect(JSON.parse(readFileSync(join(o.dataDir, MONGOD_UNAVAILABLE_FILE), 'utf8'))).toEqual({ at: T0.toISOString(), reason: 'ENOTFOUND' });
    expect(o.said).toEqual([]); // nothing to wait for: the binary was there
  });

  it('remembers the failure: the next start goes straight to FerretDB, and tries mongod again after a day', async () => {
    const first = options({ mongod: unreachableMongod() });
    await start(first);
    await running.pop()!.stop();

    const mongod = unreachableMongod();
    const soon = { ...first, mongod, now: () => later(RETRY_MONGOD_AFTER_MS - 1) };
    expect(await roundTrip((await start(soon)).uri)).toBe(1);
    expect(mongod.tries).toBe(0);
    await running.pop()!.stop();

    const nextDay = { ...first, mongod, now: () => later(RETRY_MONGOD_AFTER_MS) };
    await start(nextDay);
    expect(mongod.tries).toBe(1);
    expect(JSON.parse(readFileSync(join(first.dataDir, MONGOD_UNAVAILABLE_FILE), 'utf8')).at).toBe(later(RETRY_MONGOD_AFTER_MS).toISOString());
  });

  it('tries mongod again despite the note when there is no FerretDB binary to go to', async () => {
    const first = options({ mongod: unreachableMongod() });
    await start(first);
    await running.pop()!.stop();
    const paths: string[] = [];
    const mongod: MongodStarter = { start: async (dbPath) => (paths.push(dbPath), { uri: testMongoBaseUri(), stop: async () => undefined }) };
    await start({ ...first, mongod, findFerretdb: () => undefined });
    expect(paths).toHaveLength(1);
  });

  it('builds FerretDB when there is no binary: one plain line for the person, the build output in a log file', async () => {
    const build = async (log: Writable) => {
      log.write('go: downloading github.com/FerretDB/FerretDB v1.24.2\n');
      return ferretdb;
    };
    const o = options({ mongod: unreachableMongod(), findFerretdb: () => undefined, buildFerretdb: build });
    const server = await start(o);
    expect(await roundTrip(server.uri)).toBe(1);
    const logPath = join(o.dataDir, FERRETDB_BUILD_LOG);
    expect(o.said).toEqual([`Setting up the embedded database (first run, about 2 minutes; details in ${logPath})…`]);
    expect(readFileSync(logPath, 'utf8')).toContain('go: downloading github.com/FerretDB/FerretDB');
    // Nothing reaches the CLI's stderr log (it shows warnings): the detail is in the file.
    expect(o.logger.entries.filter((e) => e.level === 'warn' || e.level === 'error')).toEqual([]);
  });

  it('says in one sentence that MONGODB_URI is needed when nothing works, and where the build log is', async () => {
    const o = options({ mongod: unreachableMongod(), findFerretdb: () => undefined, buildFerretdb: async () => Promise.reject(new Error('build-ferretdb: Go is needed')) });
    const error = await startEmbeddedMongo(o).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('EMBEDDED_DB_UNAVAILABLE');
    const logPath = join(o.dataDir, FERRETDB_BUILD_LOG);
    expect((error as Error).message).toBe(
      `The embedded database could not be started: mongod could not be obtained (ENOTFOUND), and FerretDB could not be built (details in ${logPath}). Set MONGODB_URI to a MongoDB server and run again.`,
    );
    expect(readFileSync(logPath, 'utf8')).toContain('build-ferretdb: Go is needed');
    expect(o.logger.entries.filter((e) => e.level === 'warn' || e.level === 'error')).toEqual([]);
  });

  it('uses PENNY_FERRETDB_BIN without trying mongod', async () => {
    const mongod = unreachableMongod();
    const o = options({ mongod, ferretdbBin: ferretdb });
    expect(await roundTrip((await start(o)).uri)).toBe(1);
    expect(mongod.tries).toBe(0);
  });
});
