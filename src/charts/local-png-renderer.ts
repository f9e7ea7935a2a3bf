/**
 * Renders the Chart.js config locally with @napi-rs/canvas: no network, any series length.
 * Used by the CLI and whenever a QuickChart URL would be too long for Slack.
 */
import { createCanvas } from '@napi-rs/canvas';
import { Chart, registerables, type Plugin } from 'chart.js';
import type { ChartRenderer, ChartSpec, RenderedChart } from '../ports/chart-renderer';
import { describeChart, hasChartData } from './alt-text';
import { toChartJsConfig } from './chartjs-config';

export interface LocalPngRendererOptions {
  /** Logical size in px; the PNG is devicePixelRatio times larger. */
  width?: number;
  height?: number;
  devicePixelRatio?: number;
}

let registered = false;

/** Chart.register mutates Chart.js's global registry; doing it once keeps repeated renders cheap. */
function registerChartJs(): void {
  if (registered) return;
  Chart.register(...registerables);
  registered = true;
}

/** Canvases start transparent, which shows as black or checkerboard in some viewers. */
const whiteBackground: Plugin<'bar' | 'line' | 'doughnut'> = {
  id: 'pennyWhiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#FFFFFF';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

export function chartFilename(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return `penny-chart-${slug || 'chart'}.png`;
}

export class LocalPngRenderer implements ChartRenderer {
  private readonly width: number;
  private readonly height: number;
  private readonly devicePixelRatio: number;

  constructor(options: LocalPngRendererOptions = {}) {
    this.width = options.width ?? 1200;
    this.height = options.height ?? 600;
    this.devicePixelRatio = options.devicePixelRatio ?? 2;
  }

  async render(spec: ChartSpec): Promise<RenderedChart | undefined> {
    if (!hasChartData(spec)) return undefined;
    registerChartJs();
    const canvas = createCanvas(this.width, this.height);
    const config = toChartJsConfig(spec, { width: this.width });
    // Chart.js's typings expect a DOM context; the napi-rs one is API-compatible.
    const context = canvas.getContext('2d') as unknown as ConstructorParameters<typeof Chart>[0];
    const chart = new Chart(context, {
      ...config,
      options: { ...config.options, responsive: false, animation: false, devicePixelRatio: this.devicePixelRatio },
      plugins: [whiteBackground],
    });
    try {
      const png = await canvas.encode('png');
      return { type: 'png', png, filename: chartFilename(spec.title), altText: describeChart(spec) };
    } finally {
      chart.destroy();
    }
  }
}
