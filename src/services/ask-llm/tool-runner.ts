/**
 * Runs the model's tool calls: arguments parsed as JSON and validated with zod, turned into a typed
 * intent, held to the asker's scope, answered by the offline answerer. What goes back to the model
 * is the answer's summary (the query, totals and groups as displayed), never billing rows.
 */
import { formatMoney, type Nanos } from '../../domain/money';
import type { Day } from '../../domain/days';
import type { AnswerGroup, AskAnswer, AskService } from '../ask';
import { applyScope, type AskScope } from '../ask/scope';
import { detailsJson } from './tool-details';
import { intentOf, ToolArgumentError } from './tool-intents';
import { isToolName, TOOL_ARGS } from './tool-schemas';

export interface ToolRun {
  /** What the model is sent back: JSON text. */
  content: string;
  /** The answer behind it, when the tool answered. */
  answer?: AskAnswer;
}

const MAX_GROUPS = 15;

export class ToolRunner {
  /** Every answer the model was given, in order: the evidence its numbers are checked against. */
  readonly answers: AskAnswer[] = [];

  constructor(private readonly ask: AskService, private readonly today: Day, private readonly scope?: AskScope) {}

  async run(name: string, argumentText: string): Promise<ToolRun> {
    if (!isToolName(name)) return error(`There is no tool "${name}".`);
    let raw: unknown;
    try {
      raw = JSON.parse(argumentText || '{}');
    } catch {
      return error('The arguments are not valid JSON.');
    }
    const parsed = TOOL_ARGS[name].safeParse(raw);
    if (!parsed.success) return error(`Invalid arguments: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(arguments)'}: ${i.message}`).join('; ')}.`);
    let intent;
    try {
      intent = intentOf(name, parsed.data, await this.ask.names(), this.today);
    } catch (e) {
      if (e instanceof ToolArgumentError) return error(e.message);
      throw e;
    }
    const scoped = applyScope(intent, this.scope);
    if (!scoped.ok) return error(scoped.reason);
    const reply = await this.ask.answer(scoped.intent, { asOf: this.today });
    if (!reply.ok) return error(reply.reason, reply.suggestions);
    this.answers.push(reply);
    return { content: JSON.stringify(resultJson(reply)), answer: reply };
  }
}

function error(message: string, suggestions: string[] = []): ToolRun {
  return { content: JSON.stringify({ error: message, ...(suggestions.length ? { suggestions } : {}) }) };
}

/** The answer as the model sees it: amounts already formatted, so that quoting them is copying. */
export function resultJson(a: AskAnswer): Record<string, unknown> {
  const money = (n: Nanos) => formatMoney(n, a.currency);
  const q = a.query;
  const period = (p: typeof q.period) => ({ label: p.label, from: p.start, to: p.last });
  const out: Record<string, unknown> = {
    query: {
      kind: q.kind, metric: q.metric, period: period(q.period), ...(q.against ? { against: period(q.against) } : {}),
      filters: a.intent.debug.matched.map((m) => `${m.dim}: ${m.labels.join(', ')}`), ...(q.groupBy ? { groupBy: q.groupBy } : {}), ...(q.top ? { top: q.top } : {}),
    },
    available: a.available,
    summary: a.text,
  };
  if (!a.available) return out;
  out.currency = a.currency;
  // The service's own numbers, named for what they are (a forecast, a saving), not as a "total".
  if (a.details) return Object.assign(out, detailsJson(a.details, a.currency));
  if (a.total !== null) out.total = money(a.total);
  if (a.previousTotal !== undefined && a.previousTotal !== null) out.previousTotal = money(a.previousTotal);
  if (a.change !== undefined && a.change !== null) Object.assign(out, changeJson(a.change, a.changePercent ?? null, money));
  if (a.groups) out.groups = groupsJson(a.groups, money);
  if (a.drivers) out.drivers = a.drivers.map((d) => ({ by: d.dim, groups: groupsJson(d.groups, money) }));
  return out;
}

function groupsJson(groups: AnswerGroup[], money: (n: Nanos) => string): Record<string, unknown>[] {
  return groups.slice(0, MAX_GROUPS).map((g) => ({
    label: g.label,
    ...(g.key !== g.label ? { key: g.key } : {}),
    cost: money(g.cost),
    ...(g.previous !== undefined ? { previous: money(g.previous) } : {}),
    ...(g.change !== undefined ? changeJson(g.change, g.changePercent ?? null, money) : {}),
  }));
}

function changeJson(change: Nanos, percent: number | null, money: (n: Nanos) => string): Record<string, unknown> {
  const direction = change > 0n ? 'up' : change < 0n ? 'down' : 'unchanged';
  return { change: money(change < 0n ? -change : change), direction, ...(percent !== null ? { changePercent: Math.round(Math.abs(percent) * 10) / 10 } : {}) };
}
