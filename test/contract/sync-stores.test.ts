import { MongoRequestCountRepository } from '../../src/store/request-counts';
import { MongoSyncRunRepository } from '../../src/store/sync-runs';
import { InMemoryRequestCounts, InMemorySyncRuns } from '../fakes/in-memory-sync-stores';
import { dropTestDb, openTestDb } from '../support/mongo';
import { syncStoresContract } from './sync-stores.contract';

syncStoresContract('in memory', async () => ({ runs: new InMemorySyncRuns(), counts: new InMemoryRequestCounts(), cleanup: async () => undefined }));

syncStoresContract('MongoDB (real wire server)', async () => {
  const conn = await openTestDb('syncstores');
  const runs = new MongoSyncRunRepository(conn);
  await runs.init();
  return { runs, counts: new MongoRequestCountRepository(conn), cleanup: () => dropTestDb(conn) };
});
