/**
 * The ask evaluation: a question, what it should be read as, and a check of Penny's reply against
 * the oracle. Rules of ranking (top N by cost, movers by size of change) are restated here, not imported.
 */
import type { AskReply } from '../../src/services/ask';
import { laterProblems } from './ask-eval-later';
import { oracleSums, oracleTotal, type ExpectedFilters, type Line, type OracleQuery } from './ask-oracle';

export interface ExpectAnswer {
  kind: 'totals' | 'compare' | 'movers' | 'trend' | 'why' | 'forecast' | 'budget' | 'anomalies' | 'recommendations';
  period: [string, string];
  against?: [string, string];
  filters?: ExpectedFilters;
  groupBy?: string;
  top?: number;
  metric?: 'billed' | 'effective' | 'list';
  /** For movers: which changes count ("grew": up). */
  direction?: 'up' | 'down' | 'any';
  /** For "why": the driver dimensions (default service, account, region). */
  drivers?: string[];
}

export interface ExpectRefusal {
  refused: 'empty' | 'unknown-name' | 'not-in-data' | 'unsupported' | 'ambiguous' | 'no-days';
  /** A "did you mean" that must be offered. */
  suggests?: string;
}

export interface EvalItem {
  q: string;
  asOf: string;
  expect: ExpectAnswer | ExpectRefusal;
}

export type AmountsEqual = (nanos: bigint, oracle: bigint) => boolean;

const LATER = ['forecast', 'budget', 'anomalies', 'recommendations'];

/** What is wrong with a reply; empty when it is exactly right. */
export function checkReply(item: EvalItem, reply: AskReply, lines: Line[], same: AmountsEqual): string[] {
  const e = item.expect;
  if ('refused' in e) {
    if (reply.ok) return [`expected a refusal (${e.refused}), got a ${reply.intent.kind} answer: ${reply.text.split('\n')[0]}`];
    const problems: string[] = [];
    if (reply.code !== e.refused) problems.push(`refused as ${reply.code}, expected ${e.refused}: ${reply.reason}`);
    if (e.suggests && !reply.suggestions.some((s) => s.includes(e.suggests!))) problems.push(`no suggestion "${e.suggests}" in [${reply.suggestions.join('; ')}]`);
    return problems;
  }
  if (!reply.ok) return [`refused (${reply.code}): ${reply.reason}`];
  const q = reply.query;
  const problems: string[] = [];
  const eq = (what: string, got: unknown, want: unknown) => {
    if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${what}: got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  };
  eq('kind', reply.intent.kind, e.kind);
  eq('period', [q.period.start, q.period.end], e.period);
  eq('against', q.against ? [q.against.start, q.against.end] : undefined, e.against);
  eq('filters', normalizedFilters(q.filters), normalizedFilters(e.filters ?? {}));
  eq('groupBy', q.groupBy, e.kind === 'why' ? undefined : e.groupBy);
  eq('top', q.top, e.top);
  eq('metric', q.metric, e.metric ?? 'billed');
  if (e.kind === 'movers') eq('direction', reply.intent.kind === 'movers' ? reply.intent.direction : undefined, e.direction ?? 'any');
  if (e.kind === 'why') eq('drivers', reply.drivers?.map((d) => d.dim), e.drivers ?? ['service', 'account', 'region']);
  if (problems.length) return problems;
  return LATER.includes(e.kind) ? laterProblems(e, reply, item.asOf, lines, same) : amountProblems(e, reply, lines, same);
}

