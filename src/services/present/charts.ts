/**
 * The chart specs the presenters attach to answers. Titles name the period and every filter, so a
 * chart read on its own (a saved PNG, an image in a thread) says what it shows.
 */
import { nanosToNumber } from '../../domain/money';
import type { ChartKind, ChartSpec } from '../../answers/chart-spec';
import type { FilterNote, Ranked } from '../../answers/types';

/** "provider: AWS": the one value a filter matched, else what was typed. */
function filterTitle(f: FilterNote): string {
  return `${f.dim}: ${f.matched.length === 1 ? f.matched[0] : f.input}`;
}

/** "Top accounts · October 2026 · provider: AWS". */
export function chartTitle(subject: string, periodLabel: string, filters: readonly FilterNote[] = []): string {
  return [subject, periodLabel, ...filters.map(filterTitle)].join(' · ');
}

/** Row labels, with the key added to any label two rows share ("prod (1111)", "prod (2222)"). */
function distinctLabels(rows: readonly Ranked[]): string[] {
  const count = new Map<string, number>();
  for (const r of rows) count.set(r.label, (count.get(r.label) ?? 0) + 1);
  return rows.map((r) => ((count.get(r.label) ?? 0) > 1 && r.key !== r.label ? `${r.label} (${r.key})` : r.label));
}

/** Ranked rows as one bar each, plus an "Other" bar for the rest so the bars add up to the total. */
export function rankedChart(title: string, rows: readonly Ranked[], rest: bigint, currency: string): ChartSpec | undefined {
  if (rows.length === 0) return undefined;
  const labels = distinctLabels(rows);
  const values = rows.map((r) => nanosToNumber(r.amount));
  if (rest !== 0n) {
    labels.push('Other');
    values.push(nanosToNumber(rest));
  }
  return { kind: 'horizontal-bar', title, labels, series: [{ name: 'Cost', values }], currency };
}

/** Each changed row's amount before and after, side by side. */
export function compareChart(title: string, rows: readonly Ranked[], beforeName: string, afterName: string, currency: string): ChartSpec | undefined {
  if (rows.length === 0) return undefined;
  return {
    kind: 'horizontal-bar',
    title,
    labels: distinctLabels(rows),
    series: [
      { name: beforeName, colorKey: 'other', values: rows.map((r) => nanosToNumber(r.change?.previous ?? 0n)) },
      { name: afterName, colorKey: 'current', values: rows.map((r) => nanosToNumber(r.amount)) },
    ],
    currency,
  };
}

/** A one-series chart over every day of a range, or undefined when the range has no costs at all. */
export function dayChart(kind: ChartKind, title: string, days: readonly { day: string; amount: bigint }[], currency: string): ChartSpec | undefined {
  if (days.length === 0 || days.every((d) => d.amount === 0n)) return undefined;
  return { kind, title, labels: days.map((d) => d.day), series: [{ name: 'Daily cost', values: days.map((d) => nanosToNumber(d.amount)) }], currency };
}
