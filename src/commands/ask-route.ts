/**
 * Where words that are not a `/cost` command go: the plain-language answerer. The grammar keeps
 * working and is tried first; a question in people's words, or a command whose words do not read
 * ("top 5 services last month"), is asked instead. A refusal offers the closest command too.
 */
import type { ErrorCode } from '../domain/errors';
import type { ThreadKey } from '../ports/thread-contexts';
import type { AskScope } from '../services/ask/scope';
import type { QuestionAnswerer } from '../services/questions/question-answerer';
import type { CommandResult } from './command-result';
import type { CostIntent, ParsedCommand } from './parse-command';

export type Questions = Pick<QuestionAnswerer, 'answer' | 'hasThread'>;

/** What the answerer needs beyond the words: where they were asked, and what the asker may see. */
export interface AskContext {
  thread?: ThreadKey;
  scope?: AskScope;
}

/** Grammar errors that may mean "this was a question, not a command". */
const WORDY_ERRORS: ReadonlySet<ErrorCode> = new Set(['PERIOD_INVALID', 'QUERY_INVALID']);
const QUERY_KINDS: ReadonlySet<CostIntent['kind']> = new Set(['summary', 'daily', 'top', 'compare']);
const QUERY_WORDS: ReadonlySet<string> = new Set(['summary', 'daily', 'trend', 'top', 'compare']);

/** The words as typed, without "public" (which only says where the answer goes). */
function questionWords(text: string): string {
  return text.replace(/(^|\s)public(?=\s|$)/gi, ' ').replace(/\s+/g, ' ').trim();
}

/** How the command's words are shared, and the command they may be a typo of. */
export interface AskShape {
  visibility: CommandResult['visibility'];
  closest?: string;
}

export function shapeOf(parsed: ParsedCommand): AskShape {
  return { visibility: parsed.visibility, ...(parsed.intent.kind === 'unknown' && parsed.intent.closest ? { closest: parsed.intent.closest } : {}) };
}

export async function askQuestion(questions: Questions, text: string, shape: AskShape, ctx: AskContext): Promise<CommandResult> {
  const answer = await questions.answer({ question: questionWords(text), ...(ctx.thread ? { thread: ctx.thread } : {}), ...(ctx.scope ? { scope: ctx.scope } : {}) });
  if (answer.kind === 'ask') return { answer, visibility: shape.visibility };
  return { answer: { ...answer, ...(shape.closest ? { closestCommand: shape.closest } : {}) }, visibility: 'ephemeral' };
}

/**
 * A query command whose words do not read ("top 5 services last month", "compare EC2 to August")
 * may be a question: then it is asked, and only an answer replaces the grammar's error.
 */
export function questionShape(parsed: ParsedCommand | undefined, text: string, code: ErrorCode | undefined): AskShape | undefined {
  if (code === undefined || !WORDY_ERRORS.has(code)) return undefined;
  if (parsed) return QUERY_KINDS.has(parsed.intent.kind) ? shapeOf(parsed) : undefined;
  // The grammar failed before it had an intent (a "top" with no dimension it knows).
  const first = text.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  return QUERY_WORDS.has(first) ? { visibility: /(^|\s)public(?=\s|$)/i.test(text) ? 'in_channel' : 'ephemeral' } : undefined;
}

/** Whether free text that reads as a period ("last month") should refine the thread instead of being a summary. */
export async function threadWantsIt(questions: Questions, ctx: AskContext): Promise<boolean> {
  return ctx.thread !== undefined && (await questions.hasThread(ctx.thread));
}
