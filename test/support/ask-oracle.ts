/**
 * Expected answers for the ask evaluation, computed without Penny's query engine: plain filters and
 * bigint sums over the FOCUS CSV rows (read by focus-oracle) or over the demo generator's records.
 */
import type { CostRecord } from '../../src/domain/cost-record';
import { exact, oracleKeys, type OracleRow } from './focus-oracle';

/** One cost line as the oracle sees it; amounts at `scale` decimal places. */
export interface Line {
  day: string;
  provider: string;
  account: string;
  service: string;
  region: string;
  category: string;
  tags: Record<string, string>;
  billed: bigint;
  effective: bigint;
  list: bigint;
}

export interface ExpectedFilters {
  providers?: string[];
  accounts?: string[];
  services?: string[];
  regions?: string[];
  chargeCategories?: string[];
  excludeChargeCategories?: string[];
  /** "key=value" */
  tags?: string[];
}

export interface OracleQuery {
  range: [string, string];
  filters: ExpectedFilters;
  metric: 'billed' | 'effective' | 'list';
  groupBy?: string;
}

export function focusLines(rows: OracleRow[]): Line[] {
  return rows.map((r) => ({
    day: oracleKeys.day(r),
    provider: oracleKeys.provider(r),
    account: oracleKeys.account(r),
    service: oracleKeys.service(r),
    region: oracleKeys.region(r),
    category: oracleKeys['charge-category'](r),
    tags: csvTags(r.Tags ?? ''),
    billed: exact(r.BilledCost!),
    effective: exact(r.EffectiveCost!),
    list: exact(r.ListCost!),
  }));
}

/** Tag JSON as FOCUS writes it; keys are trimmed and a key spelled exactly beats a padded duplicate. */
function csvTags(text: string): Record<string, string> {
  if (text === '' || text === 'NULL') return {};
  const out: Record<string, string> = {};
  const exactKeys = new Set<string>();
  for (const [raw, value] of Object.entries(JSON.parse(text) as Record<string, unknown>)) {
    const key = raw.trim();
    if (key in out && (exactKeys.has(key) || key !== raw)) continue;
    out[key] = String(value).trim();
    if (key === raw) exactKeys.add(key);
  }
  return out;
}

export function demoLines(records: CostRecord[]): Line[] {
  return records.map((r) => ({
    day: r.day, provider: r.provider, account: r.subAccountId, service: r.service, region: r.regionId, category: r.chargeCategory,
    tags: r.tags, billed: r.billed, effective: r.effective, list: r.list,
  }));
}

function keep(line: Line, q: OracleQuery): boolean {
  const f = q.filters;
  const inList = (list: string[] | undefined, v: string) => !list?.length || list.includes(v);
  return line.day >= q.range[0] && line.day < q.range[1]
    && inList(f.providers, line.provider) && inList(f.accounts, line.account) && inList(f.services, line.service)
    && inList(f.regions, line.region) && inList(f.chargeCategories, line.category)
    && !(f.excludeChargeCategories ?? []).includes(line.category)
    && (f.tags ?? []).every((t) => line.tags[t.slice(0, t.indexOf('='))] === t.slice(t.indexOf('=') + 1));
}

function keyOf(line: Line, groupBy: string | undefined): string {
  if (!groupBy) return '';
  if (groupBy.startsWith('tag:')) return line.tags[groupBy.slice(4)] ?? '';
  if (groupBy === 'month') return line.day.slice(0, 7);
  if (groupBy === 'charge-category') return line.category;
  return line[groupBy as 'day' | 'provider' | 'account' | 'service' | 'region'];
}

/** Sums per group key (one key, '', without a groupBy), straight from the lines. */
export function oracleSums(lines: Line[], q: OracleQuery): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const line of lines) {
    if (!keep(line, q)) continue;
    const key = keyOf(line, q.groupBy);
    out.set(key, (out.get(key) ?? 0n) + line[q.metric]);
  }
  return out;
}

export function oracleTotal(lines: Line[], q: OracleQuery): bigint {
  let total = 0n;
  for (const v of oracleSums(lines, { ...q, groupBy: undefined }).values()) total += v;
  return total;
}
