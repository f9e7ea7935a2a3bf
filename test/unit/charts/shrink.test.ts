import { aggregatePoints, displayDecimals, foldSeries, foldSlices, roundValues, shrinkCandidates } from '../../../src/charts/shrink';
import type { ChartSpec } from '../../../src/ports/chart-renderer';

const days = (n: number) => Array.from({ length: n }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const grandTotal = (spec: ChartSpec) => sum(spec.series.map((s) => sum(s.values)));

const spec = (series: number, points: number): ChartSpec => ({
  kind: 'line',
  title: 'Daily cost',
  labels: days(points),
  currency: 'USD',
  series: Array.from({ length: series }, (_, k) => ({ name: `S${k}`, values: days(points).map((_, i) => (k + 1) * 10 + i / 3) })),
});

describe('shrinking a spec', () => {
  it('rounds to display precision relative to the largest value', () => {
    expect(roundValues(spec(1, 2), 1).series[0]?.values).toEqual([10, 10.3]);
    expect(displayDecimals({ ...spec(1, 1), series: [{ name: 'a', values: [5000] }] })).toBe(0);
    expect(displayDecimals({ ...spec(1, 1), series: [{ name: 'a', values: [50] }] })).toBe(1);
    expect(displayDecimals({ ...spec(1, 1), series: [{ name: 'a', values: [5] }] })).toBe(2);
  });

  it('folds the smallest series into a grey "Other", keeping five and the total', () => {
    const input = spec(8, 4);
    const folded = foldSeries(input);
    expect(folded.series.map((s) => s.name)).toEqual(['S4', 'S5', 'S6', 'S7', 'Other']);
    expect(folded.series[4]?.colorKey).toBe('other');
    expect(grandTotal(folded)).toBeCloseTo(grandTotal(input), 9);
  });

  it('folds small doughnut slices into "Other"', () => {
    const pie: ChartSpec = { kind: 'doughnut', title: 'x', labels: ['a', 'b', 'c', 'd'], currency: 'USD', series: [{ name: 'Cost', values: [1, 9, 2, 8] }] };
    expect(foldSlices(pie, 3)).toMatchObject({ labels: ['b', 'd', 'Other'], series: [{ values: [9, 8, 3] }] });
  });

  it('sums adjacent points, keeps the latest run whole, and says so in the title', () => {
    const input = { ...spec(1, 10), series: [{ name: 'a', values: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1] }] };
    const weekly = aggregatePoints(input, 7);
    expect(weekly.labels).toEqual(['2026-01-01', '2026-01-04']);
    expect(weekly.series[0]?.values).toEqual([3, 7]);
    expect(weekly.title).toBe('Daily cost (7-day totals)');
  });

  it('yields ever smaller candidates that keep the total', () => {
    const input = spec(8, 400);
    const candidates = [...shrinkCandidates(input)];
    const sizes = candidates.map((c) => c.labels.length * c.series.length);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    for (const candidate of candidates) expect(grandTotal(candidate)).toBeCloseTo(grandTotal(input), -1);
    expect(candidates.at(-1)!.labels.length).toBeGreaterThanOrEqual(4);
  });
});
