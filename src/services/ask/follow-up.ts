/**
 * Thread follow-ups: a reply ("and the month before?", "only production", "break that down by
 * region") read against the intent it follows. Only what the reply says changes; the rest stays.
 * A reply that is a cost question of its own ("what did S3 cost last week?") is left to the parser.
 */
import type { GroupDim, PlainGroupDim } from '../../domain/cost-query';
import { addDays, addMonths, lastDay, type Day } from '../../domain/days';
import { periodFromBounds, type Period } from '../../domain/period';
import { isLaterKind, type AskFilters, type AskIntent, type NameMatch, type ParseResult } from './intent';
import { firstProblem, readPieces, type ParseOptions } from './parse-question';
import { before, clipToToday, comparisonPeriods, singlePeriod } from './question-periods';
import { quoteList, refusal } from './refusals';
import type { AskCatalog } from './catalog';
import { scanQuestion, type Piece } from './scan';
import { normalizeQuestion } from './text';

export interface FollowUpOptions extends ParseOptions {
  /** Tag values a bare word stands for ("production" → env=prod), looked up by the service. */
  bareTags?: (word: string) => { key: string; value: string }[];
}

type Unit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** Words that say "this refines what came before". */
const MARKER = /^(?:and|but|also|now|then|ok|okay|so|what about|how about|same|only|just|instead|except|excluding|without|break down|split by|by|per|for)\b/;
const REFERENCE = /(?:^|\s)(?:that|it|this|those|these|them|same|instead)(?=\s|$)/;
const PERIOD_BEFORE = /(?:^|\s)(?:(?:the )?(?:period|one|time) before(?: that)?|before that|(?:the )?(?:previous|prior|preceding) (?:period|one))(?=\s|$)/;
const FOLLOW_UP_EXAMPLES = ['and the month before?', 'only AWS', 'break that down by region', 'top 3', 'why?'];

/** The reply's words with "break that down" and "split it by" read as the grouping words they are. */
function followUpWords(text: string): string {
  return normalizeQuestion(text)
    .replace(/(^|\s)(?:break|broken|split)(?: (?:that|it|this|those|these|them|the costs|costs))? (?:down|out)(?=\s|$)/g, '$1break down')
    .replace(/(^|\s)split (?:that|it|this|those|these|them) by(?=\s|$)/g, '$1split by');
}

