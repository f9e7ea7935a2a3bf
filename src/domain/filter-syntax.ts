/**
 * The written form of filters, read the same way by every face. Checking it needs no data, so
 * the CLI can refuse a malformed filter before the database starts.
 */
import { parseChargeCategory, type ChargeCategory } from './cost-record';
import { AppError } from './errors';

/** "team=data" → { key: 'team', value: 'data' }. */
export function parseTagFilter(text: string): { key: string; value: string } {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new AppError('QUERY_INVALID', `A tag filter looks like KEY=VALUE, for example team=data. "${text}" is not.`);
  return { key: text.slice(0, eq).trim(), value: text.slice(eq + 1).trim() };
}

export function parseCategoryFilter(text: string): ChargeCategory {
  const category = parseChargeCategory(text);
  if (!category) throw new AppError('QUERY_INVALID', `"${text}" is not a charge category. Use usage, purchase, tax, credit or adjustment.`);
  return category;
}
