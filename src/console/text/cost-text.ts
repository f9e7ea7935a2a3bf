/** Summary, top, compare and daily answers as terminal text: the same facts Slack shows. */
import { providerLabel } from '../../domain/cost-record';
import { divRoundHalfEven } from '../../domain/money';
import { weekdayDay } from '../../answers/dates';
import { freshnessLine } from '../../answers/freshness';
import { comparisonNote } from '../../answers/comparison';
import { changeDetail, changeText, dimPlural, filterParts, metricText, money, moreText, otherCurrencyText, rowChangeText, shareText, signedMoney, totalChangeText } from '../../answers/phrases';
import type { CompareAnswer, DailyAnswer, DailyDay, Ranked, SummaryAnswer, TopAnswer } from '../../answers/types';
import { facts, followUps, list, notes, sections, title } from './layout';

/** Where the face saved the answer's chart, if it drew one. */
export interface TextExtras {
  chartPath?: string;
}

/** "1. Amazon EC2 (123456789012) — $1,234.56 · 38% · ▲ 12.3%" (or "▲ +$35.10" when the percentage is held back). */
export function rankedText(index: number, row: Ranked, currency: string, detail?: string): string {
  const parts = [money(row.amount, currency), shareText(row.share), rowChangeText(row.change, row.amount, currency)].filter((p) => p !== '');
  return `${index}. ${row.label}${detail ? ` (${detail})` : ''} — ${parts.join(' · ')}`;
}

/** "1. EC2 — +$234.00 · ▲ 23.4% · now $1,234.56" */
export function changeRowText(index: number, row: Ranked, currency: string): string {
  const delta = row.change ? row.amount - row.change.previous : 0n;
  const parts = [signedMoney(delta, currency), changeText(row.change, row.amount), row.amount === 0n ? 'now none' : `now ${money(row.amount, currency)}`];
  return `${index}. ${row.label} — ${parts.filter((p) => p !== '').join(' · ')}`;
}

export function chartLine(extras: TextExtras): string {
  return extras.chartPath ? `Chart: ${extras.chartPath}` : '';
}

function footer(a: { metric?: string; filters?: SummaryAnswer['filters']; currency: string; otherCurrencies?: string[] }, first: string): string {
  const filtered = filterParts(a.filters);
  return notes([first, filtered.length > 0 ? `Filtered: ${filtered.join('; ')}` : '', otherCurrencyText(a.currency, a.otherCurrencies)]);
}

export function summaryText(a: SummaryAnswer, extras: TextExtras = {}): string {
  const empty = a.top.length === 0 && a.total === 0n;
  const body = empty
    ? `No costs recorded for ${a.periodLabel}.`
    : sections([
        facts([['Total', money(a.total, a.currency)], ...(a.change ? [[`vs ${a.previousLabel ?? 'previous period'}`, changeDetail(a.change, a.total, a.currency)] as const] : [])]),
        notes([comparisonNote(a.coverage, [a.change, ...a.top.map((r) => r.change)])]),
        list('Top services', a.top.map((r, i) => rankedText(i + 1, r, a.currency)), moreText(a.moreCount, 'services', a.rest, a.currency)),
        chartLine(extras),
      ]);
  return sections([title(`Cloud costs · ${a.periodLabel}`), body, followUps(a.actions), footer(a, `${metricText(a.metric)} · ${freshnessLine(a.freshness)}`)]);
}

export function topText(a: TopAnswer, extras: TextExtras = {}): string {
  const noun = dimPlural(a.dim, a.dimLabel);
  const empty = a.items.length === 0 && a.total === 0n;
  const detail = (row: Ranked) => (a.dim === 'account' && row.key !== row.label && row.key !== '' ? row.key : undefined);
  const body = empty
    ? `No costs recorded for ${a.periodLabel}.`
    : sections([
        facts([['Total', money(a.total, a.currency)], ['With costs', `${a.items.length + a.moreCount} ${noun}`]]),
        list(`Top ${noun}`, a.items.map((r, i) => rankedText(i + 1, r, a.currency, detail(r))), moreText(a.moreCount, noun, a.rest, a.currency)),
        chartLine(extras),
      ]);
  const vs = a.previousLabel && !empty ? `Changes are vs ${a.previousLabel}.` : '';
  const covers = empty ? '' : comparisonNote(a.coverage, a.items.map((r) => r.change));
  return sections([title(`Top ${noun} · ${a.periodLabel}`), body, followUps(a.actions), footer(a, `${metricText(a.metric)} · ${freshnessLine(a.freshness)}`), notes([vs, covers])]);
}

