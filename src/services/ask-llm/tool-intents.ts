/**
 * Validated tool arguments → the same typed intents the offline parser builds. Names are resolved
 * against the store's catalog (as the parser does), periods read against "today" with the parser's
 * rules (complete days only, like-for-like comparisons). Nothing the model wrote reaches the store
 * except through these typed values.
 */
import type { GroupDim, PlainGroupDim } from '../../domain/cost-query';
import type { Day } from '../../domain/days';
import { parsePeriod } from '../../domain/period';
import {
  emptyFilters, type AskCatalog, type AskFilters, type AskIntent, type IntentDebug, type NameDim, type NameMatch,
} from '../ask';
import { findPeriodPhrases, type PeriodPhrase } from '../ask/period-phrases';
import { comparisonPeriods, singlePeriod } from '../ask/question-periods';
import { normalizeQuestion } from '../ask/text';
import type { FilterArgs, ToolArgs, ToolName } from './tool-schemas';

/** A tool argument that cannot be used, said so that the model (and then the person) can fix it. */
export class ToolArgumentError extends Error {}

export function intentOf(name: ToolName, args: ToolArgs<ToolName>, catalog: AskCatalog, today: Day): AskIntent {
  const { filters, matched } = resolveFilters((args as { filters?: FilterArgs }).filters, catalog);
  const metric = ((args as { metric?: string }).metric ?? 'billed') as 'billed';
  const debug: IntentDebug = { confidence: 1, why: [`the model called ${name}`], matched };
  switch (name) {
    case 'query_costs': {
      const a = args as ToolArgs<'query_costs'>;
      const groupBy = a.groupBy as GroupDim | undefined;
      const time = groupBy === 'day' || groupBy === 'month';
      const period = onePeriod(a.period, today);
      if (time && a.top === undefined) return { kind: 'trend', query: { period, metric, filters, groupBy }, granularity: groupBy, debug };
      return { kind: 'totals', query: { period, metric, filters, ...(groupBy ? { groupBy } : {}), ...(a.top ? { top: a.top } : {}) }, debug };
    }
    case 'compare_periods': {
      const a = args as ToolArgs<'compare_periods'>;
      const { period, against } = twoPeriods(a.period, a.against, today);
      return { kind: 'compare', query: { period, metric, filters, ...(a.groupBy ? { groupBy: a.groupBy as GroupDim } : {}), ...(a.top ? { top: a.top } : {}) }, against, debug };
    }
    case 'top_movers': {
      const a = args as ToolArgs<'top_movers'>;
      const { period, against } = twoPeriods(a.period, a.against, today);
      return { kind: 'movers', query: { period, metric, filters, groupBy: (a.groupBy ?? 'service') as GroupDim, top: a.top ?? 5 }, against, direction: a.direction ?? 'any', debug };
    }
    case 'explain_change': {
      const a = args as ToolArgs<'explain_change'>;
      const { period, against } = twoPeriods(a.period, a.against, today);
      const single = (list: string[]) => list.length === 1;
      const drivers = (['service', 'account', 'region'] as PlainGroupDim[]).filter((d) => !single(d === 'service' ? filters.services : d === 'account' ? filters.accounts : filters.regions));
      return { kind: 'why', query: { period, metric, filters }, against, direction: 'any', drivers: drivers.length ? drivers : ['service'], debug };
    }
    case 'forecast': {
      const a = args as ToolArgs<'forecast'>;
      return { kind: 'forecast', query: { period: laterPeriod(a.period, today), metric, filters, ...(a.groupBy ? { groupBy: a.groupBy } : {}) }, debug };
    }
    case 'budgets': {
      const a = args as ToolArgs<'budgets'>;
      return { kind: 'budget', query: { period: laterPeriod(a.period, today), metric, filters }, ...(a.names?.length ? { budgets: a.names } : {}), debug };
    }
    case 'recommendations': {
      const a = args as ToolArgs<'recommendations'>;
      return { kind: 'recommendations', query: { period: laterPeriod(undefined, today), metric, filters, ...(a.top ? { top: a.top } : {}) }, debug };
    }
    default:
      return { kind: 'anomalies', query: { period: laterPeriod((args as ToolArgs<'anomalies'>).period, today), metric, filters }, debug };
  }
}

