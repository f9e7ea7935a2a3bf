/**
 * Renders the Chart.js config locally with @napi-rs/canvas: no network, any series length.
 * Used by the CLI and whenever a QuickChart URL would be too long for Slack.
 */
import { createHash } from 'node:crypto';
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

/** Slugs longer than this are cut at the last whole word. */
const MAX_SLUG_LENGTH = 60;

/**
 * "penny-chart-top-accounts-october-2026-provider-aws-1a2b3c4d.png": the title's words, cut at a
 * word, then a short hash of the whole spec. Two different charts never share a name (a filtered
 * answer cannot overwrite an unfiltered one with the same title); the same chart keeps its name.
 */
export function chartFilename(spec: ChartSpec): string {
  const words = spec.title
    .toLowerCase()
    .normalize('NFKD')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG_LENGTH) break;
    slug = next;
  }
  if (!slug && words[0]) slug = words[0].slice(0, MAX_SLUG_LENGTH); // one endless word
  const hash = createHash('sha256').update(JSON.stringify([spec.kind, spec.title, spec.labels, spec.series, spec.currency])).digest('hex').slice(0, 8);
  return `penny-chart-${slug || 'chart'}-${hash}.png`;
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
      return { type: 'png', png, filename: chartFilename(spec), altText: describeChart(spec) };
    } finally {
      chart.destroy();
    }
  }
}
