/** A chart as data: what to draw, never how. Faces hand it to a ChartRenderer. */
/**
 * 'bar' and 'stacked-bar' stand on a time axis (days, months); 'horizontal-bar' lists named
 * categories (services, accounts) one per row, so every name has room to be read.
 */
export type ChartKind = 'bar' | 'horizontal-bar' | 'stacked-bar' | 'line' | 'doughnut';

export interface ChartSeries {
  name: string;
  /** provider id (aws, azure, gcp, oci) or any key; decides the colour */
  colorKey?: string;
  values: number[];
}

export interface ChartSpec {
  kind: ChartKind;
  title: string;
  labels: string[]; // category labels: days like "2026-11-03", months, or names
  series: ChartSeries[]; // values are currency units for display only (already converted from exact amounts)
  currency: string; // ISO code, e.g. EUR (PENNY_CURRENCY or the data's), for axis/tooltip formatting
}
