/**
 * Answers plain-language cost questions offline: parse against the store's names, ask the cost
 * engine, compose the sentence. Forecast, budget, anomaly and recommendation questions go to the
 * answerers plugged in as `later` (later-answers/, built from the watchdog's and advice's services).
 */
import type { Day } from '../../domain/days';
import { isAppError } from '../../domain/errors';
import type { Clock } from '../../ports/clock';
import type { CostStore } from '../../ports/cost-store';
import type { CostRequest, CostService } from '../cost-service';
import { planRequests, type AskReply } from './answer';
import { AskCatalog } from './catalog';
import { composeAnswer, composeLater } from './compose';
import { refineIntent, unknownWords } from './follow-up';
import { isLaterKind, type AskIntent, type LaterIntent, type LaterKind, type ParseResult, type Refusal } from './intent';
import { findBudgetName } from './budget-names';
import type { LaterAnswerer } from './later-answers/later-common';
import { parseQuestion } from './parse-question';
import { refusal } from './refusals';
import { matchTagValue, monthlyTagValues, resolveTagValues } from './tag-values';

/** Where the names come from: the store's catalog (CostStore satisfies it). */
export type NameSource = Pick<CostStore, 'dimensionValues'>;

export type { LaterAnswerer } from './later-answers/later-common';

/** Tag keys searched for a bare value ("only production"); each costs a grouped query per month. */
const MAX_BARE_TAG_KEYS = 20;

export interface AskDeps {
  costs: CostService;
  names: NameSource;
  clock: Clock;
  later?: Partial<Record<LaterKind, LaterAnswerer>>;
  /** The budgets' names, so that "the data-platform budget" is read as that budget. */
  budgetNames?: () => Promise<string[]>;
  /** How long the name catalog is reused before it is read again (default 5 minutes). */
  catalogTtlMs?: number;
}

export interface AskOptions {
  /** "Today is this date": only days before it are used. Defaults to today in the reporting time zone. */
  asOf?: Day;
}

export class AskService {
  private catalog?: { at: number; value: Promise<AskCatalog> };
  private readonly tagValues: ReturnType<typeof monthlyTagValues>;

  constructor(private readonly deps: AskDeps) {
    this.tagValues = monthlyTagValues(deps.costs);
  }

  /** Today in the reporting time zone (relative periods are read against it unless asOf says otherwise). */
  today(): Day {
    return this.deps.costs.today();
  }

  /** Question → answer or refusal. Never throws for a person's input; store failures still throw. */
  async ask(question: string, options: AskOptions = {}): Promise<AskReply> {
    const parsed = await this.parse(question, options);
    if (!parsed.ok) return parsed;
    return this.answer(parsed.intent, options);
  }

  /** Question → intent (or refusal), for faces that show "here is what I understood". */
  async parse(question: string, options: AskOptions = {}): Promise<ParseResult> {
    const today = options.asOf ?? this.deps.costs.today();
    const named = await this.budgetQuestion(question, today);
    if (named) return named;
    let parsed = parseQuestion(question, { today, catalog: await this.names() });
    // A name may be new since the catalog was read: read it again once before refusing.
    if (!parsed.ok && (parsed.code === 'unknown-name' || parsed.code === 'not-in-data') && this.catalogAge() > 10_000) {
      parsed = parseQuestion(question, { today, catalog: await this.names(true) });
    }
    return parsed;
  }

