import { writeFileSync } from 'node:fs';
import { chartFilename, LocalPngRenderer } from '../../../src/charts/local-png-renderer';
import { createChartRenderer } from '../../../src/charts';
import type { ChartSpec } from '../../../src/ports/chart-renderer';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const days = Array.from({ length: 30 }, (_, i) => new Date(Date.UTC(2026, 10, 1 + i)).toISOString().slice(0, 10));
const wave = (base: number, amp: number, phase: number) =>
  days.map((_, i) => Math.round((base + amp * Math.sin(i / 3 + phase) + (i % 7 === 5 ? base * 0.3 : 0)) * 100) / 100);

const byProvider: ChartSpec = {
  kind: 'stacked-bar',
  title: 'Daily cost by provider, November 2026',
  labels: days,
  currency: 'USD',
  series: [
    { name: 'AWS', colorKey: 'aws', values: wave(620, 80, 0) },
    { name: 'Azure', colorKey: 'azure', values: wave(340, 60, 1) },
    { name: 'GCP', colorKey: 'gcp', values: wave(210, 40, 2) },
    { name: 'OCI', colorKey: 'oci', values: wave(90, 20, 3) },
  ],
};

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

/** IHDR is always the first chunk: length(4) type(4) width(4) height(4). */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('LocalPngRenderer', () => {
  it('renders a 1200x600 chart as a 2400x1200 PNG (devicePixelRatio 2)', async () => {
    const out = await new LocalPngRenderer().render(byProvider);
    expect(out?.type).toBe('png');
    if (out?.type !== 'png') throw new Error('expected a PNG');
    expect(out.png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(out.png)).toEqual({ width: 2400, height: 1200 });
    expect(out.filename).toMatch(/^penny-chart-daily-cost-by-provider-november-2026-[0-9a-f]{8}\.png$/);
    expect(out.altText).toMatch(/^Daily cost by provider, November 2026\. Stacked bar chart of 4 series, Nov 1 to Nov 30/);
    // For a human look: PENNY_SAVE_TEST_CHART=/some/file.png npx jest local-png-renderer
    if (process.env.PENNY_SAVE_TEST_CHART) writeFileSync(process.env.PENNY_SAVE_TEST_CHART, out.png);
  });

  it('renders every kind, repeatedly, at the size asked for', async () => {
    const renderer = createChartRenderer('local', { width: 600, height: 300, devicePixelRatio: 1 });
    for (const kind of ['bar', 'horizontal-bar', 'line', 'doughnut', 'stacked-bar'] as const) {
      const out = await renderer.render({ ...byProvider, kind, labels: kind === 'doughnut' ? ['aws', 'azure', 'gcp', 'oci'] : days });
      expect(out?.type === 'png' && pngSize(out.png)).toEqual({ width: 600, height: 300 });
    }
  });

  it('returns undefined when there is nothing to draw', async () => {
    expect(await new LocalPngRenderer().render({ ...byProvider, series: [] })).toBeUndefined();
  });

  it('renders eleven named horizontal bars (the demo\'s top services)', async () => {
    const out = await new LocalPngRenderer().render(topServices);
    expect(out?.type).toBe('png');
    if (out?.type !== 'png') throw new Error('expected a PNG');
    expect(pngSize(out.png)).toEqual({ width: 2400, height: 1200 });
    expect(out.altText).toContain('Horizontal bar chart of 11 bars: Amazon Elastic Compute Cloud $10,310.17; Amazon Relational Database Service $9,763.01;');
    writeFileSync('/tmp/penny-chart-top-services.png', out.png); // for a human look: every name beside its bar
  });
});

describe('chartFilename', () => {
  const name = (title: string, extra: Partial<ChartSpec> = {}) => chartFilename({ ...topServices, title, ...extra });
  const HASH = /-[0-9a-f]{8}\.png$/;

  it('makes safe names from the title, ending in a short hash of the spec', () => {
    expect(name('Cost: AWS / EC2 (Nov 2026)!')).toMatch(/^penny-chart-cost-aws-ec2-nov-2026-[0-9a-f]{8}\.png$/);
    expect(name('€€€')).toMatch(/^penny-chart-chart-[0-9a-f]{8}\.png$/);
  });

  it('cuts a long title at a whole word, at most 60 characters', () => {
    const title = 'Daily cost by provider · last 14 days (2026-11-08 to 2026-11-21) · account: prod-east';
    // Words joined by "-": "daily-cost-by-provider-last-14-days-2026-11-08-to-2026-11-21" is 60 characters.
    expect(name(title).replace(HASH, '')).toBe('penny-chart-daily-cost-by-provider-last-14-days-2026-11-08-to-2026-11-21');
    expect(name('x'.repeat(80)).replace(HASH, '')).toBe(`penny-chart-${'x'.repeat(60)}`);
  });

  it('gives a filtered chart a name of its own, and the same chart the same name', () => {
    const all = name('Top accounts · October 2026');
    const aws = name('Top accounts · October 2026 · provider: AWS');
    expect(aws).toMatch(/^penny-chart-top-accounts-october-2026-provider-aws-[0-9a-f]{8}\.png$/);
    expect(aws).not.toBe(all);
    expect(name('Top accounts · October 2026')).toBe(all);
    // Same title, different bars (a summary's top 5 and a top list's 10): still two files.
    expect(name('Top services · October 2026', { labels: topServices.labels.slice(0, 6) })).not.toBe(name('Top services · October 2026'));
    expect(name('Top services · October 2026', { currency: 'EUR' })).not.toBe(name('Top services · October 2026'));
  });
});
