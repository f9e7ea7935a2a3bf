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

  it('folds named bars into "Other" and never sums neighbours under one name', () => {
    const labels = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'Other'];
    const bars: ChartSpec = { kind: 'horizontal-bar', title: 'Top', labels, currency: 'USD', series: [{ name: 'Cost', values: [12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 100] }] };
    const candidates = [...shrinkCandidates(bars)];
    // Rounded (nothing to round), then 10 bars (a–i + Other: 3 + 2 + 100), then 6 (a–e + Other: 7+6+5+4+3+2+100).
    expect(candidates.map((c) => c.labels)).toEqual([labels, labels, [...labels.slice(0, 9), 'Other'], [...labels.slice(0, 5), 'Other']]);
    expect(candidates[2]!.series[0]!.values).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 105]);
    expect(candidates[3]!.series[0]!.values).toEqual([12, 11, 10, 9, 8, 127]);
    expect(candidates.every((c) => !c.title.includes('totals'))).toBe(true);
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
