/** A chart as data: what to draw, never how. Faces hand it to a ChartRenderer. */
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
