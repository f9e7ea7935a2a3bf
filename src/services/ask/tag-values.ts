/**
 * Tag values as stored: "env production" finds "prod", "project=foo" finds "Foo". Values are read
 * from the costs of the question's own period, only when a question filters by a tag.
 */
import { distance } from '../../domain/dimension-match';
import { addMonths, monthsIn, type DateRange } from '../../domain/days';
import type { CostService } from '../cost-service';
import type { AskIntent, Refusal } from './intent';
import { quoteList, refusal } from './refusals';

const VALUE_SYNONYMS: Record<string, string[]> = {
  production: ['prod', 'prd'], prod: ['production', 'prd'], development: ['dev'], dev: ['development'],
  staging: ['stage', 'stg'], stage: ['staging', 'stg'], test: ['testing', 'qa'], testing: ['test', 'qa'],
};

export type TagValueMatch = { ok: true; value: string } | { ok: false; suggestions: string[] };

/** The stored spelling of a typed tag value: same letters, else a common synonym; otherwise close ones. */
export function matchTagValue(key: string, typed: string, known: readonly string[]): TagValueMatch {
  const lower = typed.toLowerCase();
  const same = known.find((v) => v === typed) ?? known.find((v) => v.toLowerCase() === lower) ?? known.find((v) => (VALUE_SYNONYMS[lower] ?? []).includes(v.toLowerCase()));
  if (same !== undefined) return { ok: true, value: same };
  const near = known.map((v) => ({ v, d: distance(lower, v.toLowerCase()) })).sort((a, b) => a.d - b.d || a.v.localeCompare(b.v));
  return { ok: false, suggestions: near.filter((n) => n.d <= Math.max(2, Math.ceil(lower.length / 3))).slice(0, 3).map((n) => `${key}=${n.v}`) };
}

/** The values a tag key takes in a range of days. */
export type TagValueLookup = (key: string, range: DateRange) => Promise<string[]>;

/** Reads tag values with the cost engine, a calendar month at a time, remembering each month. */
export function monthlyTagValues(costs: Pick<CostService, 'query'>): TagValueLookup & { clear(): void } {
  const cache = new Map<string, Promise<string[]>>();
  const month = (key: string, m: string): Promise<string[]> => {
    const id = `${key}\u0000${m}`;
    let values = cache.get(id);
    if (!values) {
      const range = { start: `${m}-01`, end: addMonths(`${m}-01`, 1) };
      values = costs.query({ period: { range, label: m, kind: 'month' }, groupBy: `tag:${key}` })
        .then((a) => [...new Set(a.breakdown.currencies.flatMap((c) => c.groups.map((g) => g.key)).filter((k) => typeof k === 'string' && k !== ''))]);
      values.catch(() => cache.delete(id));
      cache.set(id, values);
    }
    return values;
  };
  const lookup = async (key: string, range: DateRange) => [...new Set((await Promise.all(monthsIn(range).map((m) => month(key, m)))).flat())];
  return Object.assign(lookup, { clear: () => cache.clear() });
}

/** The intent with its tag values spelled as stored, or a refusal naming the values that do exist. */
export async function resolveTagValues(intent: AskIntent, lookup: TagValueLookup): Promise<{ ok: true; intent: AskIntent } | Refusal> {
  const tags = intent.query.filters.tags;
  if (tags.length === 0) return { ok: true, intent };
  const range = spanOf(intent);
  const resolved: { key: string; value: string }[] = [];
  for (const tag of tags) {
    const known = await lookup(tag.key, range);
    const match = matchTagValue(tag.key, tag.value, known);
    if (!match.ok) {
      const hint = match.suggestions.length ? ` Did you mean ${quoteList(match.suggestions)}?` : known.length ? ` Values seen then: ${quoteList(known.slice(0, 6).map((v) => `${tag.key}=${v}`))}.` : '';
      return refusal('unknown-name', `No costs are tagged ${tag.key}=${tag.value} in ${intent.query.period.label}.${hint}`, match.suggestions);
    }
    resolved.push({ key: tag.key, value: match.value });
  }
  const matched = intent.debug.matched.map((m) => {
    if (m.dim !== 'tag') return m;
    const r = resolved.find((t) => m.values[0]!.toLowerCase().startsWith(`${t.key.toLowerCase()}=`));
    return r ? { ...m, values: [`${r.key}=${r.value}`], labels: [`${r.key}=${r.value}`] } : m;
  });
  const query = { ...intent.query, filters: { ...intent.query.filters, tags: resolved } };
  return { ok: true, intent: { ...intent, query, debug: { ...intent.debug, matched } } as AskIntent };
}

/** The days a question reads: its period, and the baseline when it compares. */
function spanOf(intent: AskIntent): DateRange {
  const { range } = intent.query.period;
  if (!('against' in intent)) return range;
  const other = intent.against.range;
  return { start: other.start < range.start ? other.start : range.start, end: other.end > range.end ? other.end : range.end };
}
