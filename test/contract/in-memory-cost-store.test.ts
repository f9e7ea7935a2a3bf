import { InMemoryCostStore } from '../fakes/in-memory-cost-store';
import { costStoreContract } from './cost-store.contract';

costStoreContract('in-memory fake', async () => ({ store: new InMemoryCostStore(), cleanup: async () => undefined }));
