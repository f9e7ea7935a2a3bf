/**
 * The LlmClient port over the openai package: chat completions with tools, against OpenAI or any
 * OpenAI-compatible server (OPENAI_BASE_URL). No retries here: a slow or refused call falls back
 * to the offline answerer, which is faster than waiting for a retry. The key is never logged.
 */
import OpenAI, { APIConnectionTimeoutError, APIError, APIUserAbortError, RateLimitError } from 'openai';
import type { ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions';
import { LlmError, type LlmClient, type LlmMessage, type LlmReply, type LlmRequest } from '../ports/llm-client';

export interface OpenAiSettings {
  apiKey: string;
  /** An OpenAI-compatible server, e.g. http://127.0.0.1:8080/v1. */
  baseUrl?: string;
  model: string;
}

export class OpenAiClient implements LlmClient {
  readonly model: string;
  private readonly client: OpenAI;

  constructor(settings: OpenAiSettings) {
    this.model = settings.model;
    this.client = new OpenAI({ apiKey: settings.apiKey, ...(settings.baseUrl ? { baseURL: settings.baseUrl } : {}), maxRetries: 0 });
  }

  async chat(request: LlmRequest): Promise<LlmReply> {
    const tools: ChatCompletionTool[] = request.tools.map((t) => ({ type: 'function', function: { name: t.name, description: t.description, parameters: t.parameters } }));
    let completion: OpenAI.Chat.Completions.ChatCompletion;
    // Our own timer, not only the SDK's: how an aborted fetch surfaces differs between runtimes.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, request.timeoutMs);
    try {
      completion = await this.client.chat.completions.create(
        { model: this.model, messages: request.messages.map(toParam), tools, tool_choice: 'auto', temperature: 0 },
        { signal: controller.signal, timeout: request.timeoutMs + 1_000, maxRetries: 0 },
      );
    } catch (error) {
      throw timedOut ? new LlmError('timeout', 'the model did not answer in time', { cause: error }) : llmError(error);
    } finally {
      clearTimeout(timer);
    }
    const message = completion.choices?.[0]?.message;
    if (!message) throw new LlmError('bad-response', 'the model returned no message');
    const toolCalls = (message.tool_calls ?? []).flatMap((tc) => (tc.type === 'function' ? [{ id: tc.id, name: tc.function.name, arguments: tc.function.arguments }] : []));
    return { content: message.content ?? null, toolCalls };
  }
}

function toParam(m: LlmMessage): ChatCompletionMessageParam {
  switch (m.role) {
    case 'tool':
      return { role: 'tool', tool_call_id: m.toolCallId, content: m.content };
    case 'assistant':
      return {
        role: 'assistant',
        content: m.content,
        ...(m.toolCalls?.length ? { tool_calls: m.toolCalls.map((tc) => ({ id: tc.id, type: 'function' as const, function: { name: tc.name, arguments: tc.arguments } })) } : {}),
      };
    default:
      return { role: m.role, content: m.content };
  }
}

/** SDK errors as the port's reasons; the message names the status, never the request or key. */
function llmError(error: unknown): LlmError {
  if (error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError) return new LlmError('timeout', 'the model did not answer in time', { cause: error });
  if (error instanceof RateLimitError) return new LlmError('rate-limited', 'the model server is rate limiting (429)', { cause: error });
  if (error instanceof APIError) return new LlmError('unavailable', `the model server answered ${error.status ?? 'without a status'}`, { cause: error });
  return new LlmError('unavailable', 'the model server could not be reached', { cause: error });
}
