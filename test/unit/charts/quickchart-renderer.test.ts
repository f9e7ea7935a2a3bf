import { QuickChartRenderer, SLACK_IMAGE_URL_LIMIT } from '../../../src/charts/quickchart-renderer';
import { createChartRenderer } from '../../../src/charts';
import type { ChartSpec, RenderedChart } from '../../../src/ports/chart-renderer';

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

/** The demo's biggest changes last month: ten services, before and after, with long names. */
const biggestChanges: ChartSpec = {
  kind: 'horizontal-bar',
  title: 'Biggest changes · November 2026 vs previous month · account: Customer-Portal (/subscriptions/8e7d6c5b-2222)',
  labels: [
    'BigQuery', 'Azure SQL Database', 'Azure Kubernetes Service', 'Storage Accounts', 'Amazon CloudWatch Logs Ingestion',
    'Amazon Elastic Compute Cloud', 'Amazon Relational Database Service', 'Vertex AI', 'Compute Engine', 'Cloud SQL',
  ],
  currency: 'EUR',
  series: [
    { name: 'previous month', colorKey: 'other', values: [3177.64, 4109.44, 1605.25, 919.79, 120.5, 10232.96, 9717.68, 5896.88, 5150.43, 1939.62] },
    { name: 'November 2026', colorKey: 'current', values: [3633.66, 4120.2, 1608.56, 920.89, 121.75, 8677.72, 9549.3, 5799.53, 5086.76, 1891.61] },
  ],
};

const chartParam = (url: string) => new URL(url).searchParams.get('c') ?? '';

/** The URL of a rendered chart; fails the test when there is none, so no assertion is skipped. */
function urlOf(out: RenderedChart | undefined): Extract<RenderedChart, { type: 'url' }> {
  if (out?.type !== 'url') throw new Error(`expected a URL chart, got ${out === undefined ? 'none' : out.type}`);
  return out;
}

describe('QuickChartRenderer', () => {
  it('returns a quickchart.io URL for Chart.js 4 with alt text', async () => {
    const out = urlOf(await new QuickChartRenderer().render(small));
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

  it('fits a 400-point, 8-series chart within the Slack limit by folding series and summing days', async () => {
    const renderer = new QuickChartRenderer();
    expect(renderer.urlFor(huge).length).toBeGreaterThan(SLACK_IMAGE_URL_LIMIT);
    const out = urlOf(await renderer.render(huge));
    expect(out.url.length).toBeLessThanOrEqual(SLACK_IMAGE_URL_LIMIT);
    const config = chartParam(out.url);
    expect(config).toContain("label:'Other'");
    expect(config.match(/label:'/g)).toHaveLength(5); // four series and "Other"
    expect(config).toMatch(/\(\d+-day totals\)/);
    expect(out.altText).toContain('8 series'); // describes the data, not the shrunk picture
  });

  it('draws every name of a long compare chart on its side, within the Slack limit', async () => {
    const out = urlOf(await new QuickChartRenderer().render(biggestChanges));
    expect(out.url.length).toBeLessThanOrEqual(SLACK_IMAGE_URL_LIMIT);
    const config = chartParam(out.url);
    expect(config).toContain("indexAxis:'y'");
    expect(config).toContain('autoSkip:false');
    // Every bar keeps its own name; the one over 30 characters is cut at a word.
    for (const label of ['BigQuery', 'Azure Kubernetes Service', 'Amazon CloudWatch Logs…', 'Amazon Relational Database…', 'Cloud SQL']) {
      expect(config).toContain(`'${label}'`);
    }
    expect(config).toContain("'Amazon Elastic Compute Cloud'");
    expect(config).toContain("currency:'EUR'");
    expect(config).toContain('10232.96');
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
    const out = urlOf(await createChartRenderer('quickchart', { host: 'http://charts.internal:3400' }).render(small));
    expect(out.url.startsWith('http://charts.internal:3400/chart?')).toBe(true);
  });
});
