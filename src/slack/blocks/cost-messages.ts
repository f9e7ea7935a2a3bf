/** Answers to cost questions: summary, top and compare. Pure: view model (+ rendered chart) in, message out. */
import type { RenderedChart } from '../../ports/chart-renderer';
import { sumAmounts } from '../../views/ranking';
import type { CompareView, Ranked, SummaryView, TopView } from '../../views/view-models';
import { freshnessLine } from '../../views/present-home';
import { chartBlocks, changeField, filterText, notes, otherCurrencyText } from './common';
import { drillActions } from './commands';
import { changeLine, changeText, esc, fields, header, listBlocks, metricText, money, rankedLine, section, signedMoney } from './format';
import { enforceLimits, LIMITS } from './limits';
import type { KnownBlock, SlackMessage } from './types';

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function finish(text: string, blocks: (KnownBlock | undefined)[]): SlackMessage {
  return enforceLimits({ text, blocks: blocks.filter((b): b is KnownBlock => b !== undefined) }, { maxBlocks: LIMITS.messageBlocks });
}

/** "…and 12 more services, $1,234.00 together" (the rest is exact: total minus what is listed). */
function moreLine(count: number, noun: string, rest: bigint, currency: string): string | undefined {
  if (count <= 0) return undefined;
  return `…and ${count} more ${noun}, ${money(rest, currency)} together`;
}

function totalLine(label: string, total: bigint, currency: string, change: string): string {
  return `Cloud costs for ${label}: ${money(total, currency)}${change ? ` (${change})` : ''}`;
}

export function summaryMessage(v: SummaryView, chart?: RenderedChart): SlackMessage {
  const empty = v.top.length === 0 && v.total === 0n;
  const change = changeText(v.change, v.total);
  const blocks: (KnownBlock | undefined)[] = [header(`Cloud costs · ${v.periodLabel}`)];
  if (empty) {
    const before = v.change && v.change.previous !== 0n ? ` ${esc(v.previousLabel ?? 'The previous period')} had ${money(v.change.previous, v.currency)}.` : '';
    blocks.push(section(`No costs recorded for ${esc(v.periodLabel)}.${before}`));
  } else {
    blocks.push(fields([`*Total*\n${money(v.total, v.currency)}`, changeField(v.previousLabel ?? 'previous period', v.change, v.total, v.currency)].filter((t) => t !== '')));
    const lines = v.top.map((row, i) => rankedLine(i + 1, row, v.currency));
    blocks.push(...listBlocks('top', 'Top services', lines, moreLine(v.moreCount, 'services', v.total - sumAmounts(v.top), v.currency)));
    blocks.push(...chartBlocks(chart, `Top services · ${v.periodLabel}`));
  }
  blocks.push(drillActions({ periodText: v.periodText, filters: v.filters, previousCommand: v.previousPeriodText && `summary ${v.previousPeriodText}`, previousOnly: empty }));
  blocks.push(...notes([`${metricText(v.metric)} · ${freshnessLine(v.freshness)}`, filterText(v.filters), otherCurrencyText(v.currency, v.otherCurrencies)]));
  const text = empty ? `No costs recorded for ${v.periodLabel}.` : totalLine(v.periodLabel, v.total, v.currency, change && `${change} vs ${v.previousLabel ?? 'previous period'}`);
  return finish(text, blocks);
}

/** "services", "accounts", "values of tag team". */
function plural(v: TopView): string {
  if (v.dim.startsWith('tag:')) return `values of tag “${v.dim.slice(4)}”`;
  const lower = v.dimLabel.toLowerCase();
  return lower.endsWith('y') ? `${lower.slice(0, -1)}ies` : `${lower}s`;
}

export function topMessage(v: TopView, chart?: RenderedChart): SlackMessage {
  const noun = plural(v);
  const empty = v.items.length === 0 && v.total === 0n;
  const blocks: (KnownBlock | undefined)[] = [header(`Top ${noun} · ${v.periodLabel}`)];
  if (empty) {
    blocks.push(section(`No costs recorded for ${esc(v.periodLabel)}.`));
  } else {
    const counted = v.items.length + v.moreCount;
    blocks.push(fields([`*Total*\n${money(v.total, v.currency)}`, `*With costs*\n${counted} ${esc(noun)}`]));
    // Account ids matter to finance: show the id next to a friendly name when they differ.
    const detail = (row: Ranked) => (v.dim === 'account' && row.key !== row.label && row.key !== '' ? row.key : undefined);
    const lines = v.items.map((row, i) => rankedLine(i + 1, row, v.currency, { detail: detail(row) }));
    blocks.push(...listBlocks('top', `Top ${noun}`, lines, moreLine(v.moreCount, noun, v.total - sumAmounts(v.items), v.currency)));
    blocks.push(...chartBlocks(chart, `Top ${noun} · ${v.periodLabel}`));
  }
  const skipDim = v.dim;
  const previousCommand = v.previousPeriodText && `top ${v.dim} ${v.previousPeriodText}`;
  blocks.push(drillActions({ periodText: v.periodText, filters: v.filters, previousCommand, skipDim, previousOnly: empty }));
  const vs = v.previousLabel && !empty ? `Changes are vs ${esc(v.previousLabel)}.` : '';
  blocks.push(...notes([`${metricText(v.metric)} · ${freshnessLine(v.freshness)}`, vs, filterText(v.filters), otherCurrencyText(v.currency, v.otherCurrencies)]));
  const first = v.items[0];
  const lead = first ? `; largest: ${first.label} ${money(first.amount, v.currency)}` : '';
  const text = empty ? `No costs recorded for ${v.periodLabel}.` : `Top ${noun} for ${v.periodLabel}: ${money(v.total, v.currency)} in total${lead}`;
  return finish(text, blocks);
}

export function compareMessage(v: CompareView, chart?: RenderedChart): SlackMessage {
  const change = changeText(v.change, v.total);
  const blocks: (KnownBlock | undefined)[] = [header(`Cost comparison · ${v.periodLabel}`)];
  blocks.push(fields([
    `*${esc(v.periodLabel)}*\n${money(v.total, v.currency)}`,
    `*${esc(capitalize(v.vsLabel))}*\n${money(v.previousTotal, v.currency)}`,
    ...(v.change ? [`*Change*\n${change || 'no change'} (${signedMoney(v.total - v.previousTotal, v.currency)})`] : []),
  ]));
  if (v.total === 0n && v.previousTotal === 0n && v.risers.length === 0 && v.fallers.length === 0) {
    blocks.push(section('No costs recorded in either period.'));
  } else if (v.risers.length === 0 && v.fallers.length === 0) {
    blocks.push(section('No service cost changed between the two periods.'));
  } else {
    if (v.risers.length > 0) blocks.push(...listBlocks('risers', 'Biggest increases', v.risers.map((r, i) => changeLine(i + 1, r, v.currency))));
    if (v.fallers.length > 0) blocks.push(...listBlocks('fallers', 'Biggest decreases', v.fallers.map((r, i) => changeLine(i + 1, r, v.currency))));
    blocks.push(...chartBlocks(chart, `Biggest changes · ${v.periodLabel}`));
  }
  blocks.push(...notes([metricText(v.metric), filterText(v.filters), otherCurrencyText(v.currency, v.otherCurrencies)]));
  const text = `${v.periodLabel}: ${money(v.total, v.currency)} vs ${money(v.previousTotal, v.currency)} for ${v.vsLabel}${change ? `; ${change}` : ''}`;
  return finish(text, blocks);
}