/** The reply as a refinement of `previous`; undefined when it is a question of its own. */
export function refineIntent(previous: AskIntent, text: string, options: FollowUpOptions): ParseResult | undefined {
  const { today, catalog } = options;
  let words = followUpWords(text);
  if (!words) return undefined;
  const periodBefore = PERIOD_BEFORE.test(words);
  if (periodBefore) words = words.replace(PERIOD_BEFORE, ' ').replace(/\s+/g, ' ').trim();
  const marked = periodBefore || MARKER.test(words) || REFERENCE.test(words);
  const bare = withBareTags(words, catalog, today, options.bareTags);
  if (!bare.ok) return bare.refusal;
  const scan = scanQuestion(bare.words, catalog, today);
  const pieces = scan.pieces;
  const says = (cue: string) => pieces.some((p) => p.kind === 'word' && p.word.role === 'cue' && p.word.cue === cue);
  if (!marked && says('cost')) return undefined;
  const problem = firstProblem({ ...scan, pieces }, catalog);
  if (problem) return problem;
  const read = readPieces({ ...scan, pieces }, catalog);
  if (!read.ok) return read.refusal;
  const phrases = pieces.filter((p): p is Extract<Piece, { kind: 'period' }> => p.kind === 'period').map((p) => p.phrase);
  const changed: string[] = [];

  const { filters, matched } = mergedFilters(previous, read.filters, read.matched, changed);
  const metric = read.metricSaid ? read.metric : previous.query.metric;
  if (read.metricSaid) changed.push(`metric: ${metric}`);

  let period = previous.query.period;
  let against = 'against' in previous ? previous.against : undefined;
  const relative = phrases.length === 1 && phrases[0]!.relative ? unitOf(phrases[0]!.text) : undefined;
  if (periodBefore || relative) {
    period = back(period, relative);
    against = against && back(against, relative);
    changed.push(`period: ${period.label}, the ${relative ?? 'period'} before`);
  } else if (phrases.length > 0) {
    const comparing = against !== undefined || says('compare') || says('baseline');
    const choice = comparing ? comparisonPeriods(phrases, () => false, false, today) : singlePeriod(phrases, 'this month', today, !isLaterKind(previous.kind));
    if (!choice.ok) return refusal(choice.code, choice.reason);
    period = choice.period;
    against = comparing ? choice.against : undefined;
    changed.push(`period: ${period.label}`);
  }

  let kind = previous.kind;
  let groupBy: GroupDim | undefined = previous.query.groupBy;
  let top = previous.query.top;
  const { top: topSaid } = read.grouping;
  // "top 3" alone keeps the breakdown the thread already has (the parser would assume services).
  const dimSaid = pieces.some((p) => p.kind === 'tag-dim' || (p.kind === 'word' && p.word.role === 'dim'));
  const dim = dimSaid ? read.grouping.dim : undefined;
  if (says('why') && kind !== 'why') kind = 'why';
  else if ((says('compare') || says('baseline')) && (kind === 'totals' || kind === 'trend')) kind = 'compare';
  if (kind !== previous.kind) changed.push(`now a ${kind} question`);
  if (dim) {
    const time = dim === 'day' || dim === 'month';
    if (time && kind !== 'totals' && kind !== 'trend') return refusal('unsupported', `I can show a day-by-day or month-by-month series of costs, but not of a ${kind === 'why' ? 'change' : 'comparison'} yet.`, [], FOLLOW_UP_EXAMPLES);
    if (kind === 'trend' && !time) kind = 'totals';
    else if (kind === 'totals' && time && topSaid === undefined) kind = 'trend';
    groupBy = dim;
    top = topSaid;
    changed.push(`by ${dim}`);
  } else if (topSaid !== undefined) {
    top = topSaid;
    groupBy ??= 'service';
    changed.push(`top ${topSaid}`);
  }
  if (changed.length === 0) {
    const unknown = unknownWords(bare.words, catalog, today)[0];
    if (unknown) {
      const close = catalog.suggest(unknown);
      return refusal('unknown-name', `I don't know "${unknown}": it is not a service, account, region, provider or tag value in your costs.${close.length ? ` Did you mean ${quoteList(close)}?` : ''}`, close, FOLLOW_UP_EXAMPLES);
    }
    return marked ? refusal('empty', `I couldn't tell how to change the previous answer with "${text.trim()}". In a thread you can say things like ${quoteList(FOLLOW_UP_EXAMPLES)}.`, [], FOLLOW_UP_EXAMPLES) : undefined;
  }
  if (kind !== 'totals' && kind !== 'trend' && !isLaterKind(kind)) against ??= before(period);
  // As in the parser, the later kinds' answerers judge the period themselves (a forecast looks ahead).
  if (!isLaterKind(kind)) {
    const clipped = clipToToday(period, today);
    if (!clipped.ok) return refusal(clipped.code, clipped.reason);
    period = clipped.period;
  }

  const debug = { confidence: Math.min(previous.debug.confidence, 0.9), why: ['a follow-up of the previous question in this thread', ...changed], matched };
  const direction = says('up') && !says('down') ? 'up' : says('down') && !says('up') ? 'down' : 'direction' in previous ? previous.direction : 'any';
  const query = { period, metric, filters, ...(groupBy && kind !== 'why' ? { groupBy } : {}), ...(top !== undefined && kind !== 'why' ? { top } : {}) };
  switch (kind) {
    case 'trend':
      return { ok: true, intent: { kind, query: { ...query, groupBy: groupBy ?? 'day' }, granularity: groupBy === 'month' ? 'month' : 'day', debug } };
    case 'compare':
      return { ok: true, intent: { kind, query, against: against!, debug } };
    case 'movers':
      return { ok: true, intent: { kind, query: { ...query, groupBy: groupBy ?? 'service', top: top ?? 5 }, against: against!, direction, debug } };
    case 'why': {
      const drivers: PlainGroupDim[] = dim && !dim.startsWith('tag:') ? [dim as PlainGroupDim] : previous.kind === 'why' ? previous.drivers : ['service', 'account', 'region'];
      return { ok: true, intent: { kind, query, against: against!, direction, drivers, debug } };
    }
    default: {
      // "And last month?" about the data-platform budget is still about that budget.
      const budgets = previous.kind === 'budget' && kind === 'budget' ? previous.budgets : undefined;
      return { ok: true, intent: { kind, query, debug, ...(budgets ? { budgets } : {}) } as AskIntent };
    }
  }
}

