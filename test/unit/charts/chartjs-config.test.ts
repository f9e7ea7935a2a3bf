import { MAX_POINTS_WITH_DOTS, toChartJsConfig } from '../../../src/charts/chartjs-config';
import type { ChartSpec } from '../../../src/ports/chart-renderer';

const days = (n: number) => Array.from({ length: n }, (_, i) => new Date(Date.UTC(2026, 10, 1 + i)).toISOString().slice(0, 10));

const byProvider: ChartSpec = {
  kind: 'stacked-bar',
  title: 'Daily cost by provider',
  labels: days(3),
  currency: 'USD',
  series: [
    { name: 'AWS', colorKey: 'aws', values: [620.5, 640, 700.25] },
    { name: 'Azure', colorKey: 'azure', values: [340, 310.1, 355] },
    { name: 'Datadog', values: [40, 41, 39.5] },
  ],
};

const single = (kind: ChartSpec['kind'], points: number): ChartSpec => ({
  kind,
  title: 'AWS daily cost',
  labels: days(points),
  currency: 'USD',
  series: [{ name: 'AWS', colorKey: 'aws', values: days(points).map((_, i) => 100 + i) }],
});

/** Reads a dotted path; Chart.js option types are deep partial unions, awkward to narrow in tests. */
function at(value: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), value);
}

/** The demo's top services last month: ten names and "Other", as presentTop makes them. */
const topServices: ChartSpec = {
  kind: 'horizontal-bar',
  title: 'Top services · October 2026',
  labels: [
    'Amazon Elastic Compute Cloud', 'Amazon Relational Database Service', 'Vertex AI', 'Virtual Machines', 'Compute Engine',
    'Azure SQL Database', 'Amazon Virtual Private Cloud', 'BigQuery', 'Kubernetes Engine', 'Amazon Simple Storage Service', 'Other',
  ],
  currency: 'USD',
  series: [{ name: 'Cost', values: [10310.17, 9763.01, 5942.64, 5232.77, 5189.73, 4139.64, 3942.87, 3190.31, 2742.65, 2005.98, 11939.05] }],
};

