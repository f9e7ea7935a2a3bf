/**
 * Guards answers (ours now, the LLM's later): every number in a text must come from the result.
 * Money must equal one of the result's amounts as displayed; percentages one of its percentages;
 * other numbers (dates, ids, counts) must appear in the result's own fields.
 */
import { formatMoney } from '../../domain/money';

export interface NumberInText {
  text: string;
  kind: 'money' | 'percent' | 'plain';
  /** Digits without sign, currency or thousands separators: "$-1,234.50" → "1234.50". */
  value: string;
}

const DATE = /\d{4}-\d{2}(?:-\d{2})?/g;
// Not digits inside a word ("EC2", "eastus2"); a currency symbol or code may lead.
const NUMBER = /(?<![\w.])(?:(?:USD|EUR|GBP|JPY|CAD|AUD|CHF|INR|CNY) ?)?-?[$€£¥]?-?\d[\d,]*(?:\.\d+)?(?:\s?%)?/g;

export function numbersInText(text: string): NumberInText[] {
  const out: NumberInText[] = [];
  const withoutDates = text.replace(DATE, (d) => {
    out.push({ text: d, kind: 'plain', value: d });
    return ' ';
  });
  for (const m of withoutDates.matchAll(NUMBER)) {
    const raw = m[0].trim();
    // A comma that ends the number is punctuation, not a thousands separator.
    const clean = raw.replace(/,+$/, '');
    const kind = /%$/.test(clean) ? 'percent' : /[$€£¥A-Z]/.test(clean) ? 'money' : 'plain';
    out.push({ text: clean, kind, value: clean.replace(/[^\d.]/g, '').replace(/\.$/, '') });
  }
  return out;
}

/** The numbers a result supports, by kind. Keys named in `skip` (the text itself, debug notes) are not evidence. */
export function supportedNumbers(result: object, currency: string, skip: readonly string[] = ['text', 'intent']): Record<NumberInText['kind'], Set<string>> {
  const sets = { money: new Set<string>(), percent: new Set<string>(), plain: new Set<string>() };
  const visit = (value: unknown, key?: string): void => {
    if (key && skip.includes(key)) return;
    if (typeof value === 'bigint') {
      for (const n of [value, -value]) sets.money.add(digits(formatMoney(n, currency)));
    } else if (typeof value === 'number' && Number.isFinite(value)) {
      const abs = Math.abs(value);
      sets.percent.add(abs.toFixed(1));
      sets.percent.add(abs.toFixed(0));
      sets.plain.add(String(abs));
    } else if (typeof value === 'string') {
      for (const n of numbersInText(value)) sets.plain.add(n.value);
    } else if (Array.isArray(value)) {
      for (const v of value) visit(v);
      // A count of listed items may be said ("3 services").
      sets.plain.add(String(value.length));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, k);
    }
  };
  visit(result);
  return sets;
}

/** The numbers in `text` that the result does not support (empty when all are). */
export function unsupportedNumbers<T extends { currency?: string }>(text: string, result: T): NumberInText[] {
  const sets = supportedNumbers(result, result.currency ?? 'USD');
  return numbersInText(text).filter((n) => !sets[n.kind].has(n.value) && !(n.kind === 'plain' && sets.money.has(n.value)));
}

export function allNumbersSupported<T extends { currency?: string }>(text: string, result: T): boolean {
  return unsupportedNumbers(text, result).length === 0;
}

function digits(formatted: string): string {
  return formatted.replace(/[^\d.]/g, '').replace(/\.$/, '');
}
