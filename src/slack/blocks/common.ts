/** Pieces several messages share: the chart slot, filter and currency notes, and the total facts. */
import type { RenderedChart } from '../../ports/chart-renderer';
import { changeDetail, filterParts, otherCurrencyText as currencyNote } from '../../answers/phrases';
import type { Change, FilterNote } from '../../answers/types';
import { context, esc, truncate } from './format';
import type { KnownBlock } from './types';

/**
 * URL charts become an image block, titled like the chart (period and filters); PNG charts are
 * uploaded by the caller, so only a pointer here.
 */
export function chartBlocks(chart: RenderedChart | undefined, title: string): KnownBlock[] {
  if (!chart) return [];
  if (chart.type === 'png') return [context(['Chart attached below.'])];
  const altText = truncate(chart.altText || title, 2000);
  return [{ type: 'image', image_url: chart.url, alt_text: altText, title: { type: 'plain_text', text: truncate(title, 2000), emoji: true } }];
}

/** `account "prod" → prod (1234), staging`: what a filter was understood as. */
export function filterText(filters: readonly FilterNote[] | undefined): string {
  const parts = filterParts(filters);
  return parts.length > 0 ? esc(`Filtered: ${parts.join('; ')}`) : '';
}

export function otherCurrencyText(currency: string, others: readonly string[] | undefined): string {
  return esc(currencyNote(currency, others));
}

/** "*vs previous month*\n▲ 12.3% (+$1,355.67, was $12,000.00)". */
export function changeField(label: string, change: Change | undefined, current: bigint, currency: string): string {
  return change ? `*vs ${esc(label)}*\n${changeDetail(change, current, currency)}` : '';
}

/** A context block of notes, or nothing when every note is empty. */
export function notes(texts: string[]): KnownBlock[] {
  const present = texts.filter((t) => t !== '');
  return present.length > 0 ? [context(present)] : [];
}
