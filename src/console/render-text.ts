/**
 * Block Kit as plain terminal text, so the console shows the same answers Slack would:
 * headers underlined, mrkdwn stripped, fields in two columns, buttons with the command they run.
 * No ANSI colours: output is often piped or captured in tests.
 */
type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const textOf = (v: unknown): string => (isObject(v) ? str(v.text) : '');

export interface RenderTextOptions {
  /** Where a chart was saved; shown instead of the alt text or "Chart attached below.". */
  chartPath?: string;
  width?: number;
}

const EMOJI: Record<string, string> = { ':warning:': '⚠', ':white_check_mark:': '✓', ':page_facing_up:': '' };

/** Emphasis markers only at word edges, so snake_case and 2*3 survive. */
function stripEmphasis(text: string): string {
  return text
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?=[^\w*]|$)/g, '$1$2')
    .replace(/(^|[^\w_])_(?=\S)([^_\n]*?\S)_(?=[^\w_]|$)/g, '$1$2')
    .replace(/(^|[^\w~])~(?=\S)([^~\n]*?\S)~(?=[^\w~]|$)/g, '$1$2');
}

/** mrkdwn to plain text: links keep their label, mentions their id, entities are unescaped last. */
export function stripMrkdwn(text: string): string {
  const linked = text
    .replace(/<([^<>|]+)\|([^<>]+)>/g, '$2')
    .replace(/<#([A-Z0-9]+)>/g, '#$1')
    .replace(/<@([A-Z0-9]+)>/g, '@$1')
    .replace(/<!(here|channel|everyone)>/g, '@$1')
    .replace(/<([^<>]+)>/g, '$1');
  // Code spans keep their characters as typed.
  const plain = linked.split(/(`[^`\n]*`)/).map((part) => (part.startsWith('`') ? part : stripEmphasis(part))).join('');
  const emoji = plain.replace(/:[a-z_]+:/g, (code) => EMOJI[code] ?? code).replace(/^ +| +$/gm, '');
  return emoji.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Slack lays fields out left, right, left, right; so do we, padding the left column. */
function twoColumns(cells: string[], width: number): string {
  const col = Math.max(20, Math.floor((width - 2) / 2));
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += 2) {
    const left = stripMrkdwn(cells[i] ?? '').split('\n');
    const right = stripMrkdwn(cells[i + 1] ?? '').split('\n');
    for (let line = 0; line < Math.max(left.length, right.length); line++) {
      rows.push(`${(left[line] ?? '').padEnd(col)}  ${right[line] ?? ''}`.trimEnd());
    }
  }
  return rows.join('\n');
}

function elementText(el: unknown): string {
  if (!isObject(el)) return '';
  switch (el.type) {
    case 'timepicker':
      return `[time: ${str(el.initial_time) || 'not set'}]`;
    case 'static_select':
      return `[choose one: ${textOf(isObject(el.initial_option) ? el.initial_option.text : undefined) || textOf(el.placeholder)}]`;
    case 'multi_static_select': {
      const picked = Array.isArray(el.initial_options) ? el.initial_options.map((o) => textOf(isObject(o) ? o.text : undefined)) : [];
      return `[choose: ${picked.join(', ') || textOf(el.placeholder)}]`;
    }
    case 'conversations_select':
    case 'channels_select':
      return '[channel]';
    case 'button':
      return `[${textOf(el.text)}]`;
    default:
      return `[${str(el.type)}]`;
  }
}

function actionsText(block: Json): string {
  const elements = Array.isArray(block.elements) ? block.elements : [];
  const lines = [`Buttons: ${elements.map(elementText).join(' ')}`];
  for (const el of elements) {
    if (isObject(el) && el.type === 'button' && str(el.value)) lines.push(`  ${textOf(el.text)} → /cost ${str(el.value)}`);
  }
  return lines.join('\n');
}

function contextText(block: Json, options: RenderTextOptions): string {
  const elements = Array.isArray(block.elements) ? block.elements : [];
  const parts = elements.map((el) => {
    if (!isObject(el)) return '';
    if (el.type === 'image') return str(el.alt_text);
    const text = stripMrkdwn(str(el.text));
    return text === 'Chart attached below.' && options.chartPath ? `[chart: ${options.chartPath}]` : text;
  });
  return parts.filter((p) => p !== '').map((p) => `  ${p}`).join('\n');
}

function blockText(block: unknown, options: RenderTextOptions, width: number): string {
  if (!isObject(block)) return '';
  switch (block.type) {
    case 'header': {
      const text = textOf(block.text);
      return `${text}\n${'='.repeat(Math.min(Math.max(text.length, 1), width))}`;
    }
    case 'section': {
      const parts: string[] = [];
      if (block.text) parts.push(stripMrkdwn(textOf(block.text)));
      if (Array.isArray(block.fields)) parts.push(twoColumns(block.fields.map(textOf), width));
      if (isObject(block.accessory)) parts.push(elementText(block.accessory));
      return parts.filter((p) => p !== '').join('\n');
    }
    case 'context':
      return contextText(block, options);
    case 'divider':
      return '─'.repeat(width);
    case 'image':
      return `[chart: ${options.chartPath ?? str(block.alt_text)}]`;
    case 'actions':
      return actionsText(block);
    case 'input': {
      const optional = block.optional === true ? ' (optional)' : '';
      const hint = textOf(block.hint);
      return `${textOf(block.label)}${optional}: ${elementText(block.element)}${hint ? `\n  ${hint}` : ''}`;
    }
    case 'markdown':
      return str(block.text);
    default:
      return `[${str(block.type)}]`;
  }
}

function renderBlocks(blocks: readonly unknown[], options: RenderTextOptions): string {
  const width = options.width ?? 80;
  return blocks.map((b) => blockText(b, options, width)).filter((t) => t !== '').join('\n\n');
}

/** A message as terminal text; the fallback `text` when it has no blocks. */
export function renderMessageText(message: { text?: string; blocks?: readonly unknown[] }, options: RenderTextOptions = {}): string {
  const blocks = message.blocks ?? [];
  if (blocks.length === 0) return stripMrkdwn(message.text ?? '');
  return renderBlocks(blocks, options);
}

/** A modal (title, blocks, then its close/submit buttons) or the Home tab as terminal text. */
export function renderViewText(
  view: { type: string; title?: unknown; submit?: unknown; close?: unknown; blocks?: readonly unknown[] },
  options: RenderTextOptions = {},
): string {
  const body = renderBlocks(view.blocks ?? [], options);
  if (view.type !== 'modal') return body;
  const title = textOf(view.title);
  const buttons = [textOf(view.close), textOf(view.submit)].filter((t) => t !== '').map((t) => `[${t}]`).join(' ');
  return [`${title}\n${'='.repeat(Math.max(title.length, 1))}`, body, buttons].filter((p) => p !== '').join('\n\n');
}
