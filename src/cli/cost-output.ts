/**
 * `penny cost` output: a readable table of a BreakdownAnswer. The JSON contract is
 * answers/breakdown.ts (breakdownJson), shared with the API.
 */
import type { BreakdownAnswer, BreakdownCurrency } from '../answers/breakdown';
import { filterParts } from '../answers/phrases';
import { formatMoney, percentChange } from '../domain/money';
import { renderTable } from './text-table';

export function costTable(answer: BreakdownAnswer): string {
  const lines: string[] = [`${answer.periodLabel} · ${answer.metric} cost`];
  for (const f of filterParts(answer.filters)) lines.push(`  ${f}`);
  const sections = answer.currencies.length > 0 ? answer.currencies : [{ currency: answer.currency, total: 0n, groups: [] }];
  for (const section of sections) lines.push('', renderSection(answer, section));
  if (answer.currencies.length === 0) lines.push('\nNo costs in this period.');
  return lines.join('\n');
}

function renderSection(answer: BreakdownAnswer, section: BreakdownCurrency): string {
  const compared = answer.previous !== undefined;
  const money = (n: bigint) => formatMoney(n, section.currency);
  const grouped = answer.groupBy !== undefined;
  // Without --by there is only the total: no dimension column name, and no share.
  const header = [grouped ? answer.groupBy!.toUpperCase() : '', 'COST', ...(compared ? ['PREVIOUS', 'CHANGE'] : []), ...(grouped ? ['SHARE'] : [])];
  const cells = (label: string, amount: bigint, before: bigint | undefined, share: string): string[] => [
    label, money(amount), ...(compared ? [money(before ?? 0n), change(before ?? 0n, amount)] : []), ...(grouped ? [share] : []),
  ];
  const rows = grouped
    ? section.groups.map((g) => cells(g.label, g.amount, g.previous, section.total !== 0n ? `${((Number(g.amount) / Number(section.total)) * 100).toFixed(1)}%` : ''))
    : [];
  const table = renderTable(header, [...rows, cells('TOTAL', section.total, section.previousTotal, '')]);
  const prev = answer.previous;
  return `${section.currency}\n${table}${prev ? `\n(previous: ${prev.label}, ${prev.from} to ${prev.to})` : ''}`;
}

function change(before: bigint, after: bigint): string {
  const pct = percentChange(before, after);
  if (pct === undefined) return after === 0n ? '' : 'new';
  return `${pct >= 0 ? '+' : ''}${pct.toFixed(1)}%`;
}
