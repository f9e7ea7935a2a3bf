import type { Connection } from 'mongoose';
import { MongoCostStore } from '../../src/store/mongo-cost-store';
import { dropTestDb, openTestDb } from '../support/mongo';
import { recordingLogger } from '../support/silent-logger';
import { costStoreContract } from './cost-store.contract';

costStoreContract('MongoDB (real wire server)', async () => {
  const conn: Connection = await openTestDb('contract');
  const store = new MongoCostStore(conn, { logger: recordingLogger() });
  await store.init();
  return { store, cleanup: () => dropTestDb(conn) };
});
