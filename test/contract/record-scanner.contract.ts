/** What a record scanner must give back: the records of the days asked for, with every field the rules read. */
import type { CostStore } from '../../src/ports/cost-store';
import type { CostRecordScanner, RecordScanFilter, ScannedRecord } from '../../src/ports/record-scanner';
import { rec } from '../fixtures/records';

export interface ScannerHarness {
  store: CostStore & CostRecordScanner;
  cleanup(): Promise<void>;
}

async function scan(store: CostRecordScanner, filter: RecordScanFilter): Promise<ScannedRecord[]> {
  const out: ScannedRecord[] = [];
  for await (const batch of store.scanRecords(filter)) out.push(...batch);
  return out.sort((a, b) => a.day.localeCompare(b.day) || a.resourceId.localeCompare(b.resourceId));
}

export function recordScannerContract(name: string, open: () => Promise<ScannerHarness>): void {
  describe(`record scanner: ${name}`, () => {
    let h: ScannerHarness;
    beforeEach(async () => {
      h = await open();
      await h.store.writeRecords([
        rec('2024-09-30', 1n, { resourceId: 'i-old', instanceType: 'm4.large', resourceType: 'instance', tags: { 'env.name': 'dev' } }),
        rec('2024-10-01', 2n, { resourceId: 'vol-1', resourceType: 'volume' }),
        rec('2024-10-01', 3n, { resourceId: '', chargeCategory: 'credit' }),
        rec('2024-10-02', 12_345_678_901_234_567n, { resourceId: 'i-big' }), // past 2^53
        rec('2024-11-01', 5n, { resourceId: 'i-nov' }),
      ], { importId: 't' });
    });
    afterEach(() => h.cleanup());

    it('reads a range of days across months, with types, tags and exact amounts', async () => {
      const got = await scan(h.store, { range: { start: '2024-09-30', end: '2024-10-03' } });
      expect(got.map((r) => [r.day, r.resourceId, r.billed])).toEqual([
        ['2024-09-30', 'i-old', 1n], ['2024-10-01', '', 3n], ['2024-10-01', 'vol-1', 2n], ['2024-10-02', 'i-big', 12_345_678_901_234_567n],
      ]);
      expect(got[0]).toEqual({
        provider: 'aws', subAccountId: 'A1', subAccountName: 'prod', service: 'Amazon Elastic Compute Cloud', serviceCategory: 'Compute', regionId: 'us-east-1',
        chargeCategory: 'usage', resourceId: 'i-old', resourceType: 'instance', instanceType: 'm4.large', currency: 'USD', tags: { 'env.name': 'dev' },
        day: '2024-09-30', billed: 1n, effective: 0n,
      });
      expect(got[3]!.effective).toBe(11_111_111_011_111_110n);
      expect('instanceType' in got[1]!).toBe(false);
    });

    it('reads some days, and some charge categories', async () => {
      expect((await scan(h.store, { days: ['2024-10-01', '2024-11-01'] })).map((r) => r.resourceId)).toEqual(['', 'vol-1', 'i-nov']);
      expect((await scan(h.store, { range: { start: '2024-09-01', end: '2024-12-01' }, chargeCategories: ['credit'] })).map((r) => r.billed)).toEqual([3n]);
      expect(await scan(h.store, { range: { start: '2025-01-01', end: '2025-02-01' } })).toEqual([]);
    });
  });
}