describe('toChartJsConfig', () => {
  it('matches the reviewed QuickChart config (plain data, no functions)', () => {
    const config = toChartJsConfig(byProvider, { forQuickChart: true });
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
    expect(config).toMatchSnapshot();
  });

  it('gives providers stable colours across charts', () => {
    const stacked = toChartJsConfig(byProvider).data.datasets;
    const line = toChartJsConfig({ ...byProvider, kind: 'line', series: [byProvider.series[1]!, byProvider.series[0]!] }).data.datasets;
    expect(stacked.map((d) => d.backgroundColor)).toEqual(['#FF9900', '#0078D4', expect.stringMatching(/^#[0-9A-F]{6}$/)]);
    expect(line.map((d) => at(d, 'borderColor'))).toEqual(['#0078D4', '#FF9900']);
  });

  it('stacks both axes only for stacked bars', () => {
    const stacked = toChartJsConfig(byProvider);
    expect(at(stacked, 'options.scales.x.stacked')).toBe(true);
    expect(at(stacked, 'options.scales.y.stacked')).toBe(true);
    const grouped = toChartJsConfig({ ...byProvider, kind: 'bar' });
    expect(at(grouped, 'options.scales.x.stacked')).toBeUndefined();
    expect(at(grouped, 'options.scales.y.stacked')).toBeUndefined();
    expect(toChartJsConfig(byProvider).type).toBe('bar');
  });

  it('formats day labels and keeps the title', () => {
    const config = toChartJsConfig(byProvider);
    expect(config.data.labels).toEqual(['Nov 1', 'Nov 2', 'Nov 3']);
    expect(at(config, 'options.plugins.title.text')).toBe('Daily cost by provider');
  });

  it('formats y ticks as compact currency: Intl options for QuickChart, a callback locally', () => {
    const quick = toChartJsConfig(byProvider, { forQuickChart: true });
    expect(at(quick, 'options.scales.y.ticks.format')).toMatchObject({ style: 'currency', currency: 'USD', notation: 'compact' });
    expect(at(quick, 'options.scales.y.ticks.callback')).toBeUndefined();
    const callback = at(toChartJsConfig(byProvider), 'options.scales.y.ticks.callback') as (value: number) => string;
    expect(callback(1234)).toBe('$1.2K');
    expect(callback(0)).toBe('$0');
  });

  it('draws the zero line darker than the other gridlines, locally', () => {
    const color = at(toChartJsConfig(byProvider), 'options.scales.y.grid.color') as (ctx: { tick: { value: number } }) => string;
    expect(color({ tick: { value: 0 } })).not.toBe(color({ tick: { value: 500 } }));
  });

  it('names the unit on the axis when the currency code is unknown to Intl', () => {
    const y = at(toChartJsConfig({ ...byProvider, currency: 'US$' }, { forQuickChart: true }), 'options.scales.y');
    expect(at(y, 'ticks.format')).not.toHaveProperty('currency');
    expect(at(y, 'title')).toEqual({ display: true, text: 'US$' });
  });

  it('shows the legend at the bottom only for several series', () => {
    expect(at(toChartJsConfig(byProvider), 'options.plugins.legend.position')).toBe('bottom');
    expect(at(toChartJsConfig(single('bar', 5)), 'options.plugins.legend.display')).toBe(false);
  });

  it('drops point dots on long line charts and fills a single line lightly', () => {
    const short = toChartJsConfig(single('line', MAX_POINTS_WITH_DOTS));
    const long = toChartJsConfig(single('line', MAX_POINTS_WITH_DOTS + 1));
    expect(at(short, 'data.datasets.0.pointRadius')).toBeGreaterThan(0);
    expect(at(long, 'data.datasets.0.pointRadius')).toBe(0);
    expect(at(toChartJsConfig(single('line', 40), { forQuickChart: true }), 'data.datasets.0.pointRadius')).toBe(0);
    expect(at(short, 'data.datasets.0.fill')).toBe('origin');
    expect(at(short, 'data.datasets.0.backgroundColor')).toBe('#FF990026');
    expect(at(toChartJsConfig({ ...byProvider, kind: 'line' }), 'data.datasets.0.fill')).toBeUndefined();
  });

  it('builds doughnuts with slice colours, amounts in the legend and no axes', () => {
    const config = toChartJsConfig({
      kind: 'doughnut',
      title: 'By provider',
      labels: ['aws', 'gcp'],
      currency: 'USD',
      series: [{ name: 'Cost', values: [750, 250] }],
    });
    expect(config.type).toBe('doughnut');
    expect(config.options?.scales).toBeUndefined();
    expect(config.data.labels).toEqual(['aws · $750 (75%)', 'gcp · $250 (25%)']);
    expect(config.data.datasets[0]?.backgroundColor).toEqual(['#FF9900', '#34A853']);
    expect(at(config, 'options.plugins.legend.position')).toBe('right');
  });

  describe('named bars', () => {
    // Every name, in order; only the one longer than 30 characters is shortened (at a word).
    const shown = [
      'Amazon Elastic Compute Cloud', 'Amazon Relational Database…', 'Vertex AI', 'Virtual Machines', 'Compute Engine',
      'Azure SQL Database', 'Amazon Virtual Private Cloud', 'BigQuery', 'Kubernetes Engine', 'Amazon Simple Storage Service', 'Other',
    ];

    it.each([['QuickChart', true], ['local', false]])('lays horizontal bars on their side with every name (%s)', (_face, forQuickChart) => {
      const config = toChartJsConfig(topServices, { forQuickChart });
      expect(config.type).toBe('bar');
      expect(at(config, 'options.indexAxis')).toBe('y');
      expect(config.data.labels).toEqual(shown);
      // Names down the side, none skipped; amounts across, as currency.
      expect(at(config, 'options.scales.y.ticks.autoSkip')).toBe(false);
      expect(at(config, 'options.scales.y.ticks.format')).toBeUndefined();
      expect(at(config, 'options.scales.x.ticks.format')).toMatchObject({ style: 'currency', currency: 'USD' });
      expect(at(config, 'options.scales.x.ticks.autoSkip')).toBeUndefined();
      expect(at(config, 'options.scales.x.beginAtZero')).toBe(true);
    });

    it('draws the "Other" bar grey, the named ones in the series colour', () => {
      const colors = at(toChartJsConfig(topServices, { forQuickChart: true }), 'data.datasets.0.backgroundColor') as string[];
      expect(colors).toHaveLength(11);
      expect(colors[10]).toBe('#A0A8B4');
      expect(new Set(colors.slice(0, 10)).size).toBe(1);
      expect(colors[0]).not.toBe('#A0A8B4');
    });

    it('shows every name on upright bars too, but lets a run of days thin out', () => {
      expect(at(toChartJsConfig({ ...topServices, kind: 'bar' }), 'options.scales.x.ticks.autoSkip')).toBe(false);
      expect(at(toChartJsConfig({ ...topServices, kind: 'bar' }), 'options.indexAxis')).toBeUndefined();
      expect(at(toChartJsConfig(single('bar', 30)), 'options.scales.x.ticks.autoSkip')).toBeUndefined();
    });

    it('shortens a long title at a word', () => {
      const title = `Top accounts · October 2026 · ${'account: prod-east (123456789012) · '.repeat(4)}`;
      const text = at(toChartJsConfig({ ...topServices, title }), 'options.plugins.title.text') as string;
      // 30 + 2 × 36 characters take it to 102; the third "prod-east" would end at 120, leaving no
      // room for "…" within 120, so it ends at "account" (its colon dropped before the ellipsis).
      expect(text).toBe('Top accounts · October 2026 · account: prod-east (123456789012) · account: prod-east (123456789012) · account…');
    });
  });
});
