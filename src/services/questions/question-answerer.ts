/**
 * Answers a question in people's words, on every face: the LLM path when a model is configured,
 * the offline parser otherwise or whenever the model fails, and a thread's previous question as
 * context for replies. Whatever path answers, the numbers come from the store, the asker's scope
 * holds, and the answer says what was queried. The log records which path answered.
 */
import type { AskAnswerView, AskPath, AskRefusalAnswer } from '../../answers/ask';
import type { Freshness } from '../../answers/types';
import { addDays, type Day } from '../../domain/days';
import type { Logger } from '../../ports/logger';
import type { ThreadContexts, ThreadKey } from '../../ports/thread-contexts';
import { applyScope, type AskScope } from '../ask/scope';
import { askView, refusalView } from '../ask/view';
import type { AskIntent, AskReply, AskService } from '../ask';
import type { LlmAnswerer } from '../ask-llm/llm-answerer';
import { readThreadIntent, threadIntentText } from './thread-intent';

export interface QuestionRequest {
  question: string;
  /** "Today is this date": relative periods resolve as if it were. */
  asOf?: Day;
  /** Where the question was asked; a reply there refines the previous question. */
  thread?: ThreadKey;
  /** What the asker may see (no scope: everything). */
  scope?: AskScope;
}

export type QuestionResult = AskAnswerView | AskRefusalAnswer;

export interface QuestionAnswererDeps {
  ask: AskService;
  /** How fresh the store is (CostAnswers.freshness). */
  freshness: () => Promise<Freshness>;
  threads?: ThreadContexts;
  /** The LLM path; absent without OPENAI_API_KEY. */
  llm?: Pick<LlmAnswerer, 'answer'>;
  logger: Logger;
  now?: () => Date;
}

export class QuestionAnswerer {
  constructor(private readonly deps: QuestionAnswererDeps) {}

  /** Whether a thread has a question to refine (Slack answers replies only in such threads). */
  async hasThread(key: ThreadKey): Promise<boolean> {
    return (await this.previous(key)) !== undefined;
  }

  /** Never throws for a person's words; store failures still throw (the face says so briefly). */
  async answer(req: QuestionRequest): Promise<QuestionResult> {
    const { ask, logger } = this.deps;
    const today = req.asOf ?? ask.today();
    const previous = req.thread ? await this.previous(req.thread) : undefined;
    let reply: AskReply | undefined;
    let path: AskPath = 'parser';
    let fallback: AskReply | undefined;
    let llmNote: Record<string, unknown> = {};
    if (this.deps.llm) {
      const outcome = await this.deps.llm.answer({ question: req.question, today, scope: req.scope, previous });
      if (outcome.ok) {
        reply = outcome.answer;
        path = 'llm';
        llmNote = { regenerated: outcome.regenerated };
      } else {
        fallback = outcome.answered;
        llmNote = { llmFallback: outcome.reason, detail: outcome.detail };
      }
    }
    if (!reply) {
      reply = await this.offline(req, today, previous?.intent);
      // The parser declined, but the model's tools did answer: their exact, deterministic sentence.
      if (!reply.ok && fallback) reply = fallback;
    }
    logger.info({ path, answered: reply.ok, ...(reply.ok ? { kind: reply.intent.kind } : { refusal: reply.code }), thread: Boolean(previous), ...llmNote }, 'ask: question answered');
    if (!reply.ok) return refusalView(req.question, reply);
    if (req.thread && reply.available) await this.remember(req.thread, req.question, reply.intent);
    return askView(reply, await this.freshness(today), path);
  }

  private async offline(req: QuestionRequest, today: Day, previous: AskIntent | undefined): Promise<AskReply> {
    const { ask } = this.deps;
    const parsed = (previous && (await ask.refine(previous, req.question, { asOf: today }))) || (await ask.parse(req.question, { asOf: today }));
    if (!parsed.ok) return parsed;
    const scoped = applyScope(parsed.intent, req.scope);
    return scoped.ok ? ask.answer(scoped.intent, { asOf: today }) : scoped;
  }

  private async previous(key: ThreadKey): Promise<{ question: string; intent: AskIntent } | undefined> {
    const saved = await this.deps.threads?.get(key);
    const intent = saved ? readThreadIntent(saved.intent) : undefined;
    return saved && intent ? { question: saved.question, intent } : undefined;
  }

  private async remember(key: ThreadKey, question: string, intent: AskIntent): Promise<void> {
    if (!this.deps.threads) return;
    try {
      await this.deps.threads.put(key, { question, intent: threadIntentText(intent), at: (this.deps.now ?? (() => new Date()))() });
    } catch (error) {
      // The answer still goes out; only the next reply loses its context.
      this.deps.logger.warn({ err: error }, 'ask: could not keep the thread context');
    }
  }

  /** The store's freshness as of `today`: days from today on do not count yet. */
  private async freshness(today: Day): Promise<Freshness> {
    const f = await this.deps.freshness();
    const lastDay = f.lastDay && f.lastDay >= today ? addDays(today, -1) : f.lastDay;
    return { ...f, today, ...(lastDay ? { lastDay } : {}) };
  }
}
