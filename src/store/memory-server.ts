/**
 * mongod through mongodb-memory-server, its data kept on disk. The package is imported only
 * when mongod is wanted: loading it costs about half a second.
 */
import { mkdirSync } from 'node:fs';
import type { RunningServer } from './ferretdb-process';

export interface MongodStarter {
  /** Starts mongod with its data in `dbPath`, downloading the binary first if it is not cached. */
  start(dbPath: string): Promise<RunningServer>;
}

export const memoryServerMongod: MongodStarter = {
  async start(dbPath) {
    const { MongoBinary, MongoMemoryServer } = await import('mongodb-memory-server');
    // Fetch the binary before create(): create() prints a full stack to the console when the
    // download fails, and that failure is expected on some machines (we fall back and say so).
    await MongoBinary.getPath();
    mkdirSync(dbPath, { recursive: true });
    const server = await MongoMemoryServer.create({ instance: { dbPath, storageEngine: 'wiredTiger' } });
    return {
      uri: server.getUri(),
      stop: async () => {
        await server.stop({ doCleanup: false });
      },
    };
  },
};
