/** Words for a chart: Slack's alt_text and what screen readers announce. */
import type { ChartKind, ChartSpec } from '../ports/chart-renderer';
import { formatAxisLabels, formatCurrency, labelUnit } from './format';

/** Slack caps image alt_text at 2,000 characters. */
export const MAX_ALT_TEXT = 2000;

const KIND_WORDS: Record<ChartKind, string> = {
  bar: 'Bar chart',
  'horizontal-bar': 'Horizontal bar chart',
  'stacked-bar': 'Stacked bar chart',
  line: 'Line chart',
  doughnut: 'Doughnut chart',
};

/** Something to draw: at least one label and one finite value. */
export function hasChartData(spec: ChartSpec): boolean {
  return spec.labels.length > 0 && spec.series.some((s) => s.values.some((v) => Number.isFinite(v)));
}

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + (Number.isFinite(v) ? v : 0), 0);
}

function percent(part: number, whole: number): string {
  return whole > 0 ? ` (${Math.round((part / whole) * 100)}%)` : '';
}

/** The largest item by total, as [name, total]. */
function largest(items: readonly [string, number][]): [string, number] | undefined {
  return items.reduce<[string, number] | undefined>((best, item) => (!best || item[1] > best[1] ? item : best), undefined);
}

export function describeChart(spec: ChartSpec): string {
  const money = (v: number) => formatCurrency(v, spec.currency);
  const labels = formatAxisLabels(spec.labels);
  const title = spec.title.trim() || 'Cost chart';
  const parts = [`${title}.`];

  if (spec.kind === 'doughnut') {
    const slices = labels.map((label, i): [string, number] => [label, sum(spec.series.map((s) => s.values[i] ?? 0))]);
    const total = sum(slices.map(([, v]) => v));
    parts.push(`${KIND_WORDS.doughnut} of ${slices.length} ${slices.length === 1 ? 'part' : 'parts'}, total ${money(total)}.`);
    const top = largest(slices);
    if (top && slices.length > 1) parts.push(`Largest: ${top[0]} ${money(top[1])}${percent(top[1], total)}.`);
  } else if (labelUnit(spec.labels) === undefined && spec.series.length === 1) {
    // Named bars: each name with its amount, as a reader of the picture would see them.
    const only = spec.series[0]!;
    const bars = labels.map((label, i) => `${label} ${money(only.values[i] ?? 0)}`);
    parts.push(`${KIND_WORDS[spec.kind]} of ${bars.length} ${bars.length === 1 ? 'bar' : 'bars'}: ${bars.join('; ')}.`);
  } else {
    const named = labelUnit(spec.labels) === undefined;
    const range = labels.length > 1 ? `${labels[0]} to ${labels[labels.length - 1]}` : (labels[0] ?? '');
    const count = spec.series.length;
    const what = named ? `${labels.join(', ')} (${labels.length} ${labels.length === 1 ? 'group' : 'groups'})` : `${range} (${labels.length} points)`;
    parts.push(`${KIND_WORDS[spec.kind]}${count > 1 ? ` of ${count} series` : ''}, ${what}.`);
    const totals = spec.series.map((s): [string, number] => [s.name, sum(s.values)]);
    const total = sum(totals.map(([, v]) => v));
    parts.push(`Total ${money(total)}.`);
    const top = largest(totals);
    if (top && count > 1) parts.push(`Largest: ${top[0]} ${money(top[1])}${percent(top[1], total)}.`);
    const only = spec.series[0];
    if (count === 1 && only) {
      const peak = only.values.reduce((best, v, i) => (v > (only.values[best] ?? -Infinity) ? i : best), 0);
      parts.push(`Peak ${money(only.values[peak] ?? 0)} on ${labels[peak] ?? '?'}.`);
    }
  }
  const text = parts.join(' ');
  return text.length <= MAX_ALT_TEXT ? text : `${text.slice(0, MAX_ALT_TEXT - 1)}…`;
}
