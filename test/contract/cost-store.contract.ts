/**
 * What every CostStore must do. Run against each implementation by the *.test.ts files here.
 */
import type { CostQuery, GroupRow } from '../../src/domain/cost-query';
import { mergeRows } from '../../src/domain/cost-query';
import type { CostStore } from '../../src/ports/cost-store';
import { rec } from '../fixtures/records';

export interface StoreHarness {
  store: CostStore;
  cleanup(): Promise<void>;
}

const q = (start: string, end: string, over: Partial<CostQuery> = {}): CostQuery => ({ range: { start, end }, filters: {}, metric: 'billed', ...over });

/** Rows merged and sorted, so implementations that split rows differently compare equal. */
export function norm(rows: GroupRow[]): [string, string, bigint][] {
  return mergeRows(rows)
    .map((r): [string, string, bigint] => [r.currency, r.key, r.amount])
    .sort((a, b) => (a[0] + a[1]).localeCompare(b[0] + b[1]));
}

export function costStoreContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`CostStore contract: ${name}`, () => {
    let h: StoreHarness;
    beforeEach(async () => {
      h = await open();
    });
    afterEach(async () => {
      await h.cleanup();
    });

    it('answers nothing from an empty store', async () => {
      expect(await h.store.groupCosts(q('2024-01-01', '2025-01-01', { groupBy: 'service' }))).toEqual([]);
      expect((await h.store.coverage()).months).toEqual([]);
    });

    it('sums exactly across partial and whole months, for each metric', async () => {
      await h.store.writeRecords([
        rec('2024-08-31', 1_000_000_001n),
        rec('2024-09-01', 2_000_000_002n),
        rec('2024-09-15', 3_000_000_003n, { service: 'Amazon S3', resourceId: 'b-1' }),
        rec('2024-09-30', 4_000_000_004n),
        rec('2024-10-01', 5_000_000_005n),
        rec('2024-10-02', 123n),
      ], { importId: 'i1' });
      expect(norm(await h.store.groupCosts(q('2024-09-01', '2024-10-01')))).toEqual([['USD', '', 9_000_000_009n]]);
      expect(norm(await h.store.groupCosts(q('2024-08-31', '2024-10-02')))).toEqual([['USD', '', 15_000_000_015n]]);
      expect(norm(await h.store.groupCosts(q('2024-09-02', '2024-10-03', { metric: 'list' })))).toEqual([['USD', '', 2n * (3_000_000_003n + 4_000_000_004n + 5_000_000_005n + 123n)]]);
      expect(norm(await h.store.groupCosts(q('2024-09-01', '2024-10-01', { groupBy: 'service' })))).toEqual([
        ['USD', 'Amazon Elastic Compute Cloud', 6_000_000_006n],
        ['USD', 'Amazon S3', 3_000_000_003n],
      ]);
      expect(norm(await h.store.groupCosts(q('2024-08-01', '2024-11-01', { groupBy: 'month' })))).toEqual([
        ['USD', '2024-08', 1_000_000_001n],
        ['USD', '2024-09', 9_000_000_009n],
        ['USD', '2024-10', 5_000_000_128n],
      ]);
      expect(norm(await h.store.groupCosts(q('2024-09-30', '2024-10-03', { groupBy: 'day' })))).toEqual([
        ['USD', '2024-09-30', 4_000_000_004n],
        ['USD', '2024-10-01', 5_000_000_005n],
        ['USD', '2024-10-02', 123n],
      ]);
      expect((await h.store.coverage())).toMatchObject({ months: ['2024-08', '2024-09', '2024-10'], firstDay: '2024-08-31', lastDay: '2024-10-02' });
    });

    it('writing the same records again changes nothing; a new value replaces the old', async () => {
      const records = [rec('2024-09-01', 10n), rec('2024-09-02', 20n), rec('2024-09-02', 5n, { resourceId: 'i-2' })];
      await h.store.writeRecords(records, { importId: 'a' });
      await h.store.writeRecords(records, { importId: 'b' });
      expect(norm(await h.store.groupCosts(q('2024-09-01', '2024-10-01')))).toEqual([['USD', '', 35n]]);
      await h.store.writeRecords([rec('2024-09-02', 50n)], { importId: 'c' });
      expect(norm(await h.store.groupCosts(q('2024-09-01', '2024-10-01', { groupBy: 'day' })))).toEqual([
        ['USD', '2024-09-01', 10n],
        ['USD', '2024-09-02', 55n],
      ]);
    });

    it('rewrites more records than one write batch holds', async () => {
      const many = Array.from({ length: 250 }, (_, i) => rec(`2024-09-${String(1 + (i % 30)).padStart(2, '0')}`, BigInt(i), { resourceId: `r-${i}` }));
      await h.store.writeRecords(many, { importId: 'a' });
      await h.store.writeRecords(many.map((r) => ({ ...r, billed: r.billed * 2n })), { importId: 'b' });
      expect(norm(await h.store.groupCosts(q('2024-09-01', '2024-10-01')))).toEqual([['USD', '', 2n * ((249n * 250n) / 2n)]]);
    });

    it('writes batches from an async iterable as one write, even when a day is split across batches', async () => {
      async function* batches() {
        yield [rec('2024-09-01', 1n, { resourceId: 'a' })];
        yield [rec('2024-09-01', 2n, { resourceId: 'b' }), rec('2024-09-02', 4n)];
        yield [rec('2024-10-01', 8n)];
      }
      const result = await h.store.writeRecords(batches(), { importId: 'it' });
      expect(result).toMatchObject({ records: 4, inserted: 4, months: ['2024-09', '2024-10'] });
      expect(norm(await h.store.groupCosts(q('2024-09-01', '2024-11-01', { groupBy: 'month' })))).toEqual([['USD', '2024-09', 7n], ['USD', '2024-10', 8n]]);
      expect(norm(await h.store.groupCosts(q('2024-09-01', '2024-09-03', { groupBy: 'day' })))).toEqual([['USD', '2024-09-01', 3n], ['USD', '2024-09-02', 4n]]);
      async function* more() {
        yield [rec('2024-09-01', 10n, { resourceId: 'a' })];
        yield [rec('2024-09-03', 16n)];
      }
      expect(await h.store.writeRecords(more(), { importId: 'it2' })).toMatchObject({ inserted: 1, replaced: 1 });
      expect(norm(await h.store.groupCosts(q('2024-09-01', '2024-10-01', { groupBy: 'month' })))).toEqual([['USD', '2024-09', 32n]]);
    });

    it('filters by every dimension and excludes credits', async () => {
      await h.store.writeRecords([
        rec('2024-09-01', 100n),
        rec('2024-09-01', 200n, { provider: 'gcp', subAccountId: 'P1', subAccountName: 'proj', service: 'BigQuery', regionId: 'us-central1', regionName: 'Iowa' }),
        rec('2024-09-01', -30n, { chargeCategory: 'credit', resourceId: '' }),
        rec('2024-09-01', 7n, { chargeCategory: 'tax', resourceId: '' }),
      ], { importId: 'f' });
      const total = async (filters: CostQuery['filters']) => norm(await h.store.groupCosts(q('2024-09-01', '2024-10-01', { filters })))[0]?.[2];
      expect(await total({})).toBe(277n);
      expect(await total({ providers: ['gcp'] })).toBe(200n);
      expect(await total({ subAccountIds: ['A1'] })).toBe(77n);
      expect(await total({ services: ['BigQuery', 'Amazon Elastic Compute Cloud'] })).toBe(277n);
      expect(await total({ regionIds: ['us-central1'] })).toBe(200n);
      expect(await total({ chargeCategories: ['credit'] })).toBe(-30n);
      expect(await total({ excludeChargeCategories: ['credit'] })).toBe(307n);
      expect(await total({ providers: ['azure'] })).toBeUndefined();
      expect(norm(await h.store.groupCosts(q('2024-09-01', '2024-10-01', { groupBy: 'charge-category' })))).toEqual([
        ['USD', 'credit', -30n], ['USD', 'tax', 7n], ['USD', 'usage', 300n],
      ]);
      expect(norm(await h.store.groupCosts(q('2024-09-01', '2024-10-01', { groupBy: 'account' })))).toEqual([['USD', 'A1', 77n], ['USD', 'P1', 200n]]);
    });

    it('splits groups by day across a month boundary, with a category filter', async () => {
      await h.store.writeRecords([
        rec('2024-09-30', 1n),
        rec('2024-09-30', 2n, { service: 'Amazon S3', resourceId: 'b-1' }),
        rec('2024-10-01', 4n),
        rec('2024-10-01', 8n, { resourceId: 'i-2' }),
        rec('2024-10-01', 16n, { chargeCategory: 'purchase', resourceId: '' }),
      ], { importId: 's' });
      const split = async (over: Partial<CostQuery>) =>
        (await h.store.groupCosts(q('2024-09-01', '2024-11-01', { groupBy: 'service', splitByDay: true, ...over })))
          .map((r) => [r.key, r.day, r.amount] as const)
          .sort((a, b) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`));
      expect(await split({})).toEqual([
        ['Amazon Elastic Compute Cloud', '2024-09-30', 1n],
        ['Amazon Elastic Compute Cloud', '2024-10-01', 28n],
        ['Amazon S3', '2024-09-30', 2n],
      ]);
      expect(await split({ filters: { chargeCategories: ['usage'] } })).toEqual([
        ['Amazon Elastic Compute Cloud', '2024-09-30', 1n],
        ['Amazon Elastic Compute Cloud', '2024-10-01', 12n],
        ['Amazon S3', '2024-09-30', 2n],
      ]);
      expect(await split({ groupBy: undefined, filters: { excludeChargeCategories: ['usage'] } })).toEqual([['', '2024-10-01', 16n]]);
    });

    it('groups and filters by tags, with awkward keys and untagged costs', async () => {
      await h.store.writeRecords([
        rec('2024-09-01', 1n, { tags: { team: 'data', 'cost.center': 'cc-1' } }),
        rec('2024-09-02', 2n, { tags: { team: 'web', $weird: 'x' } }),
        rec('2024-09-03', 4n, { tags: {} }),
      ], { importId: 't' });
      expect(norm(await h.store.groupCosts(q('2024-09-01', '2024-10-01', { groupBy: 'tag:team' })))).toEqual([['USD', '', 4n], ['USD', 'data', 1n], ['USD', 'web', 2n]]);
      expect(norm(await h.store.groupCosts(q('2024-09-01', '2024-10-01', { groupBy: 'tag:cost.center' })))).toEqual([['USD', '', 6n], ['USD', 'cc-1', 1n]]);
      expect(norm(await h.store.groupCosts(q('2024-09-01', '2024-10-01', { filters: { tags: [{ key: '$weird', value: 'x' }] } })))).toEqual([['USD', '', 2n]]);
      const keys = (await h.store.dimensionValues('tag-key')).map((d) => d.value).sort();
      expect(keys).toEqual(['$weird', 'cost.center', 'team']);
    });

    it('filters by match-rule sets (each by any rule) and by none of some rules, with tags and accounts (projects)', async () => {
      await h.store.writeRecords([
        rec('2024-09-01', 1n, { subAccountId: 'A1', tags: { team: 'data' } }),
        rec('2024-09-02', 2n, { subAccountId: 'A2', subAccountName: 'staging', tags: { team: 'web' } }),
        rec('2024-09-30', 4n, { subAccountId: 'A3', subAccountName: 'sandbox', tags: {} }),
        rec('2024-10-01', 8n, { subAccountId: 'A2', subAccountName: 'staging', tags: { team: 'data' } }),
      ], { importId: 'r' });
      const total = async (filters: CostQuery['filters'], end = '2024-11-01') => norm(await h.store.groupCosts(q('2024-09-01', end, { filters })))[0]?.[2];
      const data = { tag: { key: 'team', value: 'data' } };
      expect(await total({ ruleSets: [[{ accounts: ['A1', 'A3'] }]] })).toBe(5n);
      expect(await total({ ruleSets: [[{ accounts: ['A3'] }, data]] })).toBe(13n);
      expect(await total({ noneOf: [{ accounts: ['A3'] }, data] })).toBe(2n);
      expect(await total({ ruleSets: [[{ accounts: ['A2'] }]], noneOf: [data] })).toBe(2n);
      expect(await total({ ruleSets: [[{ accounts: ['A2'] }]], noneOf: [{ accounts: ['A2'] }] })).toBeUndefined();
      expect(await total({ ruleSets: [[]] })).toBeUndefined();
      expect(await total({ ruleSets: [[{ accounts: ['A1', 'A2'] }], [data]] })).toBe(9n);
      // A whole month (rollups) and part of one (daily rollup) agree with the records.
      expect(await total({ ruleSets: [[{ accounts: ['A2'] }]] }, '2024-10-01')).toBe(2n);
      expect(await total({ noneOf: [{ accounts: ['A2'] }] }, '2024-10-01')).toBe(5n);
    });

    it('splits groups by day when asked', async () => {
      await h.store.writeRecords([
        rec('2024-09-01', 1n),
        rec('2024-09-01', 2n, { provider: 'gcp', subAccountId: 'P1', service: 'BigQuery' }),
        rec('2024-09-02', 4n, { provider: 'gcp', subAccountId: 'P1', service: 'BigQuery' }),
        rec('2024-10-01', 8n),
      ], { importId: 's' });
      const rows = mergeRows(await h.store.groupCosts(q('2024-09-01', '2024-11-01', { groupBy: 'provider', splitByDay: true })))
        .map((r) => [r.day, r.key, r.amount] as const)
        .sort((a, b) => `${a[0]} ${a[1]}`.localeCompare(`${b[0]} ${b[1]}`));
      expect(rows).toEqual([['2024-09-01', 'aws', 1n], ['2024-09-01', 'gcp', 2n], ['2024-09-02', 'gcp', 4n], ['2024-10-01', 'aws', 8n]]);
    });

    it('keeps currencies apart', async () => {
      await h.store.writeRecords([rec('2024-09-01', 10n), rec('2024-09-01', 20n, { currency: 'EUR' })], { importId: 'c' });
      expect(norm(await h.store.groupCosts(q('2024-09-01', '2024-10-01')))).toEqual([['EUR', '', 20n], ['USD', '', 10n]]);
      expect(norm(await h.store.groupCosts(q('2024-09-01', '2024-10-01', { filters: { currency: 'EUR' } })))).toEqual([['EUR', '', 20n]]);
    });

    it("replacing a source's days removes what the new set dropped, and nothing else", async () => {
      const cloud = { source: 'aws' };
      await h.store.writeRecords([
        rec('2024-09-29', 1n, { ...cloud, resourceId: 'keep' }),
        rec('2024-09-30', 2n, { ...cloud, resourceId: 'gone' }),
        rec('2024-09-30', 4n, { ...cloud, resourceId: 'kept' }),
        rec('2024-10-01', 8n, { ...cloud, resourceId: 'gone-too' }),
        rec('2024-09-30', 16n, { source: 'focus' }),
      ], { importId: 'first' });
      const result = await h.store.replaceSourceDays('aws', ['2024-09-30', '2024-10-01', '2024-10-02'], [
        rec('2024-09-30', 5n, { ...cloud, resourceId: 'kept' }),
        rec('2024-10-02', 32n, { ...cloud, resourceId: 'new' }),
      ], { importId: 'second' });
      expect(result).toMatchObject({ records: 2, inserted: 1, replaced: 1, removed: 2 });
      const byDay = await h.store.groupCosts(q('2024-09-01', '2024-11-01', { groupBy: 'day' }));
      expect(norm(byDay)).toEqual([['USD', '2024-09-29', 1n], ['USD', '2024-09-30', 21n], ['USD', '2024-10-02', 32n]]);
      // Whole-month answers come from the monthly rollups: they must have followed.
      expect(norm(await h.store.groupCosts(q('2024-09-01', '2024-11-01', { groupBy: 'month' })))).toEqual([['USD', '2024-09', 22n], ['USD', '2024-10', 32n]]);
      // Replacing with the same set again changes nothing.
      expect(await h.store.replaceSourceDays('aws', ['2024-09-30'], [rec('2024-09-30', 5n, { ...cloud, resourceId: 'kept' })], { importId: 'third' })).toMatchObject({ removed: 0, unchanged: 1 });
    });

    it('refuses a replacement carrying records of another source or day', async () => {
      await expect(h.store.replaceSourceDays('aws', ['2024-09-30'], [rec('2024-09-30', 1n)], { importId: 'x' })).rejects.toThrow();
      await expect(h.store.replaceSourceDays('test', ['2024-09-30'], [rec('2024-10-01', 1n)], { importId: 'x' })).rejects.toThrow();
    });

    it('leaves out a no-value group that sums to zero, and keeps one that does not', async () => {
      await h.store.writeRecords([
        rec('2024-09-01', 10n, { regionId: '', regionName: '', resourceId: 'a' }),
        rec('2024-09-01', -10n, { regionId: '', regionName: '', resourceId: 'b' }),
        rec('2024-09-01', 7n),
        rec('2024-09-02', 3n, { service: '', resourceId: 'c' }),
      ], { importId: 'z' });
      expect(norm(await h.store.groupCosts(q('2024-09-01', '2024-10-01', { groupBy: 'region' })))).toEqual([['USD', 'us-east-1', 10n]]);
      expect(norm(await h.store.groupCosts(q('2024-09-01', '2024-10-01', { groupBy: 'service' })))).toEqual([['USD', '', 3n], ['USD', 'Amazon Elastic Compute Cloud', 7n]]);
    });

    it('lists the values it has seen per dimension', async () => {
      await h.store.writeRecords([rec('2024-09-01', 1n), rec('2024-09-01', 1n, { subAccountId: 'A2', subAccountName: 'staging', service: 'BigQuery' })], { importId: 'd' });
      const accounts = (await h.store.dimensionValues('account')).sort((a, b) => a.value.localeCompare(b.value));
      expect(accounts).toEqual([
        { dim: 'account', value: 'A1', label: 'prod', parent: 'B1' },
        { dim: 'account', value: 'A2', label: 'staging', parent: 'B1' },
      ]);
      expect((await h.store.dimensionValues('service')).map((s) => s.value).sort()).toEqual(['Amazon Elastic Compute Cloud', 'BigQuery']);
      expect((await h.store.dimensionValues('region')).map((s) => [s.value, s.label])).toEqual([['us-east-1', 'US East (N. Virginia)']]);
    });
  });
}
