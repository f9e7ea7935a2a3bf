/**
 * Budgets and their firings in MongoDB, through the driver (plain documents, amounts Int64).
 * A budget's `_id` is its lowercased name; a firing's `_id` is its firing key, so recording a
 * firing is a unique insert: of any number of instances, exactly one records it.
 */
import type { Collection, Connection } from 'mongoose';
import type { BudgetFiring, BudgetFirings, BudgetRepository, StoredBudget } from '../ports/budgets';
import { isDuplicateKey } from './duplicate-key';

type BudgetDoc = Omit<StoredBudget, 'name'> & { _id: string; name: string };
type FiringDoc = Omit<BudgetFiring, 'key'> & { _id: string };

const READ = { useBigInt64: true } as const;

export class MongoBudgets implements BudgetRepository {
  private readonly budgets: Collection<BudgetDoc>;

  constructor(conn: Connection) {
    this.budgets = conn.collection<BudgetDoc>('budgets');
  }

  async upsert(budget: StoredBudget): Promise<void> {
    const write = () => this.budgets.replaceOne({ _id: idOf(budget.name) }, docOf(budget), { upsert: true });
    try {
      await write();
    } catch (error) {
      // Two first-time saves of one name race to insert the same _id; the loser replaces.
      if (!isDuplicateKey(error)) throw error;
      await write();
    }
  }

  async create(budget: StoredBudget): Promise<boolean> {
    try {
      await this.budgets.insertOne({ _id: idOf(budget.name), ...docOf(budget) });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async replace(budget: StoredBudget): Promise<boolean> {
    return (await this.budgets.replaceOne({ _id: idOf(budget.name) }, docOf(budget))).matchedCount > 0;
  }

  async get(name: string): Promise<StoredBudget | undefined> {
    const doc = await this.budgets.findOne({ _id: idOf(name) }, READ);
    return doc ? toBudget(doc) : undefined;
  }

  async list(): Promise<StoredBudget[]> {
    const docs = await this.budgets.find({}, READ).toArray();
    return docs.map(toBudget).sort((a, b) => a.name.localeCompare(b.name));
  }

  async delete(name: string): Promise<boolean> {
    return (await this.budgets.deleteOne({ _id: idOf(name) })).deletedCount > 0;
  }
}

export class MongoBudgetFirings implements BudgetFirings {
  private readonly firings: Collection<FiringDoc>;

  constructor(conn: Connection) {
    this.firings = conn.collection<FiringDoc>('budget_firings');
  }

  async claim(firing: BudgetFiring): Promise<boolean> {
    const { key, ...rest } = firing;
    try {
      await this.firings.insertOne({ _id: key, ...rest });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async forPeriod(budget: string, periodStart: string): Promise<BudgetFiring[]> {
    const docs = await this.firings.find({ budget, periodStart }, READ).toArray();
    return docs
      .map(({ _id, ...rest }) => ({ key: _id, ...rest }))
      .sort((a, b) => a.firedAt.getTime() - b.firedAt.getTime() || a.threshold - b.threshold);
  }
}

function idOf(name: string): string {
  return name.trim().toLowerCase();
}

function docOf(budget: StoredBudget): Omit<BudgetDoc, '_id'> {
  return { ...budget, scope: { ...budget.scope }, actualThresholds: [...budget.actualThresholds], forecastThresholds: [...budget.forecastThresholds] };
}

function toBudget(doc: BudgetDoc): StoredBudget {
  return {
    name: doc.name,
    scope: doc.scope,
    period: doc.period,
    amount: BigInt(doc.amount),
    actualThresholds: [...doc.actualThresholds],
    forecastThresholds: [...doc.forecastThresholds],
    updatedBy: doc.updatedBy ?? '',
    updatedAt: doc.updatedAt,
  };
}
