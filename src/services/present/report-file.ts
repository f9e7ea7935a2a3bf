/**
 * A period's breakdown as a file people open in a spreadsheet or script against.
 * Amounts are exact decimal strings; every currency gets its own rows and is never added to another.
 */
import { lastDay } from '../../domain/days';
import { nanosToDecimalString, percentChange } from '../../domain/money';
import type { CostResult } from '../cost-service';
import { amountsByKey, emptyCurrency } from './ranking';

interface ReportRow {
  key: string;
  label: string;
  currency: string;
  cost: bigint;
  previous?: bigint;
}

/** Current groups in breakdown order, then keys only the previous period had (cost 0), per currency. */
function reportRows(answer: CostResult): ReportRow[] {
  const prevBreakdown = answer.previous?.breakdown;
  const codes = [...new Set([...answer.breakdown.currencies, ...(prevBreakdown?.currencies ?? [])].map((c) => c.currency))];
  return codes.flatMap((currency) => {
    const current = answer.breakdown.currencies.find((c) => c.currency === currency) ?? emptyCurrency(currency);
    if (!prevBreakdown) return current.groups.map((g) => ({ key: g.key, label: g.label, currency, cost: g.amount }));
    const previous = prevBreakdown.currencies.find((c) => c.currency === currency) ?? emptyCurrency(currency);
    const before = amountsByKey(previous.groups);
    const rows: ReportRow[] = current.groups.map((g) => ({ key: g.key, label: g.label, currency, cost: g.amount, previous: before.get(g.key) ?? 0n }));
    const seen = new Set(current.groups.map((g) => g.key));
    for (const g of previous.groups) if (!seen.has(g.key)) rows.push({ key: g.key, label: g.label, currency, cost: 0n, previous: g.amount });
    return rows;
  });
}

/** "12.35" with two decimals, or '' when there is no base to compare with. */
function changePctText(previous: bigint, cost: bigint): string {
  const pct = percentChange(previous, cost);
  return pct === undefined ? '' : pct.toFixed(2);
}

/** Spreadsheet apps run cells starting with these as formulas; a leading quote keeps text as text. */
function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180: quote fields with a comma, quote or line break, doubling inner quotes. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with CRLF line ends (RFC 4180): key,label,currency,cost[,previous_cost,change_pct]. */
export function reportCsv(answer: CostResult): string {
  const compared = answer.previous !== undefined;
  const header = compared ? ['key', 'label', 'currency', 'cost', 'previous_cost', 'change_pct'] : ['key', 'label', 'currency', 'cost'];
  const lines = [header.join(',')];
  for (const row of reportRows(answer)) {
    const fields = [neutralizeFormula(row.key), neutralizeFormula(row.label), row.currency, nanosToDecimalString(row.cost)];
    if (compared) fields.push(nanosToDecimalString(row.previous ?? 0n), changePctText(row.previous ?? 0n, row.cost));
    lines.push(fields.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The number of data rows reportCsv/reportJson write (for the message that accompanies the file). */
export function reportRowCount(answer: CostResult): number {
  return reportRows(answer).length;
}

/** The same content as JSON; `to` is the inclusive last day, amounts are exact decimal strings. */
export function reportJson(answer: CostResult): string {
  const { breakdown } = answer;
  const prev = answer.previous;
  const rows = reportRows(answer).map((r) => {
    const out: Record<string, string | null> = { key: r.key, label: r.label, currency: r.currency, cost: nanosToDecimalString(r.cost) };
    if (prev) {
      out.previousCost = nanosToDecimalString(r.previous ?? 0n);
      out.changePct = changePctText(r.previous ?? 0n, r.cost) || null;
    }
    return out;
  });
  const json: Record<string, unknown> = {
    period: answer.period.label,
    from: breakdown.range.start,
    to: lastDay(breakdown.range),
    metric: breakdown.metric,
    groupBy: breakdown.groupBy ?? null,
    totals: breakdown.currencies.map((c) => ({ currency: c.currency, total: nanosToDecimalString(c.total) })),
    rows,
  };
  if (prev) {
    json.previous = {
      period: prev.period.label,
      from: prev.breakdown.range.start,
      to: lastDay(prev.breakdown.range),
      totals: prev.breakdown.currencies.map((c) => ({ currency: c.currency, total: nanosToDecimalString(c.total) })),
    };
  }
  if (answer.applied.length > 0) json.filters = answer.applied;
  return `${JSON.stringify(json, null, 2)}\n`;
}
