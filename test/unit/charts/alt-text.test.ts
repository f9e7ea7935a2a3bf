import { describeChart, hasChartData, MAX_ALT_TEXT } from '../../../src/charts/alt-text';
import type { ChartSpec } from '../../../src/ports/chart-renderer';

const line: ChartSpec = {
  kind: 'line',
  title: 'AWS daily cost',
  labels: ['2026-11-01', '2026-11-02', '2026-11-03'],
  currency: 'EUR',
  series: [{ name: 'AWS', colorKey: 'aws', values: [10, 30.5, 20] }],
};

describe('describeChart', () => {
  it('gives the total and the peak of a single series', () => {
    expect(describeChart(line)).toBe('AWS daily cost. Line chart, Nov 1 to Nov 3 (3 points). Total €60.50. Peak €30.50 on Nov 2.');
  });

  it('names the largest part of a doughnut with its share', () => {
    const pie: ChartSpec = { kind: 'doughnut', title: 'By provider', labels: ['aws', 'gcp'], currency: 'USD', series: [{ name: 'Cost', values: [300, 100] }] };
    expect(describeChart(pie)).toBe('By provider. Doughnut chart of 2 parts, total $400.00. Largest: aws $300.00 (75%).');
  });

  it('names every bar of a named chart with its amount', () => {
    const bars: ChartSpec = { kind: 'horizontal-bar', title: 'Top services', labels: ['EC2', 'S3', 'Other'], currency: 'USD', series: [{ name: 'Cost', values: [750, 200.5, 49.5] }] };
    expect(describeChart(bars)).toBe('Top services. Horizontal bar chart of 3 bars: EC2 $750.00; S3 $200.50; Other $49.50.');
  });

  it('stays within Slack alt_text limits', () => {
    expect(describeChart({ ...line, title: 'x'.repeat(5000) }).length).toBeLessThanOrEqual(MAX_ALT_TEXT);
  });

  it('knows when there is nothing to draw', () => {
    expect(hasChartData(line)).toBe(true);
    expect(hasChartData({ ...line, series: [{ name: 'a', values: [Number.NaN] }] })).toBe(false);
    expect(hasChartData({ ...line, labels: [] })).toBe(false);
  });
});
