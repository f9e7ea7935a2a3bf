/** What the budget repository must do, in memory or in MongoDB. */
import type { BudgetRepository, StoredBudget } from '../../src/ports/budgets';

export interface BudgetsHarness {
  budgets: BudgetRepository;
  cleanup(): Promise<void>;
}

const aws: StoredBudget = {
  name: 'AWS', scope: { kind: 'provider', value: 'aws' }, period: 'month', amount: 12_345_678_901_234_567n, // past 2^53 nanos
  actualThresholds: [50, 80, 100], forecastThresholds: [100], updatedBy: 'api:finance', updatedAt: new Date('2024-10-02T12:00:00Z'),
};

export function budgetRepositoryContract(name: string, open: () => Promise<BudgetsHarness>): void {
  describe(`budget repository: ${name}`, () => {
    let h: BudgetsHarness;
    beforeEach(async () => {
      h = await open();
    });
    afterEach(() => h.cleanup());

    it('creates a budget once: a name taken in any case is refused and nothing changes', async () => {
      expect(await h.budgets.create(aws)).toBe(true);
      expect(await h.budgets.create({ ...aws, name: 'aws', amount: 1n })).toBe(false);
      expect(await h.budgets.list()).toEqual([aws]);
    });

    it('replaces only a budget that exists', async () => {
      expect(await h.budgets.replace(aws)).toBe(false);
      expect(await h.budgets.list()).toEqual([]);
      await h.budgets.create(aws);
      const changed: StoredBudget = { ...aws, period: 'quarter', scope: { kind: 'tag', key: 'team', value: 'data' }, actualThresholds: [90] };
      expect(await h.budgets.replace(changed)).toBe(true);
      expect(await h.budgets.get('aws')).toEqual(changed);
    });

    it('upserts, lists by name and deletes (false when there was none)', async () => {
      await h.budgets.upsert({ ...aws, name: 'zeta' });
      await h.budgets.upsert(aws);
      expect((await h.budgets.list()).map((b) => b.name)).toEqual(['AWS', 'zeta']);
      expect(await h.budgets.delete('ZETA')).toBe(true);
      expect(await h.budgets.delete('zeta')).toBe(false);
    });
  });
}