function amountProblems(e: ExpectAnswer, reply: Extract<AskReply, { ok: true }>, lines: Line[], same: AmountsEqual): string[] {
  const problems: string[] = [];
  const base: OracleQuery = { range: e.period, filters: e.filters ?? {}, metric: e.metric ?? 'billed' };
  const expectAmount = (what: string, got: bigint | null | undefined, want: bigint) => {
    if (got === null || got === undefined || !same(got, want)) problems.push(`${what}: got ${got} nanos, oracle ${want}`);
  };
  expectAmount('total', reply.total, oracleTotal(lines, base));
  const against = e.against ? { ...base, range: e.against } : undefined;
  if (against) expectAmount('previous total', reply.previousTotal, oracleTotal(lines, against));
  const groups = (dim: string, q: OracleQuery) => oracleSums(lines, { ...q, groupBy: dim });
  if (e.kind === 'totals' && e.groupBy) {
    const ranked = [...groups(e.groupBy, base)].sort(byAmount).map(([key, cost]) => ({ key, cost }));
    compareGroups(problems, reply.groups ?? [], e.top ? ranked.slice(0, e.top) : ranked, same, 'groups', true, ranked);
  } else if (e.kind === 'trend') {
    compareGroups(problems, reply.groups ?? [], [...groups(e.groupBy!, base)].sort((a, b) => a[0].localeCompare(b[0])).map(([key, cost]) => ({ key, cost })), same, 'series', false);
  } else if ((e.kind === 'compare' || e.kind === 'movers') && e.groupBy) {
    const diffs = diffOf(groups(e.groupBy, base), groups(e.groupBy, against!));
    const all = e.kind === 'movers' ? movers(diffs, e.direction ?? 'any') : diffs.sort((a, b) => byAmount([a.key, a.cost], [b.key, b.cost]));
    compareGroups(problems, reply.groups ?? [], all.slice(0, e.top ?? all.length), same, 'groups', true, all);
  } else if (e.kind === 'why') {
    const total = oracleTotal(lines, base) - oracleTotal(lines, against!);
    const direction = total > 0n ? 'up' : total < 0n ? 'down' : 'any';
    for (const d of reply.drivers ?? []) {
      const all = movers(diffOf(groups(d.dim, base), groups(d.dim, against!)), direction);
      compareGroups(problems, d.groups, all.slice(0, 3), same, `drivers by ${d.dim}`, true, all);
    }
  }
  return problems;
}

interface Diff {
  key: string;
  cost: bigint;
  previous: bigint;
  change: bigint;
}

function diffOf(current: Map<string, bigint>, previous: Map<string, bigint>): Diff[] {
  const keys = new Set([...current.keys(), ...previous.keys()]);
  return [...keys].map((key) => {
    const cost = current.get(key) ?? 0n;
    const prev = previous.get(key) ?? 0n;
    return { key, cost, previous: prev, change: cost - prev };
  });
}

/** The largest changes in the asked direction ("grew": increases only), biggest first. */
function movers(diffs: Diff[], direction: 'up' | 'down' | 'any'): Diff[] {
  const abs = (n: bigint) => (n < 0n ? -n : n);
  return diffs
    .filter((d) => (direction === 'up' ? d.change > 0n : direction === 'down' ? d.change < 0n : d.change !== 0n))
    .sort((a, b) => (abs(a.change) === abs(b.change) ? a.key.localeCompare(b.key) : abs(a.change) > abs(b.change) ? -1 : 1));
}

function byAmount(a: [string, bigint], b: [string, bigint]): number {
  return a[1] === b[1] ? a[0].localeCompare(b[0]) : a[1] > b[1] ? -1 : 1;
}

type Row = { key: string; cost: bigint; change?: bigint; previous?: bigint };

/**
 * Groups must carry the oracle's amounts in the oracle's order. Where the store's nano rounding makes
 * amounts tie that differ below a nano in the CSV, either order is right, so ranked lists compare
 * position by position on amounts and check each key's own amounts separately.
 */
function compareGroups(problems: string[], got: Row[], want: Row[], same: AmountsEqual, what = 'groups', ranked = true, all: Row[] = want): void {
  const wantByKey = new Map(all.map((w) => [w.key, w]));
  if (got.length !== want.length || (!ranked && got.some((g, i) => g.key !== want[i]!.key))) {
    problems.push(`${what}: keys ${JSON.stringify(got.map((g) => g.key).slice(0, 8))}, oracle ${JSON.stringify(want.map((g) => g.key).slice(0, 8))}`);
    return;
  }
  const fields = ['cost', 'previous', 'change'] as const;
  got.forEach((g, i) => {
    const atPosition = want[i]!;
    const own = wantByKey.get(g.key) ?? (ranked ? undefined : atPosition);
    for (const field of fields) {
      const w = atPosition[field];
      if (w === undefined) continue;
      if (g[field] === undefined || !same(g[field]!, w)) problems.push(`${what} #${i + 1} ${g.key} ${field}: got ${g[field]}, oracle has ${w} there (${atPosition.key})`);
      else if (ranked && (!own || own[field] === undefined || !same(g[field]!, own[field]!))) problems.push(`${what} ${g.key} ${field}: got ${g[field]}, oracle ${own?.[field]}`);
    }
  });
}

function normalizedFilters(f: object): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const key of ['providers', 'accounts', 'services', 'regions', 'chargeCategories', 'excludeChargeCategories', 'tags']) {
    const raw = (f as Record<string, unknown[] | undefined>)[key] ?? [];
    const list = raw.map((v) => (typeof v === 'string' ? v : `${(v as { key: string }).key}=${(v as { value: string }).value}`)).sort();
    if (list.length) out[key] = list;
  }
  return out;
}
