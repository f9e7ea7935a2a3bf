/**
 * `penny cost` output: a readable table, or the stable JSON contract other tools script against.
 */
import type { CostGroup, CurrencyBreakdown } from '../domain/cost-query';
import { lastDay } from '../domain/days';
import { formatMoney, nanosToDecimalString, percentChange } from '../domain/money';
import type { CostAnswer } from '../services/cost-service';
import { renderTable } from './text-table';

interface JsonGroup {
  key: string;
  label: string;
  currency: string;
  cost: string;
  previous?: string;
}

/** JSON contract: amounts are exact decimal strings; `to` is inclusive; one currency at the top level. */
export function costJson(answer: CostAnswer, fallbackCurrency: string): Record<string, unknown> {
  const { breakdown } = answer;
  const single = breakdown.currencies.length <= 1;
  const only = breakdown.currencies[0];
  const previousOf = (currency: string) => answer.previous?.breakdown.currencies.find((c) => c.currency === currency);
  const groups: JsonGroup[] = breakdown.currencies.flatMap((c) => {
    const prev = previousOf(c.currency);
    return c.groups.map((g) => {
      const out: JsonGroup = { key: g.key, label: g.label, currency: c.currency, cost: nanosToDecimalString(g.amount) };
      if (answer.previous) out.previous = nanosToDecimalString(prev?.groups.find((p) => p.key === g.key)?.amount ?? 0n);
      return out;
    });
  });
  const json: Record<string, unknown> = {
    from: breakdown.range.start,
    to: lastDay(breakdown.range),
    metric: breakdown.metric,
    currency: single ? (only?.currency ?? fallbackCurrency) : null,
    total: single ? nanosToDecimalString(only?.total ?? 0n) : null,
    groupBy: breakdown.groupBy ?? null,
    groups,
    currencies: breakdown.currencies.map((c) => ({ currency: c.currency, total: nanosToDecimalString(c.total) })),
  };
  if (answer.previous) {
    json.previous = {
      from: answer.previous.breakdown.range.start,
      to: lastDay(answer.previous.breakdown.range),
      currencies: answer.previous.breakdown.currencies.map((c) => ({ currency: c.currency, total: nanosToDecimalString(c.total) })),
    };
  }
  if (answer.applied.length > 0) json.filters = answer.applied;
  return json;
}

export function costTable(answer: CostAnswer, fallbackCurrency: string): string {
  const { breakdown } = answer;
  const lines: string[] = [];
  const title = `${answer.period.label} · ${breakdown.metric} cost`;
  lines.push(title);
  for (const f of answer.applied) lines.push(`  ${f.dim}: ${f.input} → ${f.matched.join(', ')}`);
  const sections = breakdown.currencies.length > 0 ? breakdown.currencies : [{ currency: fallbackCurrency, total: 0n, groups: [] }];
  for (const section of sections) {
    lines.push('');
    lines.push(renderSection(answer, section));
  }
  if (breakdown.currencies.length === 0) lines.push('\nNo costs in this period.');
  return lines.join('\n');
}

function renderSection(answer: CostAnswer, section: CurrencyBreakdown): string {
  const prev = answer.previous?.breakdown.currencies.find((c) => c.currency === section.currency);
  const money = (n: bigint) => formatMoney(n, section.currency);
  const grouped = answer.breakdown.groupBy !== undefined;
  // Without --by there is only the total: no dimension column name, and no share.
  const header = [grouped ? answer.breakdown.groupBy!.toUpperCase() : '', 'COST', ...(prev ? ['PREVIOUS', 'CHANGE'] : []), ...(grouped ? ['SHARE'] : [])];
  const cells = (label: string, amount: bigint, before: bigint | undefined, share: string): string[] => [
    label, money(amount), ...(prev ? [money(before ?? 0n), change(before ?? 0n, amount)] : []), ...(grouped ? [share] : []),
  ];
  const row = (g: CostGroup): string[] => {
    const share = section.total !== 0n ? `${((Number(g.amount) / Number(section.total)) * 100).toFixed(1)}%` : '';
    return cells(g.label, g.amount, prev?.groups.find((p) => p.key === g.key)?.amount, share);
  };
  const rows = grouped ? section.groups.map(row) : [];
  const totalRow = cells('TOTAL', section.total, prev?.total, '');
  const table = renderTable(header, [...rows, totalRow]);
  return `${section.currency}\n${table}${prev ? `\n(previous: ${answer.previous!.period.label}, ${answer.previous!.breakdown.range.start} to ${lastDay(answer.previous!.breakdown.range)})` : ''}`;
}

function change(before: bigint, after: bigint): string {
  const pct = percentChange(before, after);
  if (pct === undefined) return after === 0n ? '' : 'new';
  return `${pct >= 0 ? '+' : ''}${pct.toFixed(1)}%`;
}
