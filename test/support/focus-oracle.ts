/**
 * An independent reading of a FOCUS CSV for checking imports: its own CSV state machine and
 * exact decimal sums at 1e-12, sharing no code with the importer.
 */
import { readFileSync } from 'node:fs';

export const ORACLE_SCALE = 12;

export function parseCsvText(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** "0.00001605990" -> 16059900n at 1e-12. */
export function exact(text: string): bigint {
  const t = text.trim();
  if (t === '' || t === 'NULL') return 0n;
  const neg = t.startsWith('-');
  const [whole, frac = ''] = t.replace(/^[-+]/, '').split('.');
  const v = BigInt(whole! + frac.padEnd(ORACLE_SCALE, '0').slice(0, ORACLE_SCALE));
  return neg ? -v : v;
}

export type OracleRow = Record<string, string>;

export function readFocusRows(path: string): OracleRow[] {
  const [header, ...rows] = parseCsvText(readFileSync(path, 'utf8'));
  return rows.filter((r) => r.length > 1).map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

const nul = (v: string | undefined) => (v === undefined || v === 'NULL' ? '' : v);
const PROVIDERS: Record<string, string> = { AWS: 'aws', Microsoft: 'azure', Oracle: 'oci' };

export const oracleKeys = {
  provider: (r: OracleRow) => PROVIDERS[r.ProviderName!] ?? '?',
  service: (r: OracleRow) => nul(r.ServiceName),
  region: (r: OracleRow) => nul(r.RegionId) || nul(r.RegionName),
  account: (r: OracleRow) => nul(r.SubAccountId),
  day: (r: OracleRow) => r.ChargePeriodStart!.slice(0, 10),
  'charge-category': (r: OracleRow) => r.ChargeCategory!.toLowerCase(),
};

export function sumBy(rows: OracleRow[], key: (r: OracleRow) => string, column = 'BilledCost'): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const r of rows) out.set(key(r), (out.get(key(r)) ?? 0n) + exact(r[column]!));
  return out;
}

/** Compares a store amount in nanos with an oracle amount at 1e-12, within 1e-6 of a unit. */
export function withinMicro(nanos: bigint, oracle: bigint): boolean {
  const diff = nanos * 1000n - oracle;
  return (diff < 0n ? -diff : diff) <= 1_000_000n;
}
