/**
 * The offline question parser: plain-language text → a validated intent, or a refusal that says
 * what was not understood. It never drops a word it does not know.
 */
import { rangeLength, type Day } from '../../domain/days';
import type { ChargeCategory, Metric } from '../../domain/cost-record';
import { displayName, type AskCatalog } from './catalog';
import { emptyFilters, type AskFilters, type AskIntent, type IntentKind, type NameMatch, type ParseResult } from './intent';
import { comparisonPeriods, DEFAULT_PERIOD, singlePeriod, type PeriodChoice } from './question-periods';
import { CAN_ANSWER, quoteList, refusal, rewritten } from './refusals';
import { groupingOf, isBaseline, namesCompared, precededBy, untaggedGrouping, type Grouping } from './piece-context';
import { scanQuestion, type Piece, type Scan } from './scan';
import { normalizeQuestion } from './text';
import type { Cue } from './vocabulary';

export interface ParseOptions {
  today: Day;
  catalog: AskCatalog;
}

const CHANGE_CUES: Cue[] = ['up', 'down', 'change'];

export function parseQuestion(text: string, { today, catalog }: ParseOptions): ParseResult {
  const normalized = normalizeQuestion(text);
  if (!normalized) return refusal('empty', `Ask me about your cloud costs. ${CAN_ANSWER}`);
  const scan = scanQuestion(normalized, catalog, today);
  const problem = firstProblem(scan, catalog);
  if (problem) return problem;
  const read = readPieces(scan, catalog);
  if (!read.ok) return read.refusal;
  const { filters, matched, metric, cues, grouping } = read;
  const periods = scan.pieces.filter((p): p is Extract<Piece, { kind: 'period' }> => p.kind === 'period').map((p) => p.phrase);
  if (!matched.length && !periods.length && !grouping.dim && cues.size === 0 && !read.metricSaid) {
    return refusal('empty', `I couldn't find a cost question in "${text.trim()}". ${CAN_ANSWER}`);
  }
  let kind = kindOf(cues, periods.some((p) => p.future), grouping);
  const why = [...scan.corrections.map((c) => `read "${c.from}" as "${c.to}"`)];
  const names = namesCompared(scan.pieces, matched, cues, periods.length);
  if (names && (kind === 'compare' || kind === 'totals')) {
    // "Is GCP more expensive than AWS?": the two side by side, not a change over time.
    kind = 'totals';
    grouping.dim = names;
    grouping.top = undefined;
    why.push(`comparing ${names}s side by side`);
  }
  if (kind === 'totals' && periods.length >= 2) kind = 'compare';
  if (kind === 'trend' && grouping.dim && grouping.dim !== 'day' && grouping.dim !== 'month') {
    return refusal('unsupported', `I can show a trend, or a breakdown by ${grouping.dim}, but not both at once yet.`, [], [`Daily costs ${periodWords(periods)}`, `Costs by ${grouping.dim} ${periodWords(periods)}`]);
  }
  const comparing = kind === 'compare' || kind === 'movers' || kind === 'why';
  const afterCompare = (p: (typeof periods)[number]) => isBaseline(scan.pieces, scan.pieces.findIndex((x) => x.kind === 'period' && x.phrase === p), cues.has('compare'));
  const choice: PeriodChoice = comparing
    ? comparisonPeriods(periods, afterCompare, [...CHANGE_CUES, 'compare', 'baseline'].some((c) => cues.has(c as Cue)), today)
    : singlePeriod(periods, kind === 'trend' ? DEFAULT_PERIOD.trend : DEFAULT_PERIOD.totals, today, !isLater(kind));
  if (!choice.ok) return refusal(choice.code, choice.reason);
  why.push(`period: ${choice.period.label} (${choice.period.range.start} to before ${choice.period.range.end})${choice.defaulted ? ', assumed' : ''}`, ...choice.notes);
  for (const m of matched) why.push(`"${m.input}" → ${m.dim} ${m.labels.join(', ')}`);
  // A trend with no granularity said: daily up to about a quarter, monthly beyond.
  const groupBy = kind === 'trend' ? (grouping.dim ?? (rangeLength(choice.period.range) > 92 ? 'month' : 'day')) : grouping.dim;
  const query = { period: choice.period, metric, filters, ...(groupBy ? { groupBy } : {}), ...(grouping.top ? { top: grouping.top } : {}) };
  const confidence = Math.max(0.3, 1 - 0.1 * scan.corrections.length - (choice.defaulted ? 0.15 : 0));
  const debug = { confidence: Math.round(confidence * 100) / 100, why, matched };
  const direction = cues.has('up') && !cues.has('down') ? 'up' : cues.has('down') && !cues.has('up') ? 'down' : 'any';
  const intent = ((): AskIntent => {
    switch (kind) {
      case 'compare':
        return { kind, query, against: choice.against!, debug };
      case 'movers':
        return { kind, query: { ...query, groupBy: groupBy ?? 'service', top: grouping.top ?? (grouping.plural ? 5 : 1) }, against: choice.against!, direction, debug };
      case 'why': {
        const drivers = groupBy && !groupBy.startsWith('tag:') ? [groupBy as 'service'] : (['service', 'account', 'region'] as const).filter((d) => !singleValued(filters, d));
        return { kind, query, against: choice.against!, direction, drivers: drivers.length ? [...drivers] : ['service'], debug };
      }
      case 'trend':
        return { kind, query: { ...query, groupBy: groupBy! }, granularity: groupBy === 'month' ? 'month' : 'day', debug };
      default:
        return { kind, query, debug } as AskIntent;
    }
  })();
  return { ok: true, intent };
}

