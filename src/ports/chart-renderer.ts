/** Turns a chart spec into something Slack or the CLI can show: an image URL or a PNG. */
export type ChartKind = 'bar' | 'stacked-bar' | 'line' | 'doughnut';

export interface ChartSeries {
  name: string;
  /** provider id (aws, azure, gcp, oci) or any key; decides the colour */
  colorKey?: string;
  values: number[];
}

export interface ChartSpec {
  kind: ChartKind;
  title: string;
  labels: string[]; // x-axis labels (days like "2026-11-03", months, or names)
  series: ChartSeries[]; // values are currency units for display only (already converted from exact amounts)
  currency: string; // ISO code, e.g. USD, for axis/tooltip formatting
}

export type RenderedChart =
  | { type: 'url'; url: string; altText: string }
  | { type: 'png'; png: Buffer; filename: string; altText: string };

export interface ChartRenderer {
  /** Resolves undefined when no chart can be made (no data, or too big for the medium). */
  render(spec: ChartSpec): Promise<RenderedChart | undefined>;
}
