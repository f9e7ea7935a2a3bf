/** Chart rendering: a ChartSpec becomes a QuickChart URL (Slack) or a local PNG (CLI, long series). */
import type { ChartRenderer } from '../ports/chart-renderer';
import { LocalPngRenderer, type LocalPngRendererOptions } from './local-png-renderer';
import { QuickChartRenderer, type QuickChartRendererOptions } from './quickchart-renderer';

export type ChartRendererKind = 'quickchart' | 'local';

export function createChartRenderer(kind: 'quickchart', options?: QuickChartRendererOptions): ChartRenderer;
export function createChartRenderer(kind: 'local', options?: LocalPngRendererOptions): ChartRenderer;
export function createChartRenderer(
  kind: ChartRendererKind,
  options?: QuickChartRendererOptions | LocalPngRendererOptions,
): ChartRenderer;
export function createChartRenderer(
  kind: ChartRendererKind,
  options: QuickChartRendererOptions | LocalPngRendererOptions = {},
): ChartRenderer {
  switch (kind) {
    case 'quickchart':
      return new QuickChartRenderer(options);
    case 'local':
      return new LocalPngRenderer(options);
    default:
      throw new Error(`Unknown chart renderer: ${String(kind satisfies never)}`);
  }
}

export { describeChart, hasChartData } from './alt-text';
export { toChartJsConfig, type ChartJsConfigOptions, type PennyChartConfig } from './chartjs-config';
export { colorForKey, PROVIDER_COLORS } from './colors';
export { formatAxisLabels, formatCompactCurrency, formatCurrency } from './format';
export { chartFilename, LocalPngRenderer, type LocalPngRendererOptions } from './local-png-renderer';
export { QuickChartRenderer, SLACK_IMAGE_URL_LIMIT, type QuickChartRendererOptions } from './quickchart-renderer';
