/**
 * The LLM path: the model picks typed tools, the tools answer from the store, the model phrases
 * the answer, and the phrasing is checked (every number from the tool results, no leaked rules).
 * One regeneration on a bad number; after that, or on any failure (timeout, 429, no tool used),
 * the caller answers deterministically. The whole exchange is bounded well inside the time a
 * person waits in Slack.
 */
import type { Day } from '../../domain/days';
import { LlmError, type LlmClient, type LlmMessage, type LlmFailure } from '../../ports/llm-client';
import type { Logger } from '../../ports/logger';
import type { AskAnswer, AskIntent, AskService } from '../ask';
import type { AskScope } from '../ask/scope';
import { regenerationRequest, systemPrompt, textProblem } from './prompt';
import { ToolRunner } from './tool-runner';
import { toolDefinitions } from './tool-schemas';

export interface LlmAnswererDeps {
  llm: LlmClient;
  ask: AskService;
  logger: Logger;
  /** The whole exchange, all calls included (default 9 s). */
  budgetMs?: number;
  /** One call to the model (default 6 s, and never past the budget). */
  callTimeoutMs?: number;
  now?: () => number;
}

export interface LlmQuestion {
  question: string;
  today: Day;
  scope?: AskScope;
  previous?: { question: string; intent: AskIntent };
}

export type LlmFallbackReason = LlmFailure | 'no-tool' | 'unsupported-number' | 'prompt-leak' | 'empty' | 'too-many-rounds' | 'out-of-time';

export type LlmOutcome =
  | { ok: true; answer: AskAnswer; regenerated: boolean }
  /** `answered`: the last answer the tools gave, for a deterministic reply when the parser cannot answer. */
  | { ok: false; reason: LlmFallbackReason; answered?: AskAnswer; detail?: string };

const TOOL_ROUNDS = 3;
const TOOLS_PER_ROUND = 4;
const MIN_CALL_MS = 300;

export class LlmAnswerer {
  private readonly tools = toolDefinitions();

  constructor(private readonly deps: LlmAnswererDeps) {}

  async answer(q: LlmQuestion): Promise<LlmOutcome> {
    const now = this.deps.now ?? Date.now;
    const deadline = now() + (this.deps.budgetMs ?? 9_000);
    const runner = new ToolRunner(this.deps.ask, q.today, q.scope);
    const messages: LlmMessage[] = [{ role: 'system', content: systemPrompt(q) }, { role: 'user', content: q.question.slice(0, 2000) }];
    const last = () => runner.answers[runner.answers.length - 1];
    const fail = (reason: LlmFallbackReason, detail?: string): LlmOutcome => ({ ok: false, reason, ...(last() ? { answered: last() } : {}), ...(detail ? { detail } : {}) });
    let regenerated = false;
    let toolRounds = 0;
    for (;;) {
      const left = deadline - now();
      if (left < MIN_CALL_MS) return fail('out-of-time');
      let reply;
      try {
        reply = await this.deps.llm.chat({ messages, tools: this.tools, timeoutMs: Math.min(this.deps.callTimeoutMs ?? 6_000, left) });
      } catch (error) {
        if (error instanceof LlmError) return fail(error.reason, error.message);
        throw error;
      }
      if (reply.toolCalls.length > 0) {
        if (++toolRounds > TOOL_ROUNDS) return fail('too-many-rounds');
        const calls = reply.toolCalls.slice(0, TOOLS_PER_ROUND);
        messages.push({ role: 'assistant', content: reply.content, toolCalls: calls });
        for (const call of calls) {
          const run = await runner.run(call.name, call.arguments);
          this.deps.logger.debug({ tool: call.name, answered: Boolean(run.answer) }, 'ask: tool call');
          messages.push({ role: 'tool', toolCallId: call.id, content: run.content });
        }
        continue;
      }
      const answered = last();
      if (!answered) return fail('no-tool');
      const text = (reply.content ?? '').trim();
      const problem = textProblem(text, runner.answers);
      if (!problem) return { ok: true, answer: { ...answered, text }, regenerated };
      if (problem.kind !== 'numbers' || regenerated) return fail(problem.kind === 'numbers' ? 'unsupported-number' : problem.kind, problem.kind === 'numbers' ? problem.numbers.map((n) => n.text).join(', ') : undefined);
      // One more try, told which numbers were wrong; a second miss falls back.
      regenerated = true;
      messages.push({ role: 'assistant', content: text }, { role: 'user', content: regenerationRequest(problem.numbers) });
    }
  }
}