export function compareText(a: CompareAnswer, extras: TextExtras = {}): string {
  const cells: [string, string][] = [[a.periodLabel, money(a.total, a.currency)], [a.vsLabel.charAt(0).toUpperCase() + a.vsLabel.slice(1), money(a.previousTotal, a.currency)]];
  if (a.change) cells.push(['Change', totalChangeText(a.change, a.total, a.currency)]);
  let body: string;
  if (a.total === 0n && a.previousTotal === 0n && a.risers.length === 0 && a.fallers.length === 0) body = 'No costs recorded in either period.';
  else if (a.risers.length === 0 && a.fallers.length === 0) body = 'No service cost changed between the two periods.';
  else {
    body = sections([
      a.risers.length > 0 ? list('Biggest increases', a.risers.map((r, i) => changeRowText(i + 1, r, a.currency))) : '',
      a.fallers.length > 0 ? list('Biggest decreases', a.fallers.map((r, i) => changeRowText(i + 1, r, a.currency))) : '',
      chartLine(extras),
    ]);
  }
  const covers = comparisonNote(a.coverage, [a.change, ...a.risers.map((r) => r.change), ...a.fallers.map((r) => r.change)]);
  return sections([title(`Cost comparison · ${a.periodLabel}`), facts(cells), notes([covers]), body, followUps(a.actions), footer(a, metricText(a.metric))]);
}

function dayText(a: DailyAnswer, d: DailyDay): string {
  if ((a.freshness.lastDay === undefined || d.day > a.freshness.lastDay) && d.total === 0n) return `${weekdayDay(d.day)}  no data yet`;
  const split = a.providers.length > 1 ? a.providers.filter((p) => (d.byProvider[p] ?? 0n) !== 0n).map((p) => `${providerLabel(p)} ${money(d.byProvider[p] ?? 0n, a.currency)}`) : [];
  return `${weekdayDay(d.day).padEnd(12)}  ${money(d.total, a.currency)}${split.length > 1 ? `  (${split.join(' · ')})` : ''}`;
}

/** Up to a month, every day; beyond that only the highest days, or the list drowns the answer. */
function dayList(a: DailyAnswer): string {
  if (a.days.length <= 31) return list('Day by day', a.days.map((d) => dayText(a, d)));
  const highest = [...a.days].filter((d) => d.total !== 0n).sort((x, y) => (x.total === y.total ? x.day.localeCompare(y.day) : x.total > y.total ? -1 : 1)).slice(0, 5);
  return highest.length > 0 ? list('Highest days', highest.map((d) => `${d.day}  ${dayText(a, d)}`)) : '';
}

export function dailyText(a: DailyAnswer, extras: TextExtras = {}): string {
  const empty = a.providers.length === 0 && a.total === 0n;
  const dataDays = a.days.filter((d) => a.freshness.lastDay !== undefined && d.day <= a.freshness.lastDay).length;
  const cells: [string, string][] = [['Total', money(a.total, a.currency)]];
  if (dataDays > 0) cells.push(['Daily average', `${money(divRoundHalfEven(a.total, BigInt(dataDays)), a.currency)} over ${dataDays} ${dataDays === 1 ? 'day' : 'days'}`]);
  if (a.peak) cells.push(['Highest day', `${weekdayDay(a.peak.day)}: ${money(a.peak.amount, a.currency)}`]);
  cells.push(['Providers', a.providers.map(providerLabel).join(', ')]);
  const body = empty ? `No costs recorded for ${a.periodLabel}.` : sections([facts(cells), dayList(a), chartLine(extras)]);
  return sections([title(`Daily costs · ${a.periodLabel}`), body, followUps(a.actions), footer(a, `${metricText(a.metric)} · ${freshnessLine(a.freshness)}`)]);
}