/** The previous filters with each dimension the reply names replaced by what it names. */
function mergedFilters(previous: AskIntent, said: AskFilters, saidNames: NameMatch[], changed: string[]): { filters: AskFilters; matched: NameMatch[] } {
  const before = previous.query.filters;
  const filters: AskFilters = { ...before, tags: [...before.tags] };
  const replaced = new Set<string>();
  for (const [key, dim] of [['providers', 'provider'], ['accounts', 'account'], ['services', 'service'], ['regions', 'region']] as const) {
    if (said[key].length === 0) continue;
    filters[key] = [...said[key]];
    replaced.add(dim);
    changed.push(`${dim}: ${said[key].join(', ')}`);
  }
  for (const tag of said.tags) {
    filters.tags = [...filters.tags.filter((t) => t.key !== tag.key), tag];
    changed.push(`tag ${tag.key}=${tag.value}`);
  }
  if (said.chargeCategories.length || said.excludeChargeCategories.length) {
    filters.chargeCategories = [...said.chargeCategories];
    filters.excludeChargeCategories = [...said.excludeChargeCategories];
    replaced.add('charge-category');
    changed.push('charge categories');
  }
  const tagKeys = new Set(said.tags.map((t) => `${t.key}=`));
  const kept = previous.debug.matched.filter((m) => !replaced.has(m.dim) && !(m.dim === 'tag' && [...tagKeys].some((k) => m.values[0]?.startsWith(k))));
  return { filters, matched: [...kept, ...saidNames] };
}

/** Words of a reply the scanner does not know exactly (unknown, or read as a typo of something else): maybe tag values. */
export function unknownWords(text: string, catalog: AskCatalog, today = '2000-01-01'): string[] {
  const scan = scanQuestion(followUpWords(text), catalog, today);
  const unknown = scan.pieces.flatMap((p) => (p.kind === 'unknown' ? p.text.split(' ') : []));
  return [...new Set([...unknown, ...scan.corrections.map((c) => c.from)])].filter((w) => !/^[\d.,:=-]+$/.test(w) && !w.includes('='));
}

/** Bare tag values ("production") written as the KEY=VALUE the scanner reads; a word two keys share is ambiguous. */
function withBareTags(words: string, catalog: AskCatalog, today: Day, bareTags: FollowUpOptions['bareTags']): { ok: true; words: string } | { ok: false; refusal: ReturnType<typeof refusal> } {
  if (!bareTags) return { ok: true, words };
  const unknown = new Set(unknownWords(words, catalog, today));
  const out: string[] = [];
  for (const w of words.split(' ')) {
    const tags = unknown.has(w) ? bareTags(w) : [];
    if (tags.length > 1) {
      const names = tags.map((t) => `${t.key}=${t.value}`);
      return { ok: false, refusal: refusal('ambiguous', `"${w}" could be ${quoteList(names)}. Say which one, e.g. "only ${names[0]}".`, names) };
    }
    out.push(tags.length === 1 ? `${tags[0]!.key}=${tags[0]!.value}` : w);
  }
  return { ok: true, words: out.join(' ') };
}

function unitOf(phrase: string): Unit | undefined {
  return /(day|week|month|quarter|year)/.exec(phrase)?.[1] as Unit | undefined;
}

const MONTHS_IN: Partial<Record<Unit, number>> = { month: 1, quarter: 3, year: 12 };

/**
 * The period one unit earlier: the whole calendar unit before a calendar (or to-date) one of that
 * unit, else the same days shifted back. Without a unit, the period before (see question-periods).
 */
export function back(p: Period, unit: Unit | undefined): Period {
  if (!unit) return before(p);
  const own = p.kind === 'to-date' ? p.unit : p.kind;
  const { start, end } = p.range;
  if (own === unit && unit !== 'day') {
    const from = unit === 'week' ? addDays(start, -7) : addMonths(start, -MONTHS_IN[unit]!);
    return periodFromBounds(from, addDays(start, -1));
  }
  const shift = (d: Day) => (unit === 'day' ? addDays(d, -1) : unit === 'week' ? addDays(d, -7) : addMonths(d, -MONTHS_IN[unit]!));
  return periodFromBounds(shift(start), lastDay({ start: shift(start), end: shift(end) }));
}
