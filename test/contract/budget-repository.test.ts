import { MongoBudgets } from '../../src/store/budgets';
import { InMemoryBudgets } from '../fakes/in-memory-watchdog';
import { dropTestDb, openTestDb } from '../support/mongo';
import { budgetRepositoryContract } from './budget-repository.contract';

budgetRepositoryContract('in memory', async () => ({ budgets: new InMemoryBudgets(), cleanup: async () => undefined }));

budgetRepositoryContract('MongoDB (real wire server)', async () => {
  const conn = await openTestDb('budgets');
  return { budgets: new MongoBudgets(conn), cleanup: () => dropTestDb(conn) };
});
