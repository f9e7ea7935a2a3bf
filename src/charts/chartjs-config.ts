/**
 * ChartSpec -> Chart.js v4 config. Pure.
 * The QuickChart variant is plain data (no functions): x labels are pre-formatted strings and the
 * y axis uses Chart.js `ticks.format` (Intl options), so no JavaScript travels in the URL. It also
 * leaves out purely cosmetic options, because every character is URL-encoded (about 2.5x).
 * The local variant adds named fonts, sizes that scale with the canvas, and a tick callback
 * so that zero reads "$0" rather than Chart.js's bare "0".
 * 'horizontal-bar' is a bar chart with Chart.js's indexAxis 'y': names down the side, amounts across.
 */
import type { ChartConfiguration, ChartOptions } from 'chart.js';
import type { ChartSpec } from '../ports/chart-renderer';
import { chartDatasets, chartLabels, type PennyChartType } from './chartjs-datasets';
import { axisFractionDigits, compactNumberFormat, formatCompactCurrency, knownCurrency, labelUnit, shortenText } from './format';

export { MAX_POINTS_WITH_DOTS } from './chartjs-datasets';

export interface ChartJsConfigOptions {
  /** Plain data only (no functions) and only the options that matter, for QuickChart URLs. */
  forQuickChart?: boolean;
  /** Logical width in px; local fonts and spacing scale with it (800 is the reference). */
  width?: number;
}

export type PennyChartConfig = ChartConfiguration<PennyChartType, number[], string>;
type Options = ChartOptions<PennyChartType>;

/** Longer titles run off the image; shortened at a word, with an ellipsis. */
const MAX_TITLE_LENGTH = 120;
const INK = '#1F2933';
const MUTED = '#5B6472';
const GRID = '#E6E9EE';
const ZERO_LINE = '#B8BFC8';
// skia (napi-rs canvas) picks a serif face for Chart.js's default list, so name a sans one.
const LOCAL_FONT_FAMILY = "Inter, 'Helvetica Neue', Helvetica, Arial, 'DejaVu Sans', sans-serif";

/** The largest magnitude the y axis must reach: per-label sums when stacked. */
function axisMax(spec: ChartSpec): number {
  const magnitudes =
    spec.kind === 'stacked-bar'
      ? spec.labels.map((_, i) => Math.abs(spec.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0)))
      : spec.series.flatMap((s) => s.values.map(Math.abs));
  return Math.max(0, ...magnitudes.filter(Number.isFinite));
}

class Style {
  constructor(
    readonly quick: boolean,
    readonly scale: number,
  ) {}
  px(value: number): number {
    return Math.round(value * this.scale);
  }
  font(size: number) {
    return { size: this.px(size), family: LOCAL_FONT_FAMILY };
  }
  /** Spread `extra` only into local configs. */
  local<T extends object>(extra: T): T | Record<string, never> {
    return this.quick ? {} : extra;
  }
}

function plugins(spec: ChartSpec, style: Style): Options['plugins'] {
  const doughnut = spec.kind === 'doughnut';
  const legendItems = doughnut ? spec.labels.length : spec.series.length;
  return {
    title: {
      display: true,
      text: shortenText(spec.title, MAX_TITLE_LENGTH),
      align: 'start',
      color: INK,
      font: style.quick ? { size: 16 } : { ...style.font(16), weight: 'bold' },
      ...style.local({ padding: { top: 0, bottom: style.px(18) } }),
    },
    // A lone series is named by the title; a legend would only repeat it.
    legend:
      legendItems > 1
        ? {
            position: doughnut ? 'right' : 'bottom',
            labels: {
              usePointStyle: true,
              ...style.local({ color: MUTED, font: style.font(12), boxHeight: style.px(8), padding: style.px(16) }),
            },
          }
        : { display: false },
  };
}

/** Named categories (services, accounts) rather than a run of days or months. */
function namedCategories(spec: ChartSpec): boolean {
  return labelUnit(spec.labels) === undefined;
}

function scales(spec: ChartSpec, style: Style): Options['scales'] {
  const stacked = spec.kind === 'stacked-bar';
  const horizontal = spec.kind === 'horizontal-bar';
  const digits = axisFractionDigits(axisMax(spec));
  const unknownCurrency = knownCurrency(spec.currency) === undefined && spec.currency.trim() !== '';
  const category = {
    ...(stacked ? { stacked } : {}),
    grid: { display: false },
    ticks: {
      // Chart.js hides labels that would crowd; a run of days stays readable that way, but a
      // skipped name leaves its bar anonymous, so named categories show every label.
      ...(namedCategories(spec) ? { autoSkip: false } : {}),
      ...(horizontal ? {} : { maxRotation: 0 }),
      ...style.local({ color: MUTED, font: style.font(12), ...(horizontal ? {} : { autoSkipPadding: style.px(16) }) }),
    },
  };
  const value = {
    ...(stacked ? { stacked } : {}),
    beginAtZero: true,
    ...style.local({
      border: { display: false },
      // A darker zero line, so credits (negative costs) read as below the baseline.
      grid: { color: (ctx: { tick?: { value: number } }) => (ctx.tick?.value === 0 ? ZERO_LINE : GRID) },
    }),
    ticks: {
      format: compactNumberFormat(spec.currency, digits),
      ...style.local({
        color: MUTED,
        font: style.font(12),
        padding: style.px(8),
        maxTicksLimit: 6,
        callback: (value: number | string) => formatCompactCurrency(Number(value), spec.currency, digits),
      }),
    },
    // Unknown codes cannot go in the Intl format, so the axis names the unit instead.
    ...(unknownCurrency ? { title: { display: true, text: spec.currency.trim().slice(0, 8) } } : {}),
  };
  return horizontal ? { x: value, y: category } : { x: category, y: value };
}

export function toChartJsConfig(spec: ChartSpec, options: ChartJsConfigOptions = {}): PennyChartConfig {
  const style = new Style(options.forQuickChart === true, (options.width ?? 800) / 800);
  const doughnut = spec.kind === 'doughnut';
  const chartOptions: Options = {
    locale: 'en-US', // same digits whatever the server's locale
    plugins: plugins(spec, style),
    ...style.local({ layout: { padding: style.px(12) } }),
    ...(doughnut ? { cutout: '58%' } : { scales: scales(spec, style) }),
    ...(spec.kind === 'horizontal-bar' ? { indexAxis: 'y' as const } : {}),
  };
  return {
    type: spec.kind === 'stacked-bar' || spec.kind === 'horizontal-bar' ? 'bar' : spec.kind,
    data: { labels: chartLabels(spec), datasets: chartDatasets(spec, { quick: style.quick, scale: style.scale }) },
    options: chartOptions,
  };
}
