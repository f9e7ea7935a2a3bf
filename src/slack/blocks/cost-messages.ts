/** Answers to cost questions: summary, top and compare. Pure: view model (+ rendered chart) in, message out. */
import type { RenderedChart } from '../../ports/chart-renderer';
import { freshnessLine } from '../../answers/freshness';
import { comparisonNote } from '../../answers/comparison';
import { dimPlural, moreText, rowChangeText, totalChangeText } from '../../answers/phrases';
import type { CompareAnswer, Ranked, SummaryAnswer, TopAnswer } from '../../answers/types';
import { chartBlocks, changeField, filterText, notes, otherCurrencyText } from './common';
import { followUpActions } from './commands';
import { changeLine, esc, fields, header, listBlocks, metricText, money, rankedLine, section } from './format';
import { enforceLimits, LIMITS } from './limits';
import type { KnownBlock, SlackMessage } from './types';

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function finish(text: string, blocks: (KnownBlock | undefined)[]): SlackMessage {
  return enforceLimits({ text, blocks: blocks.filter((b): b is KnownBlock => b !== undefined) }, { maxBlocks: LIMITS.messageBlocks });
}

function totalLine(label: string, total: bigint, currency: string, change: string): string {
  return `Cloud costs for ${label}: ${money(total, currency)}${change ? ` (${change})` : ''}`;
}

export function summaryMessage(v: SummaryAnswer, chart?: RenderedChart): SlackMessage {
  const empty = v.top.length === 0 && v.total === 0n;
  const change = rowChangeText(v.change, v.total, v.currency);
  const blocks: (KnownBlock | undefined)[] = [header(`Cloud costs · ${v.periodLabel}`)];
  if (empty) {
    const before = v.change && v.change.previous !== 0n ? ` ${esc(v.previousLabel ?? 'The previous period')} had ${money(v.change.previous, v.currency)}.` : '';
    blocks.push(section(`No costs recorded for ${esc(v.periodLabel)}.${before}`));
  } else {
    blocks.push(fields([`*Total*\n${money(v.total, v.currency)}`, changeField(v.previousLabel ?? 'previous period', v.change, v.total, v.currency)].filter((t) => t !== '')));
    blocks.push(...notes([comparisonNote(v.coverage, [v.change, ...v.top.map((r) => r.change)])]));
    const lines = v.top.map((row, i) => rankedLine(i + 1, row, v.currency));
    blocks.push(...listBlocks('top', 'Top services', lines, moreText(v.moreCount, 'services', v.rest, v.currency)));
    blocks.push(...chartBlocks(chart, v.chart?.title ?? `Top services · ${v.periodLabel}`));
  }
  blocks.push(followUpActions(v.actions, 'penny_drill', 'drill'));
  blocks.push(...notes([`${metricText(v.metric)} · ${freshnessLine(v.freshness)}`, filterText(v.filters), otherCurrencyText(v.currency, v.otherCurrencies)]));
  const text = empty ? `No costs recorded for ${v.periodLabel}.` : totalLine(v.periodLabel, v.total, v.currency, change && `${change} vs ${v.previousLabel ?? 'previous period'}`);
  return finish(text, blocks);
}

export function topMessage(v: TopAnswer, chart?: RenderedChart): SlackMessage {
  const noun = dimPlural(v.dim, v.dimLabel);
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
    blocks.push(...listBlocks('top', `Top ${noun}`, lines, moreText(v.moreCount, noun, v.rest, v.currency)));
    blocks.push(...chartBlocks(chart, v.chart?.title ?? `Top ${noun} · ${v.periodLabel}`));
  }
  blocks.push(followUpActions(v.actions, 'penny_drill', 'drill'));
  const vs = v.previousLabel && !empty ? `Changes are vs ${esc(v.previousLabel)}. ${comparisonNote(v.coverage, v.items.map((r) => r.change))}`.trim() : '';
  blocks.push(...notes([`${metricText(v.metric)} · ${freshnessLine(v.freshness)}`, vs, filterText(v.filters), otherCurrencyText(v.currency, v.otherCurrencies)]));
  const first = v.items[0];
  const lead = first ? `; largest: ${first.label} ${money(first.amount, v.currency)}` : '';
  const text = empty ? `No costs recorded for ${v.periodLabel}.` : `Top ${noun} for ${v.periodLabel}: ${money(v.total, v.currency)} in total${lead}`;
  return finish(text, blocks);
}

export function compareMessage(v: CompareAnswer, chart?: RenderedChart): SlackMessage {
  const change = rowChangeText(v.change, v.total, v.currency);
  const blocks: (KnownBlock | undefined)[] = [header(`Cost comparison · ${v.periodLabel}`)];
  blocks.push(fields([
    `*${esc(v.periodLabel)}*\n${money(v.total, v.currency)}`,
    `*${esc(capitalize(v.vsLabel))}*\n${money(v.previousTotal, v.currency)}`,
    ...(v.change ? [`*Change*\n${totalChangeText(v.change, v.total, v.currency)}`] : []),
  ]));
  blocks.push(...notes([comparisonNote(v.coverage, [v.change, ...v.risers.map((r) => r.change), ...v.fallers.map((r) => r.change)])]));
  if (v.total === 0n && v.previousTotal === 0n && v.risers.length === 0 && v.fallers.length === 0) {
    blocks.push(section('No costs recorded in either period.'));
  } else if (v.risers.length === 0 && v.fallers.length === 0) {
    blocks.push(section('No service cost changed between the two periods.'));
  } else {
    if (v.risers.length > 0) blocks.push(...listBlocks('risers', 'Biggest increases', v.risers.map((r, i) => changeLine(i + 1, r, v.currency))));
    if (v.fallers.length > 0) blocks.push(...listBlocks('fallers', 'Biggest decreases', v.fallers.map((r, i) => changeLine(i + 1, r, v.currency))));
    blocks.push(...chartBlocks(chart, v.chart?.title ?? `Biggest changes · ${v.periodLabel}`));
  }
  blocks.push(...notes([metricText(v.metric), filterText(v.filters), otherCurrencyText(v.currency, v.otherCurrencies)]));
  const text = `${v.periodLabel}: ${money(v.total, v.currency)} vs ${money(v.previousTotal, v.currency)} for ${v.vsLabel}${change ? `; ${change}` : ''}`;
  return finish(text, blocks);
}
