import { MongoCostStore } from '../../src/store/mongo-cost-store';
import { InMemoryCostStore } from '../fakes/in-memory-cost-store';
import { dropTestDb, openTestDb } from '../support/mongo';
import { recordingLogger } from '../support/silent-logger';
import { recordScannerContract } from './record-scanner.contract';

recordScannerContract('in memory', async () => ({ store: new InMemoryCostStore(), cleanup: async () => undefined }));

recordScannerContract('MongoDB (real wire server)', async () => {
  const conn = await openTestDb('recscan');
  const store = new MongoCostStore(conn, { logger: recordingLogger() });
  await store.init();
  return { store, cleanup: () => dropTestDb(conn) };
});
