/**
 * Keeps a message or view inside Slack's limits by trimming, never by failing: ranked lists lose
 * their last lines (the "…and N more" line grows), long texts are cut with "…", and only as a
 * last resort whole blocks go. A trimmed answer beats an `invalid_blocks` error in front of people.
 */
import { LIST_BLOCK_PREFIX, truncate } from './format';

export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  fieldText: 2000,
  fields: 10,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  altText: 2000,
  imageUrl: 3000,
  /** Slack answers msg_blocks_too_long a little above 13k characters of blocks JSON; stay clear of it. */
  messageChars: 12_000,
  fallbackText: 3000,
} as const;

const ITEM_LINE = /^\s*(?:\d+\.|•)\s/;
const MORE_LINE = /^_…and (\d+) more(?: .*)?_$/;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function fixText(obj: unknown, max: number): void {
  if (isObject(obj) && typeof obj.text === 'string') obj.text = truncate(obj.text, max);
}

function isList(block: Json): boolean {
  return block.type === 'section' && typeof block.block_id === 'string' && block.block_id.startsWith(LIST_BLOCK_PREFIX);
}

function listText(block: Json): string {
  return isObject(block.text) && typeof block.text.text === 'string' ? block.text.text : '';
}

function countItems(text: string): number {
  return text.split('\n').filter((l) => ITEM_LINE.test(l)).length;
}

function itemCount(block: Json): number {
  return countItems(listText(block));
}

/** "penny_list_top_2" -> "penny_list_top": sections of the same list. */
function listName(block: Json): string {
  return String(block.block_id).replace(/_\d+$/, '');
}

/** Drops item lines from the end until `minChars` are gone (at least one) and counts them into the more-line. */
function dropItems(text: string, minChars: number, extra = 0, atLeastOne = true): string {
  const lines = text.split('\n');
  let more = 0;
  const moreAt = lines.findIndex((l) => MORE_LINE.test(l));
  if (moreAt >= 0) {
    more = Number(MORE_LINE.exec(lines[moreAt]!)?.[1] ?? 0);
    lines.splice(moreAt, 1);
  }
  let removed = 0;
  let dropped = 0;
  for (let i = lines.length - 1; i >= 0 && (removed < minChars || (atLeastOne && dropped === 0)); i--) {
    if (!ITEM_LINE.test(lines[i]!)) continue;
    removed += lines[i]!.length + 1;
    lines.splice(i, 1);
    dropped += 1;
  }
  const total = more + dropped + extra;
  if (total > 0) lines.push(`_…and ${total} more_`);
  return lines.join('\n');
}

/** Per-block limits: lengths and element counts. */
function fixBlock(block: Json): Json {
  switch (block.type) {
    case 'header':
      fixText(block.text, LIMITS.headerText);
      break;
    case 'section': {
      const text = listText(block);
      if (isObject(block.text) && text.length > LIMITS.sectionText) {
        let trimmed = text;
        while (trimmed.length > LIMITS.sectionText && isList(block) && countItems(trimmed) > 0) trimmed = dropItems(trimmed, trimmed.length - LIMITS.sectionText + 40);
        block.text.text = truncate(trimmed, LIMITS.sectionText);
      }
      if (Array.isArray(block.fields)) {
        const kept = block.fields.slice(0, LIMITS.fields);
        for (const f of kept) fixText(f, LIMITS.fieldText);
        block.fields = kept;
      }
      if (isObject(block.accessory)) fixText(block.accessory.text, LIMITS.buttonText);
      break;
    }
    case 'context':
      if (Array.isArray(block.elements)) {
        const kept = block.elements.slice(0, LIMITS.contextElements);
        for (const e of kept) fixText(e, LIMITS.contextText);
        block.elements = kept;
      }
      break;
    case 'actions':
      if (Array.isArray(block.elements)) {
        // A button whose command does not fit would run something else; leave it out instead.
        const kept = block.elements.filter((e) => !(isObject(e) && typeof e.value === 'string' && e.value.length > LIMITS.buttonValue)).slice(0, LIMITS.actionsElements);
        for (const e of kept) if (isObject(e)) fixText(e.text, LIMITS.buttonText);
        block.elements = kept;
      }
      break;
    case 'image':
      if (typeof block.image_url === 'string' && block.image_url.length > LIMITS.imageUrl) {
        return { type: 'context', elements: [{ type: 'mrkdwn', text: 'The chart is too large to show here.' }] };
      }
      if (typeof block.alt_text === 'string') block.alt_text = truncate(block.alt_text, LIMITS.altText);
      break;
  }
  return block;
}

