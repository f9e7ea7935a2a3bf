/**
 * Finds a real MongoDB wire server for the tests: MONGODB_URI, else a FerretDB binary, else
 * mongodb-memory-server, else FerretDB built with Go. When none can be had, store tests fail
 * (never skip) with the reason recorded here. Global teardown stops the server and removes its
 * data directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFerretdb, findFerretdb, startFerretdb, type RunningServer } from '../../src/store/ferretdb-process';

declare global {
  var __PENNY_TEST_SERVER__: RunningServer | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (process.env.MONGODB_URI) {
    process.env.PENNY_TEST_MONGODB_URI = process.env.MONGODB_URI;
    return;
  }
  const reasons: string[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'penny-test-db-'));
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  const use = (server: RunningServer, ownsDataDir: boolean) => {
    // Setup and teardown share one global scope: the teardown stops what is kept here.
    globalThis.__PENNY_TEST_SERVER__ = {
      uri: server.uri,
      stop: async () => {
        await server.stop();
        removeDataDir();
      },
    };
    if (!ownsDataDir) removeDataDir();
    process.env.PENNY_TEST_MONGODB_URI = server.uri;
  };
  const tryFerret = async (binary: string | undefined) => {
    if (!binary) return false;
    use(await startFerretdb(binary, dataDir), true);
    return true;
  };
  try {
    if (await tryFerret(findFerretdb(process.env.PENNY_FERRETDB_BIN))) return;
    reasons.push('no ferretdb binary (PENNY_FERRETDB_BIN, PATH, or the build cache)');
  } catch (error) {
    reasons.push(`ferretdb failed to start: ${(error as Error).message}`);
  }
  try {
    const { MongoMemoryServer } = await import('mongodb-memory-server');
    const server = await MongoMemoryServer.create();
    // stop() removes the memory server's own temporary data.
    use({ uri: server.getUri(), stop: async () => void (await server.stop()) }, false);
    return;
  } catch (error) {
    reasons.push(`mongodb-memory-server: ${(error as Error).message.split('\n')[0]}`);
  }
  try {
    process.stderr.write('\nBuilding FerretDB for the tests (once per machine, about 2 minutes)…\n');
    if (await tryFerret(await buildFerretdb())) return;
  } catch (error) {
    reasons.push(`building ferretdb: ${(error as Error).message.split('\n')[0]}`);
  }
  removeDataDir();
  process.env.PENNY_TEST_MONGODB_ERROR = `No MongoDB wire server for the tests. Set MONGODB_URI, or install Go so FerretDB can be built. Tried: ${reasons.join('; ')}.`;
}
