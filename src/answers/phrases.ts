/**
 * The words every face uses for numbers: money, changes, shares, metrics, filters. Plain text
 * (faces add their own emphasis). Amounts arrive exact and are rounded only here, for display.
 */
import { formatMoney } from '../domain/money';
import type { Change, FilterNote } from './types';

export function money(amount: bigint, currency: string): string {
  return formatMoney(amount, currency);
}

/** "+$1,234.00" / "-$12.00" / "$0.00": a difference, always signed when not zero. */
export function signedMoney(delta: bigint, currency: string): string {
  if (delta === 0n) return formatMoney(0n, currency);
  return delta > 0n ? `+${formatMoney(delta, currency)}` : `-${formatMoney(-delta, currency)}`;
}

function arrow(change: Change, current: bigint): string {
  return current > change.previous ? '▲' : '▼';
}

/**
 * "▲ 12.3%", "▼ 4.0%", "new" (nothing before, credits included), "no change", or '' with nothing
 * to compare or when the percentage is held back (see comparison.ts).
 */
export function changeText(change: Change | undefined, current: bigint): string {
  if (!change) return '';
  if (current === change.previous) return current === 0n ? '' : 'no change';
  if (change.heldBack) return '';
  if (change.pct === undefined) return 'new';
  const abs = Math.abs(change.pct);
  const digits = abs >= 1000 ? Math.round(abs).toLocaleString('en-US') : abs < 0.05 ? '<0.1' : abs.toFixed(1);
  return `${arrow(change, current)} ${digits}%`;
}

/** A row's change: "▲ 12.3%", or "▲ +$35.10" when the percentage is held back. */
export function rowChangeText(change: Change | undefined, current: bigint, currency: string): string {
  if (change?.heldBack && current !== change.previous) return `${arrow(change, current)} ${signedMoney(current - change.previous, currency)}`;
  return changeText(change, current);
}

/** A total's change: "▲ 12.3% (+$1,355.67)", "no change ($0.00)", or "▲ +$778.19" when the percentage is held back. */
export function totalChangeText(change: Change, current: bigint, currency: string): string {
  if (change.heldBack && current !== change.previous) return rowChangeText(change, current, currency);
  return `${changeText(change, current) || 'no change'} (${signedMoney(current - change.previous, currency)})`;
}

/** "38%" of the total, or '' when a share means nothing (no positive total). */
export function shareText(share: number | undefined): string {
  if (share === undefined) return '';
  const pct = share * 100;
  return pct > 0 && pct < 0.5 ? '<1%' : `${Math.round(pct)}%`;
}

/** "Billed cost", "Effective cost (after discounts)", "List cost (before discounts)". */
export function metricText(metric: string | undefined): string {
  if (metric === 'effective') return 'Effective cost (after discounts)';
  if (metric === 'list') return 'List cost (before discounts)';
  return 'Billed cost';
}

/** `account “prod” → prod (1234), staging`: what each filter was understood as. */
export function filterParts(filters: readonly FilterNote[] | undefined): string[] {
  return (filters ?? []).map((f) => `${f.dim} “${f.input}” → ${f.matched.length > 0 ? f.matched.join(', ') : 'nothing'}`);
}

/** Names the currencies left out, because amounts in different currencies are never added. */
export function otherCurrencyText(currency: string, others: readonly string[] | undefined): string {
  if (!others || others.length === 0) return '';
  const list = others.length <= 5 ? others.join(', ') : `${others.slice(0, 5).join(', ')} and ${others.length - 5} more`;
  const noun = others.length === 1 ? 'currency' : 'currencies';
  return `Shown in ${currency} only: ${others.length} other ${noun} (${list}) left out, as amounts in different currencies are never added.`;
}

/** "▲ 12.3% (+$1,355.67, was $12,000.00)", "▲ +$1,355.67 (was …)" without a percentage, or a plain sentence when there is no base. */
export function changeDetail(change: Change, current: bigint, currency: string): string {
  if (change.previous === 0n && current === 0n) return 'No costs in either period';
  if (change.heldBack && current !== change.previous) return `${rowChangeText(change, current, currency)} (was ${money(change.previous, currency)})`;
  if (change.pct === undefined) return `${changeText(change, current)} (was ${money(change.previous, currency)})`;
  return `${changeText(change, current)} (${signedMoney(current - change.previous, currency)}, was ${money(change.previous, currency)})`;
}

/** "services", "accounts", "values of tag “team”". */
export function dimPlural(dim: string, dimLabel: string): string {
  if (dim.startsWith('tag:')) return `values of tag “${dim.slice(4)}”`;
  const lower = dimLabel.toLowerCase();
  return lower.endsWith('y') ? `${lower.slice(0, -1)}ies` : `${lower}s`;
}

/** "…and 12 more services, $1,234.00 together" (the rest is exact: total minus what is listed). */
export function moreText(count: number, noun: string, rest: bigint, currency: string): string | undefined {
  if (count <= 0) return undefined;
  return `…and ${count} more ${noun}, ${money(rest, currency)} together`;
}