/** Removes the block that frees the most, sparing the header, actions and the final context. */
function dropLargestBlock(blocks: Json[]): void {
  let worst = -1;
  let worstSize = -1;
  blocks.forEach((b, i) => {
    if (b.type === 'header' || b.type === 'actions' || i === blocks.length - 1) return;
    const size = JSON.stringify(b).length;
    if (size > worstSize) [worst, worstSize] = [i, size];
  });
  blocks.splice(worst >= 0 ? worst : blocks.length - 1, 1);
}

function moreOf(block: Json): number {
  const line = listText(block).split('\n').find((l) => MORE_LINE.test(l));
  return Number((line && MORE_LINE.exec(line)?.[1]) ?? 0);
}

/** Characters the item lines of a list block take: what trimming it could free at most. */
function itemChars(block: Json): number {
  return listText(block).split('\n').filter((l) => ITEM_LINE.test(l)).reduce((sum, l) => sum + l.length + 1, 0);
}

/**
 * Shrinks lists, then drops blocks, until the count and size fit. A list split over several
 * sections loses its last section first (its count folded into the one before), so there is
 * always exactly one "…and N more" line and it counts everything left out.
 */
function shrink(blocks: Json[], maxBlocks: number, maxChars: number): void {
  for (;;) {
    const size = JSON.stringify(blocks).length;
    const tooMany = blocks.length > maxBlocks;
    if (!tooMany && size <= maxChars) return;
    const lists = blocks.map((b, i) => ({ b, i })).filter(({ b }) => isList(b) && (itemCount(b) > 0 || moreOf(b) > 0));
    const last = lists[lists.length - 1];
    const before = lists[lists.length - 2];
    const previous = last && before && listName(before.b) === listName(last.b) ? before : undefined;
    if (last && previous && (tooMany || itemCount(last.b) === 0 || size - maxChars >= itemChars(last.b))) {
      blocks.splice(last.i, 1);
      (previous.b.text as Json).text = dropItems(listText(previous.b), 0, itemCount(last.b) + moreOf(last.b), false);
    } else if (last && !tooMany && itemCount(last.b) > 0) {
      (last.b.text as Json).text = dropItems(listText(last.b), size - maxChars);
    } else {
      dropLargestBlock(blocks);
    }
  }
}

/**
 * Returns a copy of the message (or view) that fits: at most `maxBlocks` blocks (50 for messages,
 * 100 for Home and modals) and, for messages, at most `maxChars` characters of blocks JSON.
 */
export function enforceLimits<T extends { blocks: readonly unknown[]; text?: string }>(message: T, options: { maxBlocks: number; maxChars?: number }): T {
  const maxChars = options.maxChars ?? (options.maxBlocks <= LIMITS.messageBlocks ? LIMITS.messageChars : Number.POSITIVE_INFINITY);
  const blocks = (structuredClone(message.blocks) as unknown as Json[]).map(fixBlock);
  shrink(blocks, options.maxBlocks, maxChars);
  const out: T = { ...message, blocks: blocks as unknown as T['blocks'] };
  if (typeof message.text === 'string') out.text = truncate(message.text, LIMITS.fallbackText);
  return out;
}