/** Forecasts, budgets, anomalies: the period as said, not cut at today (their answerers judge it, as for the parser). */
function laterPeriod(text: string | undefined, today: Day) {
  const said = text ?? 'this month';
  return (readPhrase(said, today) ?? failPeriod(said)).period;
}

function onePeriod(text: string, today: Day) {
  const choice = singlePeriod([readPhrase(text, today) ?? failPeriod(text)], 'this month', today);
  if (!choice.ok) throw new ToolArgumentError(choice.reason);
  return choice.period;
}

function twoPeriods(text: string, againstText: string | undefined, today: Day) {
  const subject = readPhrase(text, today) ?? failPeriod(text);
  const base = againstText === undefined ? undefined : (readPhrase(againstText, today) ?? failPeriod(againstText));
  const phrases = base ? [subject, base] : [subject];
  const choice = comparisonPeriods(phrases, (p) => p === base, false, today);
  if (!choice.ok) throw new ToolArgumentError(choice.reason);
  return { period: choice.period, against: choice.against! };
}

/** A period as the parser reads it in a question, or as the `/cost` grammar reads it. */
function readPhrase(text: string, today: Day): PeriodPhrase | undefined {
  const words = normalizeQuestion(text);
  const found = findPeriodPhrases(words, today);
  if (found.length === 1 && found[0]!.text.length >= words.replace(/^(?:in|for|during|the|over) /, '').length - 1) return { ...found[0]!, relative: undefined };
  try {
    const period = parsePeriod(text, today);
    return { start: 0, end: text.length, text, period };
  } catch {
    return undefined;
  }
}

function failPeriod(text: string): never {
  throw new ToolArgumentError(`"${text}" is not a period I can read. Use e.g. "last month", "2024-09", "last 30 days" or "2024-09-01..2024-09-15".`);
}

const FIELDS = [['providers', 'provider'], ['accounts', 'account'], ['services', 'service'], ['regions', 'region']] as const;

/** Each name the model passed, as the stored values it stands for; an unknown name is an error with close names. */
export function resolveFilters(args: FilterArgs | undefined, catalog: AskCatalog): { filters: AskFilters; matched: NameMatch[] } {
  const filters = emptyFilters();
  const matched: NameMatch[] = [];
  for (const [key, dim] of FIELDS) {
    for (const input of args?.[key] ?? []) {
      const found = lookupName(input, dim, catalog);
      filters[key] = [...new Set([...filters[key], ...found.values])];
      matched.push({ dim, input, values: found.values, labels: found.labels });
    }
  }
  for (const tag of args?.tags ?? []) {
    const at = tag.indexOf('=');
    const typedKey = tag.slice(0, at).trim();
    const key = catalog.tagKeys.get(typedKey.toLowerCase())?.[0];
    if (!key) throw new ToolArgumentError(`No costs carry a tag "${typedKey}".${hint(catalog.suggest(typedKey))}`);
    const value = tag.slice(at + 1).trim();
    filters.tags.push({ key, value });
    matched.push({ dim: 'tag', input: `${key}=${value}`, values: [`${key}=${value}`], labels: [`${key}=${value}`] });
  }
  filters.chargeCategories = [...new Set(args?.chargeCategories ?? [])];
  filters.excludeChargeCategories = [...new Set(args?.excludeChargeCategories ?? [])];
  return { filters, matched };
}

function lookupName(input: string, dim: NameDim, catalog: AskCatalog): { values: string[]; labels: string[] } {
  const entries = catalog.lookup(normalizeQuestion(input)) ?? catalog.lookup(input.trim().toLowerCase());
  const entry = entries?.find((e) => e.dim === dim);
  if (entry) return { values: entry.values, labels: entry.labels };
  const stored = catalog.values[dim].find((v) => v.value.toLowerCase() === input.trim().toLowerCase() || (v.label && v.label.toLowerCase() === input.trim().toLowerCase()));
  if (stored) return { values: [stored.value], labels: [stored.label || stored.value] };
  const other = entries?.[0];
  const article = (noun: string) => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`);
  const elsewhere = other ? ` "${input}" is ${article(other.dim)}, not ${article(dim)}.` : '';
  throw new ToolArgumentError(`No ${dim} called "${input}" has costs.${elsewhere}${hint(catalog.suggest(normalizeQuestion(input)))}`);
}

function hint(suggestions: string[]): string {
  return suggestions.length ? ` Close names: ${suggestions.map((s) => `"${s}"`).join(', ')}.` : '';
}
