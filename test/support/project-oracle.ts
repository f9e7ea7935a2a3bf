/**
 * Expected costs by project, read straight from the FOCUS sample CSV with plain bigint sums and
 * no code of Penny's: a row belongs to the first project (by name) whose accounts or tags it has.
 */
import { exact, readFocusRows, type OracleRow } from './focus-oracle';
import { FOCUS_SAMPLE } from './oracles';

export interface OracleProject {
  name: string;
  accounts: string[];
  tags: [string, string][];
}

let rows: OracleRow[] | undefined;
const sample = () => (rows ??= readFocusRows(FOCUS_SAMPLE));

/** Tags as the importer keeps them: keys trimmed. */
function tagsOf(r: OracleRow): Record<string, string> {
  const text = r.Tags;
  if (!text || text === 'NULL') return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(JSON.parse(text) as Record<string, unknown>)) out[k.trim()] = String(v);
  return out;
}

function owns(p: OracleProject, r: OracleRow): boolean {
  const tags = tagsOf(r);
  return p.accounts.includes(r.SubAccountId!) || p.tags.some(([k, v]) => tags[k] === v);
}

/** 1e-12 units to nanos, half away from zero. */
function nanos(v: bigint): bigint {
  const q = v / 1000n;
  const rem = v % 1000n;
  return rem >= 500n ? q + 1n : rem <= -500n ? q - 1n : q;
}

/** September's billed cost per project ('' = no project), of the rows `keep` lets through. */
export function projectGroups(projects: OracleProject[], keep: (p: OracleProject[], r: OracleRow) => boolean = () => true): Map<string, bigint> {
  const ordered = [...projects].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
  const sums = new Map<string, bigint>();
  for (const r of sample()) {
    if (!keep(ordered, r)) continue;
    const key = ordered.find((p) => owns(p, r))?.name ?? '';
    sums.set(key, (sums.get(key) ?? 0n) + exact(r.BilledCost!));
  }
  return new Map([...sums].map(([k, v]) => [k, nanos(v)]));
}

/** The sample's sub-account ids with this name (one name may be used by accounts of several clouds). */
export function accountIdsNamed(name: string): string[] {
  return [...new Set(sample().filter((r) => r.SubAccountName === name).map((r) => r.SubAccountId!))].sort();
}

/** Rows of any of the named projects. */
export const ofProjects = (names: string[]) => (projects: OracleProject[], r: OracleRow) => projects.some((p) => names.includes(p.name) && owns(p, r));
