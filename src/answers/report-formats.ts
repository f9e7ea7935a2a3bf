/**
 * A CostReport as a file: JSON, or CSV (RFC 4180: CRLF line ends, fields with a comma, quote or
 * line break quoted, inner quotes doubled). Amounts are exact decimal strings with their currency.
 */
import { nanosToDecimalString, percentChange } from '../domain/money';
import type { CostReport, ReportFormat } from './cost-report';

const CSV_HEADER = ['section', 'key', 'label', 'currency', 'cost', 'previous_cost', 'change_pct'];

/** "12.35", or '' when there is no base to compare with. */
function changePct(previous: bigint, cost: bigint): string {
  const pct = percentChange(previous, cost);
  return pct === undefined ? '' : pct.toFixed(2);
}

/** Spreadsheet apps run cells that start with these as formulas; a leading quote keeps them text. */
function neutralize(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Data rows of the CSV (totals first, then each section), for "N rows" notes. */
export function reportRows(r: CostReport): string[][] {
  const rows = r.totals.map((t) => ['total', '', 'Total', t.currency, nanosToDecimalString(t.cost), nanosToDecimalString(t.previous), changePct(t.previous, t.cost)]);
  for (const section of r.sections) {
    for (const l of section.lines) {
      rows.push([section.dim, neutralize(l.key), neutralize(l.label), l.currency, nanosToDecimalString(l.cost), nanosToDecimalString(l.previous), changePct(l.previous, l.cost)]);
    }
  }
  if (r.anomalies.available) for (const a of r.anomalies.items) rows.push(['anomaly', '', neutralize(a.title), a.currency ?? '', a.amount === undefined ? '' : nanosToDecimalString(a.amount), '', '']);
  if (r.recommendations.available) for (const a of r.recommendations.items) rows.push(['recommendation', '', neutralize(a.title), a.currency ?? '', a.amount === undefined ? '' : nanosToDecimalString(a.amount), '', '']);
  return rows;
}

export function costReportCsv(r: CostReport): string {
  return [CSV_HEADER, ...reportRows(r)].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

export function costReportJson(r: CostReport): Record<string, unknown> {
  const line = (l: { key: string; label: string; currency: string; cost: bigint; previous: bigint }) => ({
    key: l.key, label: l.label, currency: l.currency, cost: nanosToDecimalString(l.cost), previous: nanosToDecimalString(l.previous), changePct: changePct(l.previous, l.cost) || null,
  });
  const findings = (f: CostReport['anomalies']) =>
    f.available
      ? { available: true, items: f.items.map((i) => ({ title: i.title, detail: i.detail, ...(i.amount !== undefined ? { amount: nanosToDecimalString(i.amount), currency: i.currency } : {}) })) }
      : { available: false, note: f.note };
  return {
    cadence: r.cadence,
    period: r.periodLabel,
    from: r.from,
    to: r.to,
    previous: r.previous,
    metric: r.metric,
    totals: r.totals.map((t) => ({ currency: t.currency, total: nanosToDecimalString(t.cost), previous: nanosToDecimalString(t.previous), changePct: changePct(t.previous, t.cost) || null })),
    breakdowns: Object.fromEntries(r.sections.map((s) => [s.dim, s.lines.map(line)])),
    anomalies: findings(r.anomalies),
    recommendations: findings(r.recommendations),
  };
}

export function reportFilename(r: CostReport, format: ReportFormat): string {
  return `penny-${r.cadence}-report-${r.from}_to_${r.to}.${format}`;
}

export function reportContent(r: CostReport, format: ReportFormat): string {
  return format === 'csv' ? costReportCsv(r) : `${JSON.stringify(costReportJson(r), null, 2)}\n`;
}
