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

/** IHDR is always the first chunk: length(4) type(4) width(4) height(4). */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('LocalPngRenderer', () => {
  it('renders a 1200x600 chart as a 2400x1200 PNG (devicePixelRatio 2)', async () => {
    const out = await new LocalPngRenderer().render(byProvider);
    expect(out?.type).toBe('png');
    if (out?.type !== 'png') return;
    expect(out.png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(out.png)).toEqual({ width: 2400, height: 1200 });
    expect(out.filename).toBe('penny-chart-daily-cost-by-provider-november-2026.png');
    expect(out.altText).toMatch(/^Daily cost by provider, November 2026\. Stacked bar chart of 4 series, Nov 1 to Nov 30/);
    // For a human look: PENNY_SAVE_TEST_CHART=/some/file.png npx jest local-png-renderer
    if (process.env.PENNY_SAVE_TEST_CHART) writeFileSync(process.env.PENNY_SAVE_TEST_CHART, out.png);
  });

  it('renders every kind, repeatedly, at the size asked for', async () => {
    const renderer = createChartRenderer('local', { width: 600, height: 300, devicePixelRatio: 1 });
    for (const kind of ['bar', 'line', 'doughnut', 'stacked-bar'] as const) {
      const out = await renderer.render({ ...byProvider, kind, labels: kind === 'doughnut' ? ['aws', 'azure', 'gcp', 'oci'] : days });
      expect(out?.type === 'png' && pngSize(out.png)).toEqual({ width: 600, height: 300 });
    }
  });

  it('returns undefined when there is nothing to draw', async () => {
    expect(await new LocalPngRenderer().render({ ...byProvider, series: [] })).toBeUndefined();
  });

  it('makes safe file names', () => {
    expect(chartFilename('Cost: AWS / EC2 (Nov 2026)!')).toBe('penny-chart-cost-aws-ec2-nov-2026.png');
    expect(chartFilename('€€€')).toBe('penny-chart-chart.png');
  });
});
