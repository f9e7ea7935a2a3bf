/**
 * Expected numbers for end-to-end tests, from sources that share no code with the query engine:
 * the FOCUS sample read by the independent CSV oracle, and the demo generator's own records
 * summed here with plain bigint arithmetic.
 */
import { resolve } from 'node:path';
import type { DateRange } from '../../src/domain/days';
import { formatMoney } from '../../src/domain/money';
import { DemoCostSource } from '../../src/sources/demo/demo-source';
import { exact, oracleKeys, readFocusRows, type OracleRow } from './focus-oracle';

export const FOCUS_SAMPLE = resolve(__dirname, '../../data/focus_sample.csv');

let rows: OracleRow[] | undefined;
function sampleRows(): OracleRow[] {
  rows ??= readFocusRows(FOCUS_SAMPLE);
  return rows;
}

/** 1e-12 oracle units to nanos, rounding half away from zero (display rounds to cents anyway). */
function toNanos(v: bigint): bigint {
  const q = v / 1000n;
  const r = v % 1000n;
  return r >= 500n ? q + 1n : r <= -500n ? q - 1n : q;
}

export interface OracleGroup {
  key: string;
  label: string;
  amount: bigint; // nanos
}

type FocusDim = keyof typeof oracleKeys;
const LABELS: Partial<Record<FocusDim, (r: OracleRow) => string>> = {
  account: (r) => (r.SubAccountName && r.SubAccountName !== 'NULL' ? r.SubAccountName : ''),
  region: (r) => (r.RegionName && r.RegionName !== 'NULL' ? r.RegionName : ''),
};

/** The sample's September 2024 billed cost grouped by `dim`, largest first. */
export function focusGroups(dim: FocusDim, column = 'BilledCost'): OracleGroup[] {
  const groups = new Map<string, OracleGroup>();
  for (const r of sampleRows()) {
    const key = oracleKeys[dim](r);
    const g = groups.get(key) ?? { key, label: LABELS[dim]?.(r) || key, amount: 0n };
    g.amount += exact(r[column]!);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => ({ ...g, amount: toNanos(g.amount) })).sort((a, b) => (a.amount === b.amount ? a.key.localeCompare(b.key) : a.amount > b.amount ? -1 : 1));
}

export function focusTotal(column = 'BilledCost'): bigint {
  return toNanos(sampleRows().reduce((sum, r) => sum + exact(r[column]!), 0n));
}

/** The demo generator's billed total over a range, summed straight from its records. */
export async function demoTotal(anchor: string, range: DateRange, keep: (r: { provider: string; service: string }) => boolean = () => true): Promise<bigint> {
  let total = 0n;
  for await (const batch of new DemoCostSource(anchor).fetch(range)) for (const r of batch) if (keep(r)) total += r.billed;
  return total;
}

export const usd = (nanos: bigint) => formatMoney(nanos, 'USD');
