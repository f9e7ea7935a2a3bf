/** Pieces several messages share: the chart slot, filter and currency notes, and the total facts. */
import type { RenderedChart } from '../../ports/chart-renderer';
import type { Change, FilterNote } from '../../views/view-models';
import { changeText, context, esc, money, signedMoney, truncate } from './format';
import type { KnownBlock } from './types';

/** URL charts become an image block; PNG charts are uploaded by the caller, so only a pointer here. */
export function chartBlocks(chart: RenderedChart | undefined, title: string): KnownBlock[] {
  if (!chart) return [];
  if (chart.type === 'png') return [context(['Chart attached below.'])];
  const altText = truncate(chart.altText || title, 2000);
  return [{ type: 'image', image_url: chart.url, alt_text: altText, title: { type: 'plain_text', text: truncate(title, 2000), emoji: true } }];
}

/** `account "prod" → prod (1234), staging` — what a filter was understood as. */
export function filterText(filters: readonly FilterNote[] | undefined): string {
  if (!filters || filters.length === 0) return '';
  const parts = filters.map((f) => {
    const matched = f.matched.length > 0 ? f.matched.map(esc).join(', ') : 'nothing';
    return `${esc(f.dim)} “${esc(f.input)}” → ${matched}`;
  });
  return `Filtered: ${parts.join('; ')}`;
}

/** Names the currencies left out, because amounts in different currencies are never added. */
export function otherCurrencyText(currency: string, others: readonly string[] | undefined): string {
  if (!others || others.length === 0) return '';
  const list = others.length <= 5 ? others.join(', ') : `${others.slice(0, 5).join(', ')} and ${others.length - 5} more`;
  const noun = others.length === 1 ? 'currency' : 'currencies';
  return `Shown in ${currency} only: ${others.length} other ${noun} (${list}) left out, as amounts in different currencies are never added.`;
}

/** "*vs previous month*\n▲ 12.3% (+$1,355.67)", or a plain sentence when there is no base. */
export function changeField(label: string, change: Change | undefined, current: bigint, currency: string): string {
  if (!change) return '';
  const head = `*vs ${esc(label)}*`;
  if (change.previous === 0n && current === 0n) return `${head}\nNo costs in either period`;
  if (change.pct === undefined) return `${head}\n${changeText(change, current)} (was ${money(change.previous, currency)})`;
  return `${head}\n${changeText(change, current)} (${signedMoney(current - change.previous, currency)}, was ${money(change.previous, currency)})`;
}

/** A context block of notes, or nothing when every note is empty. */
export function notes(texts: string[]): KnownBlock[] {
  const present = texts.filter((t) => t !== '');
  return present.length > 0 ? [context(present)] : [];
}
