/**
 * Small pure helpers the builders share: mrkdwn escaping, money and change words, and block
 * constructors. Amounts arrive exact (bigint) and are rounded only here, for display.
 */
import { changeText, money, rowChangeText, shareText, signedMoney } from '../../answers/phrases';
import type { Ranked } from '../../answers/types';
import type { ActionsBlock, Button, ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from './types';

export { changeText, metricText, money, shareText, signedMoney } from '../../answers/phrases';

/** Block ids of ranked lists start with this, so enforceLimits knows which lines it may trim. */
export const LIST_BLOCK_PREFIX = 'penny_list';

/** Slack needs only &, < and > escaped; anything else typed by people or clouds stays as it is. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** User groups (S…) are mentioned differently from users (U…/W…). */
export function ownerMention(owner: string): string {
  return owner.startsWith('S') ? `<!subteam^${owner}>` : `<@${owner}>`;
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** "1. Amazon EC2 — *$1,234.56* · 38% · ▲ 12.3%" (or "▲ +$35.10" when the percentage is held back). */
export function rankedLine(index: number, row: Ranked, currency: string, options: { showShare?: boolean; detail?: string } = {}): string {
  const parts = [`*${money(row.amount, currency)}*`];
  const share = options.showShare === false ? '' : shareText(row.share);
  if (share) parts.push(share);
  const change = rowChangeText(row.change, row.amount, currency);
  if (change) parts.push(change);
  const detail = options.detail ? ` \`${esc(options.detail)}\`` : '';
  return `${index}. ${esc(row.label)}${detail} — ${parts.join(' · ')}`;
}

/** "1. EC2 — *+$234.00* · ▲ 23.4% · now $1,234.56": a row ranked by how much it changed. */
export function changeLine(index: number, row: Ranked, currency: string): string {
  const delta = row.change ? row.amount - row.change.previous : 0n;
  const parts = [`*${signedMoney(delta, currency)}*`];
  const pct = changeText(row.change, row.amount);
  if (pct) parts.push(pct);
  parts.push(row.amount === 0n ? 'now none' : `now ${money(row.amount, currency)}`);
  return `${index}. ${esc(row.label)} — ${parts.join(' · ')}`;
}

export function header(text: string): HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, 150), emoji: true } };
}

export function section(text: string, blockId?: string): SectionBlock {
  return blockId ? { type: 'section', block_id: blockId, text: { type: 'mrkdwn', text } } : { type: 'section', text: { type: 'mrkdwn', text } };
}

/** Two-column facts: Slack lays fields out left, right, left, right. */
export function fields(texts: string[]): SectionBlock {
  return { type: 'section', fields: texts.slice(0, 10).map((text) => ({ type: 'mrkdwn', text })) };
}

export function context(texts: string[]): ContextBlock {
  return { type: 'context', elements: texts.filter((t) => t !== '').slice(0, 10).map((text) => ({ type: 'mrkdwn', text })) };
}

export function divider(): KnownBlock {
  return { type: 'divider' };
}

export function button(text: string, actionId: string, value: string, style?: 'primary'): Button {
  const b: Button = { type: 'button', text: { type: 'plain_text', text: truncate(text, 75), emoji: true }, action_id: actionId, value };
  if (style) b.style = style;
  return b;
}

export function actions(buttons: Button[], blockId?: string): ActionsBlock {
  const block: ActionsBlock = { type: 'actions', elements: buttons.slice(0, 25) };
  if (blockId) block.block_id = blockId;
  return block;
}

/**
 * A ranked list as one or more sections (each under Slack's 3,000 characters), heading first and
 * the "…and N more" line last. Block ids mark them as lists for enforceLimits.
 */
export function listBlocks(name: string, heading: string, lines: string[], moreLine?: string): SectionBlock[] {
  const all = [`*${heading}*`, ...lines, ...(moreLine ? [`_${moreLine}_`] : [])];
  const chunks: string[][] = [[]];
  let size = 0;
  for (const line of all) {
    const current = chunks[chunks.length - 1]!;
    if (current.length > 0 && size + line.length + 1 > 2800) {
      chunks.push([line]);
      size = line.length;
    } else {
      current.push(line);
      size += line.length + 1;
    }
  }
  return chunks.map((chunk, i) => section(chunk.join('\n'), `${LIST_BLOCK_PREFIX}_${name}_${i}`));
}