  /**
   * A thread reply read against the intent it follows ("and the month before?", "only production"),
   * or undefined when the reply is a question of its own. Bare tag values are looked up (in the
   * previous question's period) only when a word is not otherwise known.
   */
  async refine(previous: AskIntent, question: string, options: AskOptions = {}): Promise<ParseResult | undefined> {
    const today = options.asOf ?? this.deps.costs.today();
    const catalog = await this.names();
    if (unknownWords(question, catalog, today).length === 0) return refineIntent(previous, question, { today, catalog });
    const keys = [...catalog.tagKeys.values()].map((spellings) => spellings[0]!).slice(0, MAX_BARE_TAG_KEYS);
    const values = await Promise.all(keys.map(async (key) => ({ key, known: await this.tagValues(key, previous.query.period.range) })));
    const bareTags = (word: string) => values.flatMap(({ key, known }) => {
      const match = matchTagValue(key, word, known);
      return match.ok ? [{ key, value: match.value }] : [];
    });
    return refineIntent(previous, question, { today, catalog, bareTags });
  }

  /** The cost-engine requests that answer an intent (tag values spelled as stored), or why there are none. */
  async plan(intent: AskIntent): Promise<{ ok: true; intent: AskIntent; requests: CostRequest[] } | Refusal> {
    const tagged = await resolveTagValues(intent, this.tagValues);
    return tagged.ok ? { ok: true, intent: tagged.intent, requests: planRequests(tagged.intent) } : tagged;
  }

  async answer(intent: AskIntent, options: AskOptions = {}): Promise<AskReply> {
    try {
      if (isLaterKind(intent.kind)) {
        const plugged = this.deps.later?.[intent.kind];
        const today = options.asOf ?? this.deps.costs.today();
        return plugged ? await plugged(intent as LaterIntent, { today }) : composeLater(intent, this.deps.costs.defaultCurrency);
      }
      const planned = await this.plan(intent);
      if (!planned.ok) return planned;
      const answers = await Promise.all(planned.requests.map((r) => this.deps.costs.query(r)));
      return composeAnswer(planned.intent, answers, this.deps.costs.defaultCurrency);
    } catch (error) {
      // Coded errors (mixed currencies, a name gone from the store) are sentences for people.
      if (isAppError(error) && error.code !== 'DB_UNAVAILABLE' && error.code !== 'INTERNAL') return refusal('unsupported', error.message);
      throw error;
    }
  }

  /**
   * "How is the data-platform budget doing?": a budget named next to the word budget is taken out
   * of the question, which is then read as a budget question about that budget. Undefined when
   * no budget is named (or the rest does not read as a budget question): the question is read as is.
   */
  private async budgetQuestion(question: string, today: Day): Promise<ParseResult | undefined> {
    if (!this.deps.budgetNames || !/budget/i.test(question)) return undefined;
    const found = findBudgetName(question, await this.deps.budgetNames());
    if (!found) return undefined;
    const rest = parseQuestion(found.rest, { today, catalog: await this.names() });
    if (!rest.ok || rest.intent.kind !== 'budget') return undefined;
    const debug = { ...rest.intent.debug, why: [...rest.intent.debug.why, `"${found.typed}" → budget ${found.name}`] };
    return { ok: true, intent: { ...rest.intent, budgets: [found.name], debug } };
  }

  /** The name catalog, read from the store at most once per TTL. */
  async names(refresh = false): Promise<AskCatalog> {
    const ttl = this.deps.catalogTtlMs ?? 5 * 60_000;
    if (!this.catalog || refresh || this.catalogAge() > ttl) {
      const value = this.readCatalog();
      this.catalog = { at: this.deps.clock.now().getTime(), value };
      this.tagValues.clear();
      value.catch(() => (this.catalog = undefined));
    }
    return this.catalog.value;
  }

  private catalogAge(): number {
    return this.catalog ? this.deps.clock.now().getTime() - this.catalog.at : Infinity;
  }

  private async readCatalog(): Promise<AskCatalog> {
    const { names } = this.deps;
    const [provider, account, service, region, tagKeys] = await Promise.all([
      names.dimensionValues('provider'), names.dimensionValues('account'), names.dimensionValues('service'),
      names.dimensionValues('region'), names.dimensionValues('tag-key'),
    ]);
    return new AskCatalog({ provider, account, service, region, 'tag-key': tagKeys });
  }
}
