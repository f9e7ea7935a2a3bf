/**
 * `penny cost` output: a readable table of a BreakdownAnswer. The JSON contract is
 * answers/breakdown.ts (breakdownJson), shared with the API.
 */
import type { BreakdownAnswer, BreakdownCurrency } from '../answers/breakdown';
import { heldBackNote, percentHeldBack } from '../answers/comparison';
import { filterParts, signedMoney } from '../answers/phrases';
import type { Change, Coverage } from '../answers/types';
import { addDays, rangeInclusive, rangeLength } from '../domain/days';
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

/** Whole calendar months, from the 1st to a month's last day: their lengths differ as months do. */
function wholeMonths(from: string, to: string): boolean {
  return from.endsWith('-01') && addDays(to, 1).endsWith('-01');
}

/** Days on each side, for the percentage rule of answers/comparison.ts. */
function coverageOf(answer: BreakdownAnswer): Coverage | undefined {
  const prev = answer.previous;
  if (!prev) return undefined;
  const coverage: Coverage = { days: rangeLength(rangeInclusive(answer.from, answer.to)), previousDays: rangeLength(rangeInclusive(prev.from, prev.to)) };
  if (wholeMonths(answer.from, answer.to) && wholeMonths(prev.from, prev.to)) coverage.wholeUnits = true;
  return coverage;
}

function renderSection(answer: BreakdownAnswer, section: BreakdownCurrency): string {
  const compared = answer.previous !== undefined;
  const coverage = coverageOf(answer);
  const changes: Change[] = [];
  /** "+12.3%", "new", or the difference ("+$165.18") when the percentage is held back. */
  const change = (before: bigint, after: bigint): string => {
    const pct = percentChange(before, after);
    if (pct === undefined) return after === 0n ? '' : 'new';
    const heldBack = percentHeldBack(before, after, coverage);
    changes.push(heldBack ? { previous: before, heldBack } : { previous: before, pct });
    return heldBack ? signedMoney(after - before, section.currency) : `${pct >= 0 ? '+' : ''}${pct.toFixed(1)}%`;
  };
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
  // Only when a percentage is missing: a month against the month before needs no day count.
  const note = heldBackNote(coverage, changes);
  return `${section.currency}\n${table}${prev ? `\n(previous: ${prev.label}, ${prev.from} to ${prev.to})` : ''}${note ? `\n${note}` : ''}`;
}
