import { QuickChartRenderer, SLACK_IMAGE_URL_LIMIT } from '../../../src/charts/quickchart-renderer';
import { createChartRenderer } from '../../../src/charts';
import type { ChartSpec } from '../../../src/ports/chart-renderer';

const days = (n: number) => Array.from({ length: n }, (_, i) => new Date(Date.UTC(2025, 9, 1 + i)).toISOString().slice(0, 10));

const small: ChartSpec = {
  kind: 'bar',
  title: 'Cost by provider',
  labels: ['2026-09', '2026-10', '2026-11'],
  currency: 'USD',
  series: [
    { name: 'AWS', colorKey: 'aws', values: [1200.456, 1350, 1410.2] },
    { name: 'GCP', colorKey: 'gcp', values: [300, 320.5, 298] },
  ],
};

// 400 days x 8 series with many decimals: far beyond Slack's limit as is.
const huge: ChartSpec = {
  kind: 'stacked-bar',
  title: 'Daily cost by service',
  labels: days(400),
  currency: 'USD',
  series: Array.from({ length: 8 }, (_, k) => ({
    name: `Service ${k + 1}`,
    values: days(400).map((_, i) => 50 * (k + 1) + 17.123456 * Math.sin(i + k)),
  })),
};

const chartParam = (url: string) => new URL(url).searchParams.get('c') ?? '';

describe('QuickChartRenderer', () => {
  it('returns a quickchart.io URL for Chart.js 4 with alt text', async () => {
    const out = await new QuickChartRenderer().render(small);
    expect(out?.type).toBe('url');
    if (out?.type !== 'url') return;
    expect(out.url.startsWith('https://quickchart.io/chart')).toBe(true);
    expect(out.url.length).toBeLessThanOrEqual(SLACK_IMAGE_URL_LIMIT);
    const params = new URL(out.url).searchParams;
    expect(params.get('v')).toBe('4');
    expect(params.get('w')).toBe('800');
    expect(chartParam(out.url)).toContain("'Sep','Oct','Nov'");
    expect(chartParam(out.url)).toContain('1200.46'); // cents are enough
    expect(chartParam(out.url)).not.toContain('function');
    expect(out.altText).toBe('Cost by provider. Bar chart of 2 series, Sep to Nov (3 points). Total $4,879.16. Largest: AWS $3,960.66 (81%).');
  });

  it('keeps a 400-point, 8-series chart within the Slack limit, or gives up', async () => {
    const renderer = new QuickChartRenderer();
    expect(renderer.urlFor(huge).length).toBeGreaterThan(SLACK_IMAGE_URL_LIMIT);
    const out = await renderer.render(huge);
    if (out === undefined) return; // allowed: the caller shows numbers instead
    expect(out.type).toBe('url');
    if (out.type !== 'url') return;
    expect(out.url.length).toBeLessThanOrEqual(SLACK_IMAGE_URL_LIMIT);
    const config = chartParam(out.url);
    expect(config).toContain("label:'Other'");
    expect(config.match(/label:'/g)?.length).toBeLessThanOrEqual(5);
    expect(config).toMatch(/-day totals/);
    expect(out.altText).toContain('8 series'); // describes the data, not the shrunk picture
  });

  it('today fits that chart by summing days, rather than giving up', async () => {
    const out = await new QuickChartRenderer().render(huge);
    expect(out?.type === 'url' && chartParam(out.url)).toContain('-day totals');
  });

  it('returns undefined when even the smallest version is too long', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `A very long service name number ${i} that never fits`);
    const pie: ChartSpec = { kind: 'doughnut', title: 'x'.repeat(120), labels: names, currency: 'USD', series: [{ name: 'Cost', values: names.map((_, i) => i + 1) }] };
    const out = await new QuickChartRenderer({ host: 'https://charts.example.com/' + 'p'.repeat(2900) }).render(pie);
    expect(out).toBeUndefined();
  });

  it('returns undefined when there is nothing to draw', async () => {
    expect(await new QuickChartRenderer().render({ ...small, labels: [], series: [] })).toBeUndefined();
  });

  it('uses a self-hosted QuickChart when given one', async () => {
    const out = await createChartRenderer('quickchart', { host: 'http://charts.internal:3400' }).render(small);
    expect(out?.type === 'url' && out.url.startsWith('http://charts.internal:3400/chart?')).toBe(true);
  });
});
