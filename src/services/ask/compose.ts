/**
 * The answer composer: intent + engine answers → the answer data and its plain-language sentence.
 * Pure. Every amount in the text is formatted from the answer's own exact numbers.
 */
import { singleCurrency, type CostGroup, type CurrencyBreakdown } from '../../domain/cost-query';
import { providerLabel } from '../../domain/cost-record';
import { formatMoney, percentChange, type Nanos } from '../../domain/money';
import { lastDay } from '../../domain/days';
import type { Period } from '../../domain/period';
import type { CostResult } from '../cost-service';
import { queriedPeriod, type AnswerGroup, type AskAnswer, type Queried } from './answer';
import type { AskIntent, CompareIntent, MoversIntent, TrendIntent, WhyIntent } from './intent';

const SHOWN = 10;
const DIM_NOUN: Record<string, [string, string]> = {
  service: ['service', 'services'], account: ['account', 'accounts'], region: ['region', 'regions'], provider: ['provider', 'providers'],
  'charge-category': ['charge category', 'charge categories'], day: ['day', 'days'], month: ['month', 'months'],
};

export function composeAnswer(intent: AskIntent, answers: CostResult[], fallbackCurrency: string): AskAnswer {
  const first = answers[0];
  if (!first) return composeLater(intent, fallbackCurrency);
  const current = singleCurrency(first.breakdown, fallbackCurrency);
  const base = { ok: true as const, intent, currency: current.currency, query: queried(intent, first), available: true };
  switch (intent.kind) {
    case 'compare':
    case 'movers':
      return { ...base, ...comparison(intent, first, current, fallbackCurrency) };
    case 'why':
      return { ...base, ...why(intent, answers, fallbackCurrency) };
    case 'trend':
      return { ...base, ...trend(intent, current) };
    default:
      return { ...base, ...totals(intent, current) };
  }
}

/** Forecast, budget, anomalies and recommendations where their services are not plugged in (composition.ts plugs them). */
export function composeLater(intent: AskIntent, currency: string): AskAnswer {
  const what = { forecast: 'Forecasts', budget: 'Budget status', anomalies: 'Anomaly detection', recommendations: 'Savings recommendations' }[intent.kind as string] ?? 'That';
  const text = `${what} ${what.endsWith('s') && what !== 'Budget status' ? 'are' : 'is'} not set up in this Penny. I can show what you spent, how it changed and what drove it, e.g. "How did this month compare to last month?"`;
  return { ok: true, intent, text, currency, query: queried(intent), total: null, groups: null, available: false };
}

/** What was asked of the store, for the context line ("Queried: …"). */
export function queried(intent: AskIntent, answer?: Pick<CostResult, 'applied'>): Queried {
  const q = intent.query;
  const out: Queried = { kind: intent.kind, metric: q.metric, period: queriedPeriod(q.period), filters: q.filters, applied: answer?.applied ?? [] };
  if ('against' in intent) out.against = queriedPeriod(intent.against);
  const groupBy = intent.kind === 'why' ? undefined : q.groupBy;
  if (groupBy) out.groupBy = groupBy;
  if (q.top !== undefined) out.top = q.top;
  return out;
}

function totals(intent: AskIntent, current: CurrencyBreakdown): Pick<AskAnswer, 'text' | 'total' | 'groups'> {
  const q = intent.query;
  const money = (n: Nanos) => formatMoney(n, current.currency);
  const scope = scopeWords(intent);
  if (!q.groupBy) {
    const text = current.groups.length === 0
      ? `No ${scope.noun} recorded${scope.filters} ${periodText(q.period)}: the total is ${money(0n)}.`
      : `${capital(scope.noun)}${scope.filters} ${periodText(q.period)}: ${money(current.total)}.`;
    return { text, total: current.total, groups: null };
  }
  const ranked = [...current.groups].sort(byCost);
  const groups = (q.top ? ranked.slice(0, q.top) : ranked).map(toGroup);
  const [one, many] = DIM_NOUN[q.groupBy] ?? [`${q.groupBy.slice(4)} tag value`, `${q.groupBy.slice(4)} tag values`];
  const head = q.top === 1 && groups[0]
    ? `The most expensive ${one}${scope.filters} ${periodText(q.period)} was ${groups[0].label}, at ${money(groups[0].cost)} of ${money(current.total)} in total.`
    : `${q.top ? `Top ${many}` : `${capital(scope.noun)} by ${one}`}${scope.filters} ${periodText(q.period)} (${money(current.total)} in total):`;
  const lines = q.top === 1 ? [] : groups.slice(0, SHOWN).map((g) => `• ${g.label}: ${money(g.cost)}`);
  if (groups.length > SHOWN) lines.push('• … and the rest');
  if (groups.length === 0) return { text: `No ${scope.noun} recorded${scope.filters} ${periodText(q.period)}.`, total: current.total, groups };
  return { text: [head, ...lines].join('\n'), total: current.total, groups };
}