function isLater(kind: IntentKind): boolean {
  return kind === 'forecast' || kind === 'budget' || kind === 'anomalies' || kind === 'recommendations';
}

function periodWords(periods: { text: string }[]): string {
  return periods.map((p) => p.text).join(' ') || 'last month';
}

/** Unknown words, names with no costs and things Penny cannot answer exactly: refused before anything else. */
export function firstProblem(scan: Scan, catalog: AskCatalog): ReturnType<typeof refusal> | undefined {
  for (const p of scan.pieces) {
    if (p.kind === 'unknown') {
      const suggestions = catalog.suggest(p.text);
      const hint = suggestions.length ? ` Did you mean ${quoteList(suggestions)}?` : '';
      const examples = suggestions.length ? [rewritten(scan.normalized, p.text, suggestions[0]!)] : [];
      return refusal('unknown-name', `I don't know "${p.text}": it is not a service, account, region, provider or tag in your costs, nor a word I understand.${hint}`, suggestions, examples);
    }
    if (p.kind === 'absent') return refusal('not-in-data', `There are no ${p.absent.dim === 'provider' ? p.absent.label : `"${p.text}"`} costs in the data I have, so I can't answer about ${p.text}.`);
    if (p.kind === 'word' && p.word.role === 'unsupported') {
      const category = /^service categories like "(.+)"$/.exec(p.word.what)?.[1];
      const members = category ? catalog.values.service.filter((s) => s.parent?.toLowerCase().startsWith(category.slice(0, 4))).map((s) => s.value).slice(0, 5) : [];
      const hint = members.length ? ` Ask by service instead, such as ${quoteList(members)}.` : '';
      return refusal('unsupported', `I can't answer about ${p.word.what} yet.${hint} ${CAN_ANSWER}`, members);
    }
  }
  return undefined;
}

export type Read =
  | { ok: true; filters: AskFilters; matched: NameMatch[]; metric: Metric; metricSaid: boolean; cues: Set<Cue>; grouping: Grouping }
  | { ok: false; refusal: ReturnType<typeof refusal> };

