import { DailyAggregator, DimensionTable } from '../../../src/domain/daily-aggregator';
import { naturalKey } from '../../../src/domain/cost-record';
import { BASE_DIMS } from '../../fixtures/records';

const amounts = (n: bigint) => ({ billed: n, effective: n, list: n });
const FINE = 10n ** 9n; // one nano at the fine scale

describe('DailyAggregator', () => {
  it('folds rows with the same dimensions and day, exactly, and rounds once', () => {
    const table = new DimensionTable();
    const agg = new DailyAggregator(table);
    for (let i = 0; i < 3; i++) agg.add(table.intern({ ...BASE_DIMS }), '2024-09-01', amounts(FINE / 2n)); // 0.5 nano each
    agg.add(table.intern({ ...BASE_DIMS, tags: { b: '1', a: '2' } }), '2024-09-01', amounts(FINE));
    expect(table.size).toBe(2);
    const [chunk] = [...agg.drainChunks(new Date(0))];
    expect(chunk!.map((r) => r.billed).sort()).toEqual([1n, 2n]); // 1.5 nanos rounds half-even to 2
    expect(chunk!.find((r) => r.billed === 2n)!.id).toBe(naturalKey(BASE_DIMS, '2024-09-01'));
  });

  it('drains in chunks that never split a day or cross a month', () => {
    const table = new DimensionTable();
    const agg = new DailyAggregator(table);
    for (const day of ['2024-09-29', '2024-09-30', '2024-10-01']) {
      for (let r = 0; r < 3; r++) agg.add(table.intern({ ...BASE_DIMS, resourceId: `r${r}` }), day, amounts(FINE));
    }
    const chunks = [...agg.drainChunks(new Date(0), 4)];
    expect(chunks.map((c) => c.map((r) => r.day))).toEqual([
      ['2024-09-29', '2024-09-29', '2024-09-29', '2024-09-30', '2024-09-30', '2024-09-30'],
      ['2024-10-01', '2024-10-01', '2024-10-01'],
    ]);
    expect(agg.size).toBe(0);
  });
});