function trend(intent: TrendIntent, current: CurrencyBreakdown): Pick<AskAnswer, 'text' | 'total' | 'groups'> {
  const q = intent.query;
  const money = (n: Nanos) => formatMoney(n, current.currency);
  const groups = [...current.groups].sort((a, b) => a.key.localeCompare(b.key)).map(toGroup);
  const scope = scopeWords(intent);
  const unit = intent.granularity === 'day' ? 'Daily' : 'Monthly';
  if (groups.length === 0) return { text: `No ${scope.noun} recorded${scope.filters} ${periodText(q.period)}.`, total: current.total, groups };
  const high = [...groups].sort(byCost)[0]!;
  const low = [...groups].sort(byCost)[groups.length - 1]!;
  const latest = groups[groups.length - 1]!;
  const text = `${unit} ${scope.noun}${scope.filters} ${periodText(q.period)}: ${money(current.total)} in total. `
    + `Highest ${intent.granularity} ${high.label} (${money(high.cost)}), lowest ${low.label} (${money(low.cost)}), latest ${latest.label} (${money(latest.cost)}).`;
  return { text, total: current.total, groups };
}

function comparison(intent: CompareIntent | MoversIntent, answer: CostResult, current: CurrencyBreakdown, fallback: string) {
  const previous = singleCurrency(answer.previous!.breakdown, current.currency || fallback);
  const money = (n: Nanos) => formatMoney(n, current.currency);
  const scope = scopeWords(intent);
  const change = current.total - previous.total;
  const changePercent = percentChange(previous.total, current.total) ?? null;
  const lead = `${capital(scope.noun)}${scope.filters} ${periodText(intent.query.period)}: ${money(current.total)}, ${changeWords(change, changePercent, money)} from ${money(previous.total)} in ${periodText(intent.against)}.`;
  const out = { total: current.total, previousTotal: previous.total, change, changePercent, groups: null as AnswerGroup[] | null, text: lead };
  const dim = intent.query.groupBy;
  if (!dim) return out;
  let groups = diffGroups(current.groups, previous.groups);
  const [one, many] = DIM_NOUN[dim] ?? [`${dim.slice(4)} tag value`, `${dim.slice(4)} tag values`];
  if (intent.kind === 'movers') {
    groups = moversOf(groups, intent.direction).slice(0, intent.query.top ?? 5);
    const verb = intent.direction === 'up' ? 'grew' : intent.direction === 'down' ? 'shrank' : 'changed';
    const head = groups.length === 0
      ? `No ${one} ${verb}${scope.where} between ${periodText(intent.against)} and ${periodText(intent.query.period)}.`
      : `The ${intent.query.top === 1 ? one : many} that ${verb} most${scope.where}, ${periodText(intent.against)} → ${periodText(intent.query.period)}:`;
    out.text = [head, ...groups.map((g) => `• ${g.label}: ${changeWords(g.change!, g.changePercent ?? null, money)}, ${money(g.previous!)} → ${money(g.cost)}`), lead].join('\n');
  } else {
    groups = groups.sort(byCost).slice(0, intent.query.top ?? groups.length);
    out.text = [lead, `By ${one}:`, ...groups.slice(0, SHOWN).map((g) => `• ${g.label}: ${money(g.cost)} (${changeWords(g.change!, g.changePercent ?? null, money)} from ${money(g.previous!)})`)].join('\n');
  }
  out.groups = groups;
  return out;
}

function why(intent: WhyIntent, answers: CostResult[], fallback: string) {
  const first = answers[0]!;
  const current = singleCurrency(first.breakdown, fallback);
  const previous = singleCurrency(first.previous!.breakdown, current.currency);
  const money = (n: Nanos) => formatMoney(n, current.currency);
  const change = current.total - previous.total;
  const changePercent = percentChange(previous.total, current.total) ?? null;
  const scope = scopeWords(intent);
  const direction = change > 0n ? 'up' : change < 0n ? 'down' : 'any';
  const drivers = intent.drivers.map((dim, i) => {
    const a = answers[i]!;
    const groups = moversOf(diffGroups(singleCurrency(a.breakdown, current.currency).groups, singleCurrency(a.previous!.breakdown, current.currency).groups), direction).slice(0, 3);
    return { dim, groups };
  });
  const lines = [`${capital(scope.noun)}${scope.filters} ${periodText(intent.query.period)}: ${money(current.total)}, ${changeWords(change, changePercent, money)} from ${money(previous.total)} in ${periodText(intent.against)}.`];
  if (change === 0n) lines.push('Nothing changed, so there is nothing to explain.');
  else {
    if (intent.direction !== 'any' && intent.direction !== direction) lines.push(`Note: costs went ${direction}, not ${intent.direction}.`);
    for (const d of drivers) {
      if (d.groups.length === 0) continue;
      lines.push(`Biggest ${direction === 'up' ? 'increases' : 'decreases'} by ${DIM_NOUN[d.dim]![0]}: ${d.groups.map((g) => `${g.label} ${signedMoney(g.change!, money)}`).join(', ')}.`);
    }
  }
  return { text: lines.join('\n'), total: current.total, previousTotal: previous.total, change, changePercent, groups: drivers[0]?.groups ?? null, drivers };
}

