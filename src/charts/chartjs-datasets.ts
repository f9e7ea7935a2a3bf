/** Chart.js datasets and labels for a spec: colours, fills and the doughnut legend text. */
import type { ChartDataset } from 'chart.js';
import type { ChartSpec } from '../ports/chart-renderer';
import { assignColors, normalizeKey, OTHER_COLOR, OTHER_KEY, withAlpha } from './colors';
import { axisFractionDigits, formatAxisLabels, formatCompactCurrency, labelUnit, shortenLabels } from './format';

export type PennyChartType = 'bar' | 'line' | 'doughnut';
export type PennyDataset = ChartDataset<PennyChartType, number[]>;

/** Line charts lose their point dots past this many points: a month of days still shows them. */
export const MAX_POINTS_WITH_DOTS = 31;

const FALLBACK_COLOR = '#5B6472';

export interface DatasetStyle {
  /** Leave out options that only polish, to keep QuickChart URLs short. */
  quick: boolean;
  /** Width / 800: bar thickness grows with the canvas. */
  scale: number;
}

/** Doughnuts have no axis, so the legend carries the amounts: "EC2 · $12K (52%)". */
function sliceLabels(spec: ChartSpec): string[] {
  const totals = spec.labels.map((_, i) => spec.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const whole = totals.reduce((a, b) => a + b, 0);
  return spec.labels.map((label, i) => {
    const value = totals[i] ?? 0;
    const share = whole > 0 ? ` (${Math.round((value / whole) * 100)}%)` : '';
    return `${label} · ${formatCompactCurrency(value, spec.currency, axisFractionDigits(Math.abs(value)))}${share}`;
  });
}

/** Days and months in short form; long names shortened, but never so far that two bars read alike. */
export function chartLabels(spec: ChartSpec): string[] {
  if (spec.kind === 'doughnut') return sliceLabels(spec);
  return labelUnit(spec.labels) ? formatAxisLabels(spec.labels) : shortenLabels(spec.labels);
}

export function chartDatasets(spec: ChartSpec, { quick, scale }: DatasetStyle): PennyDataset[] {
  if (spec.kind === 'doughnut') {
    const sliceColors = assignColors(spec.labels);
    // Chart.js already draws white 2px borders between slices.
    return spec.series.map((s) => ({ label: s.name, data: s.values, backgroundColor: sliceColors }));
  }
  const colors = assignColors(spec.series.map((s) => s.colorKey ?? s.name));
  const single = spec.series.length === 1;
  return spec.series.map((s, i): PennyDataset => {
    const color = colors[i] ?? FALLBACK_COLOR;
    if (spec.kind === 'line') {
      const dots = spec.labels.length <= MAX_POINTS_WITH_DOTS;
      return {
        label: s.name,
        data: s.values,
        borderColor: color,
        backgroundColor: single ? withAlpha(color, 0.15) : color,
        // The light fill reads as "amount"; with several series it would only muddy the lines.
        ...(single ? { fill: 'origin' } : {}),
        ...(dots ? {} : { pointRadius: 0 }),
        // Monotone smoothing never overshoots below zero, unlike `tension`.
        ...(quick
          ? {}
          : { borderWidth: 2, pointRadius: dots ? 3 : 0, pointBackgroundColor: color, cubicInterpolationMode: 'monotone' as const }),
      };
    }
    const stacked = spec.kind === 'stacked-bar';
    // A lone series' "Other" bar (the rest of a top list) is grey, so it is not read as one more name.
    const hasOther = single && spec.labels.some((l) => normalizeKey(l) === OTHER_KEY);
    return {
      label: s.name,
      data: s.values,
      backgroundColor: hasOther ? spec.labels.map((l) => (normalizeKey(l) === OTHER_KEY ? OTHER_COLOR : color)) : color,
      // Rounded corners look wrong between stacked segments.
      ...(quick ? {} : { maxBarThickness: Math.round(64 * scale), ...(stacked ? {} : { borderRadius: 3 }) }),
    };
  });
}
