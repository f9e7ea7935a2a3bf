/** Display formatting for charts: axis labels and currency. Display only, never for sums. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

export type LabelUnit = 'day' | 'month';

function monthName(mm: string | undefined): string | undefined {
  const index = Number(mm) - 1;
  return Number.isInteger(index) ? MONTHS[index] : undefined;
}

/** 'day' when every label is YYYY-MM-DD, 'month' when every label is YYYY-MM. */
export function labelUnit(labels: readonly string[]): LabelUnit | undefined {
  if (labels.length === 0) return undefined;
  if (labels.every((l) => DAY.test(l) && monthName(l.slice(5, 7)))) return 'day';
  if (labels.every((l) => MONTH.test(l) && monthName(l.slice(5, 7)))) return 'month';
  return undefined;
}

/**
 * Short axis labels: "2026-11-03" -> "Nov 3", "2026-11" -> "Nov". When the labels span years,
 * the year is added ("Nov 3 '26", "Nov 2026") so a long range stays unambiguous. Others unchanged.
 */
export function formatAxisLabels(labels: readonly string[]): string[] {
  const unit = labelUnit(labels);
  if (!unit) return [...labels];
  const manyYears = new Set(labels.map((l) => l.slice(0, 4))).size > 1;
  return labels.map((l) => {
    const month = monthName(l.slice(5, 7));
    if (unit === 'month') return manyYears ? `${month} ${l.slice(0, 4)}` : `${month}`;
    const day = `${month} ${Number(l.slice(8, 10))}`;
    return manyYears ? `${day} '${l.slice(2, 4)}` : day;
  });
}

/** The upper-cased code when Intl knows how to format it, else undefined. */
export function knownCurrency(code: string): string | undefined {
  const upper = code.trim().toUpperCase();
  try {
    new Intl.NumberFormat('en-US', { style: 'currency', currency: upper });
    return upper;
  } catch {
    return undefined; // malformed code: Intl throws RangeError
  }
}

/** Fraction digits a compact axis needs: cents only when everything is below one unit. */
export function axisFractionDigits(maxAbs: number): number {
  return maxAbs < 1 ? 2 : 1;
}

/**
 * Intl options for compact axis ticks ("$1.2K"). Plain compact numbers for unknown codes.
 * minimumFractionDigits is set because Chart.js merges these over its own (min may exceed max).
 */
export function compactNumberFormat(currency: string, fractionDigits: number): Intl.NumberFormatOptions {
  const code = knownCurrency(currency);
  const base: Intl.NumberFormatOptions = {
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: fractionDigits,
  };
  return code ? { ...base, style: 'currency', currency: code } : base;
}

export function formatCompactCurrency(value: number, currency: string, fractionDigits = 1): string {
  return new Intl.NumberFormat('en-US', compactNumberFormat(currency, fractionDigits)).format(value);
}

/** Full amount for prose ("$12,345.67"); unknown codes become "12,345.67 XYZ". */
export function formatCurrency(value: number, currency: string): string {
  const code = knownCurrency(currency);
  if (code) return new Intl.NumberFormat('en-US', { style: 'currency', currency: code }).format(value);
  const amount = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(value);
  const suffix = currency.trim().slice(0, 8);
  return suffix ? `${amount} ${suffix}` : amount;
}

/** Names longer than this are shortened on a chart axis; the alt text keeps them whole. */
export const MAX_LABEL_LENGTH = 30;

/** "Amazon Relational Database…": cut at a word boundary when there is one, with an ellipsis. */
export function shortenText(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, Math.max(1, max - 1));
  const space = room.lastIndexOf(' ');
  // A word boundary in the last third would waste too much room; cut the word instead.
  const cut = space >= max / 3 ? room.slice(0, space) : room;
  return `${cut.replace(/[\s,·:;(–-]+$/, '')}…`;
}

/** "Amazon Elastic…(1234)": the start and the end, for names that differ only at the end. */
function headAndTail(text: string, max: number): string {
  const tail = Math.floor((max - 1) / 2);
  return `${text.slice(0, max - 1 - tail).trimEnd()}…${text.slice(text.length - tail).trimStart()}`;
}

/**
 * Axis names no longer than `max`, and still telling the bars apart: names that would shorten to
 * the same text keep their ends instead, and if even that is ambiguous they stay whole.
 */
export function shortenLabels(labels: readonly string[], max = MAX_LABEL_LENGTH): string[] {
  const short = labels.map((label) => shortenText(label, max));
  const clashes = (texts: readonly string[], i: number) => texts.some((t, j) => j !== i && t === texts[i] && labels[j] !== labels[i]);
  const ends = short.map((text, i) => (clashes(short, i) ? headAndTail(labels[i] ?? '', max) : text));
  return ends.map((text, i) => (clashes(ends, i) ? (labels[i] ?? '') : text));
}