/** Each group's cost in both periods; groups present in only one period count as zero in the other. */
export function diffGroups(current: readonly CostGroup[], previous: readonly CostGroup[]): AnswerGroup[] {
  const out = new Map<string, AnswerGroup>();
  for (const g of current) out.set(g.key, { key: g.key, label: g.label, cost: g.amount, previous: 0n });
  for (const g of previous) {
    const seen = out.get(g.key);
    if (seen) seen.previous = g.amount;
    else out.set(g.key, { key: g.key, label: g.label, cost: 0n, previous: g.amount });
  }
  return [...out.values()].map((g) => ({ ...g, change: g.cost - g.previous!, changePercent: percentChange(g.previous!, g.cost) ?? null }));
}

function moversOf(groups: AnswerGroup[], direction: 'up' | 'down' | 'any'): AnswerGroup[] {
  const abs = (n: Nanos) => (n < 0n ? -n : n);
  const picked = groups.filter((g) => (direction === 'up' ? g.change! > 0n : direction === 'down' ? g.change! < 0n : g.change! !== 0n));
  return picked.sort((a, b) => (abs(b.change!) > abs(a.change!) ? 1 : abs(b.change!) < abs(a.change!) ? -1 : a.key.localeCompare(b.key)));
}

function changeWords(change: Nanos, percent: number | null, money: (n: Nanos) => string): string {
  if (change === 0n) return 'unchanged';
  const pct = percent === null ? '' : ` (${Math.abs(percent).toFixed(1)}%)`;
  return `${change > 0n ? 'up' : 'down'} ${money(change < 0n ? -change : change)}${pct}`;
}

function signedMoney(n: Nanos, money: (n: Nanos) => string): string {
  return n < 0n ? `-${money(-n)}` : `+${money(n)}`;
}

const CATEGORY_NOUN: Record<string, string> = { usage: 'usage', purchase: 'purchases', tax: 'taxes', credit: 'credits', adjustment: 'adjustments' };

/** "EC2 (Amazon Elastic Compute Cloud) costs", "AWS amortized credits", " in us-east-1 tagged team=data". */
export function scopeWords(intent: AskIntent): { noun: string; filters: string; where: string } {
  const f = intent.query.filters;
  const matched = intent.debug.matched;
  const metric = intent.query.metric === 'effective' ? 'amortized ' : intent.query.metric === 'list' ? 'list-price ' : '';
  // Short names people type ("ec2", "s3") are acronyms: show them as such next to the stored name.
  const typed = (input: string) => (/^[a-z0-9]{2,4}$/.test(input) ? input.toUpperCase() : input);
  const named = (dim: string) => matched.filter((m) => m.dim === dim).map((m) => (m.labels.length === 1 && sameName(m.labels[0]!, m.input) ? m.labels[0]! : `${typed(m.input)} (${m.labels.join(', ')})`));
  const subject = [...f.providers.map(providerLabel), ...named('service')].join(', ');
  const what = f.chargeCategories.length ? f.chargeCategories.map((c) => CATEGORY_NOUN[c]).join(' and ') : 'costs';
  const noun = `${subject ? `${subject} ` : ''}${metric}${what}`;
  const parts: string[] = [];
  const accounts = [...new Set(matched.filter((m) => m.dim === 'account').flatMap((m) => m.labels))];
  if (accounts.length) parts.push(` in account ${accounts.join(', ')}`);
  if (f.regions.length) parts.push(` in ${f.regions.join(', ')}`);
  if (f.tags.length) parts.push(` tagged ${f.tags.map((t) => `${t.key}=${t.value}`).join(', ')}`);
  if (f.excludeChargeCategories.length) parts.push(` excluding ${f.excludeChargeCategories.map((c) => CATEGORY_NOUN[c]).join(' and ')}`);
  const where = parts.join('');
  return { noun, where, filters: `${where} for` };
}

function sameName(label: string, input: string): boolean {
  return label.toLowerCase().replace(/[^a-z0-9]/g, '') === input.replace(/[^a-z0-9]/g, '');
}

/** A period's label, with its dates when the label alone does not say them ("same days last month"). */
export function periodText(p: Period): string {
  return /\d/.test(p.label) ? p.label : `${p.label} (${p.range.start} to ${lastDay(p.range)})`;
}

function toGroup(g: CostGroup): AnswerGroup {
  return { key: g.key, label: g.label, cost: g.amount };
}

function byCost(a: { cost?: Nanos; amount?: Nanos; key: string }, b: { cost?: Nanos; amount?: Nanos; key: string }): number {
  const x = a.cost ?? a.amount ?? 0n;
  const y = b.cost ?? b.amount ?? 0n;
  return x === y ? a.key.localeCompare(b.key) : x > y ? -1 : 1;
}

export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
