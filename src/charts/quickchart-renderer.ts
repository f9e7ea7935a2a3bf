/**
 * Chart as a QuickChart image URL: built offline (Slack fetches the image), no upload needed.
 * Slack rejects image_url values over 3,000 characters, so long specs are shrunk step by step,
 * and when nothing fits the renderer returns undefined and the caller shows numbers only.
 */
import QuickChart from 'quickchart-js';
import type { ChartRenderer, ChartSpec, RenderedChart } from '../ports/chart-renderer';
import { describeChart, hasChartData } from './alt-text';
import { toChartJsConfig } from './chartjs-config';
import { shrinkCandidates } from './shrink';

export const SLACK_IMAGE_URL_LIMIT = 3000;

export interface QuickChartRendererOptions {
  /** "quickchart.io" (default), "charts.internal:3400" or a full "http://host:port" for self-hosting. */
  host?: string;
  width?: number;
  height?: number;
  devicePixelRatio?: number;
}

export class QuickChartRenderer implements ChartRenderer {
  private readonly scheme: string;
  private readonly host: string;
  private readonly width: number;
  private readonly height: number;
  private readonly devicePixelRatio: number;

  constructor(options: QuickChartRendererOptions = {}) {
    const match = /^(https?):\/\/(.+?)\/?$/.exec(options.host ?? '');
    this.scheme = match?.[1] ?? 'https';
    this.host = match?.[2] ?? (options.host || 'quickchart.io');
    this.width = options.width ?? 800;
    this.height = options.height ?? 400;
    // Twice the pixels keeps text sharp when Slack scales the image; costs ~20 URL characters.
    this.devicePixelRatio = options.devicePixelRatio ?? 2;
  }

  async render(spec: ChartSpec): Promise<RenderedChart | undefined> {
    if (!hasChartData(spec)) return undefined;
    for (const candidate of shrinkCandidates(spec)) {
      const url = this.urlFor(candidate);
      // The alt text describes the full data, not the shrunk picture.
      if (url.length <= SLACK_IMAGE_URL_LIMIT) return { type: 'url', url, altText: describeChart(spec) };
    }
    return undefined;
  }

  /** The URL for a spec as is, without the length guard. */
  urlFor(spec: ChartSpec): string {
    const chart = new QuickChart()
      .setScheme(this.scheme)
      .setHost(this.host)
      .setVersion('4') // QuickChart defaults to Chart.js 2, whose options differ
      .setWidth(this.width)
      .setHeight(this.height)
      .setDevicePixelRatio(this.devicePixelRatio)
      .setBackgroundColor('white');
    // quickchart-js types the config against its own chart.js copy; ours is plain data.
    chart.setConfig(toChartJsConfig(spec, { forQuickChart: true, width: this.width }) as Parameters<QuickChart['setConfig']>[0]);
    return chart.getUrl();
  }
}