export function readPieces(scan: Scan, catalog: AskCatalog): Read {
  const filters = emptyFilters();
  const matched: NameMatch[] = [];
  const metrics = new Set<Metric>();
  const cues = new Set<Cue>();
  const fail = (r: ReturnType<typeof refusal>): Read => ({ ok: false, refusal: r });
  const pieces = scan.pieces;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    const negated = precededBy(pieces, i, 'not');
    if (p.kind === 'name') {
      if (p.entries.length > 1) return fail(refusal('ambiguous', `"${p.text}" could be ${quoteList(p.entries.map((e) => `${e.dim} ${displayName(e)}`))}. Say which one, e.g. "${p.entries[0]!.dim} ${p.text}".`, p.entries.map(displayName)));
      const e = p.entries[0]!;
      if (negated) return fail(refusal('unsupported', `I can't leave out a ${e.dim} yet ("${p.text}"). Ask for the ones you want instead.`));
      const key = ({ provider: 'providers', account: 'accounts', service: 'services', region: 'regions' } as const)[e.dim];
      filters[key] = [...new Set([...filters[key], ...e.values])];
      matched.push({ dim: e.dim, input: p.text, values: e.values, labels: e.labels });
    } else if (p.kind === 'tag' && filters.tags.some((t) => t.key === p.key)) {
      return fail(refusal('unsupported', `I can filter one ${p.key} at a time (costs carry one ${p.key} each). To compare them, ask for costs by ${p.key}.`, [], [`Costs by ${p.key} last month`]));
    } else if (p.kind === 'tag') {
      const value = catalog.tagValue(p.key, p.value);
      if (value && !value.ok) {
        const hint = value.suggestions.length ? ` Did you mean ${quoteList(value.suggestions)}?` : '';
        return fail(refusal('unknown-name', `No costs are tagged ${p.key}=${p.value}.${hint}`, value.suggestions));
      }
      if (negated) return fail(refusal('unsupported', `I can't leave out a tag yet ("${p.text}"). Ask for the tag value you want instead.`));
      const tag = { key: p.key, value: value?.value ?? p.value };
      filters.tags.push(tag);
      matched.push({ dim: 'tag', input: p.text, values: [`${tag.key}=${tag.value}`], labels: [`${tag.key}=${tag.value}`] });
    } else if (p.kind === 'word' && p.word.role === 'category') {
      const list: ChargeCategory[] = negated ? filters.excludeChargeCategories : filters.chargeCategories;
      if (!list.includes(p.word.category)) list.push(p.word.category);
      matched.push({ dim: 'charge-category', input: p.text, values: [p.word.category], labels: [`${negated ? 'not ' : ''}${p.word.category}`] });
    } else if (p.kind === 'word' && p.word.role === 'metric') metrics.add(p.word.metric);
    else if (p.kind === 'word' && p.word.role === 'cue') cues.add(p.word.cue);
  }
  const untagged = untaggedGrouping(pieces, catalog);
  if (untagged) return fail(untagged);
  if (metrics.size > 1) return fail(refusal('ambiguous', `The question mentions several cost measures (${[...metrics].join(', ')}); ask about one at a time.`));
  const grouping = groupingOf(pieces);
  if ('refusal' in grouping) return fail(grouping.refusal);
  const [metric = 'billed'] = [...metrics];
  return { ok: true, filters, matched, metric, metricSaid: metrics.size > 0, cues, grouping };
}

function kindOf(cues: Set<Cue>, future: boolean, grouping: Grouping): IntentKind {
  if (cues.has('recommend')) return 'recommendations';
  if (cues.has('budget')) return 'budget';
  if (cues.has('forecast') || future || (cues.has('future') && cues.has('cost'))) return 'forecast';
  if (cues.has('why')) return 'why';
  if (cues.has('anomaly')) return 'anomalies';
  const changing = CHANGE_CUES.some((c) => cues.has(c));
  if (changing && grouping.dim && grouping.dim !== 'day' && grouping.dim !== 'month' && grouping.ranking) return 'movers';
  if (changing || cues.has('compare') || cues.has('baseline')) return 'compare';
  if ((grouping.dim === 'day' || grouping.dim === 'month') && grouping.top === undefined) return 'trend';
  if (cues.has('trend')) return 'trend';
  return 'totals';
}

function singleValued(filters: AskFilters, dim: 'service' | 'account' | 'region'): boolean {
  const list = dim === 'service' ? filters.services : dim === 'account' ? filters.accounts : filters.regions;
  return list.length === 1;
}
