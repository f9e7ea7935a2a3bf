/**
 * A chat model with tool calling (OpenAI's chat completions, or any server that speaks it).
 * The adapter is the only code that knows the SDK; failures come back as LlmError so callers
 * can fall back without reading SDK errors.
 */
export interface LlmToolCall {
  id: string;
  name: string;
  /** The arguments as the model wrote them: JSON text, not yet trusted. */
  arguments: string;
}

export type LlmMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string | null; toolCalls?: LlmToolCall[] }
  | { role: 'tool'; toolCallId: string; content: string };

export interface LlmTool {
  name: string;
  description: string;
  /** JSON Schema of the arguments. */
  parameters: Record<string, unknown>;
}

export interface LlmRequest {
  messages: LlmMessage[];
  tools: LlmTool[];
  /** This call gives up after this long (the caller keeps the total within Slack's patience). */
  timeoutMs: number;
}

export interface LlmReply {
  content: string | null;
  toolCalls: LlmToolCall[];
}

export interface LlmClient {
  /** The model's name, for the log. */
  readonly model: string;
  chat(request: LlmRequest): Promise<LlmReply>;
}

export type LlmFailure = 'timeout' | 'rate-limited' | 'unavailable' | 'bad-response';

export class LlmError extends Error {
  constructor(readonly reason: LlmFailure, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LlmError';
  }
}
