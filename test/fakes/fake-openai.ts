/**
 * An OpenAI-compatible chat completions server for tests: the real openai SDK talks to it over
 * HTTP. Each request gets the next scripted reply (text, tool calls, a 429, a 500, or no answer at
 * all until the client gives up); every request body is recorded, so a test can read exactly what
 * the model was sent (the prompt, the question, the tool results).
 */
import type { ServerResponse } from 'node:http';
import { send, startFake } from './http-fake';

export interface ScriptedToolCall {
  name: string;
  /** An object is sent as JSON; a string is sent as written (malformed JSON, say). */
  arguments: unknown;
}

export type ScriptedReply =
  | { content: string; toolCalls?: undefined }
  | { content?: string | null; toolCalls: ScriptedToolCall[] }
  | { status: 429 | 500 | 503; message?: string }
  /** Never answers; the client's timeout ends it. */
  | { hang: true };

export interface ChatRequest {
  model: string;
  messages: { role: string; content?: string | null; tool_call_id?: string; tool_calls?: { id: string; function: { name: string; arguments: string } }[] }[];
  tools?: { type: string; function: { name: string; description?: string; parameters: unknown } }[];
  authorization?: string;
}

/** A reply, or a reply made from the request (a "model" that repeats what it was sent). */
export type Scripted = ScriptedReply | ((request: ChatRequest) => ScriptedReply);

export interface FakeOpenAi {
  /** The SDK's baseURL: http://127.0.0.1:PORT/v1. */
  readonly url: string;
  readonly requests: ChatRequest[];
  /** Replies for the next requests, in order; a request past the script gets a 500. */
  script(...replies: Scripted[]): void;
  /** What the model was sent back for its tool calls, parsed, in order. */
  toolResults(): unknown[];
  close(): Promise<void>;
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const requests: ChatRequest[] = [];
  let queue: Scripted[] = [];
  const hanging = new Set<ServerResponse>();
  let calls = 0;
  const fake = await startFake((req, body, res) => {
    if (req.method !== 'POST' || !req.url?.startsWith('/v1/chat/completions')) return send(res, 404, { error: { message: `no route ${req.url}` } });
    const parsed = JSON.parse(body) as ChatRequest;
    requests.push({ ...parsed, authorization: req.headers.authorization });
    const next = queue.shift();
    const reply = typeof next === 'function' ? next(parsed) : next;
    if (!reply) return send(res, 500, { error: { message: 'the fake has no scripted reply left', type: 'server_error' } });
    if ('hang' in reply) {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return undefined;
    }
    if ('status' in reply) {
      const type = reply.status === 429 ? 'rate_limit_exceeded' : 'server_error';
      return send(res, reply.status, { error: { message: reply.message ?? type, type, code: type } }, reply.status === 429 ? { 'retry-after': '20' } : {});
    }
    calls += 1;
    const toolCalls = reply.toolCalls?.map((tc, i) => ({
      id: `call_${calls}_${i}`,
      type: 'function',
      function: { name: tc.name, arguments: typeof tc.arguments === 'string' ? tc.arguments : JSON.stringify(tc.arguments) },
    }));
    return send(res, 200, {
      id: `chatcmpl-${calls}`, object: 'chat.completion', created: 1_700_000_000, model: parsed.model,
      choices: [{ index: 0, finish_reason: toolCalls?.length ? 'tool_calls' : 'stop', logprobs: null, message: { role: 'assistant', content: reply.content ?? null, refusal: null, ...(toolCalls?.length ? { tool_calls: toolCalls } : {}) } }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    });
  });
  return {
    url: `${fake.url}/v1`,
    requests,
    script: (...replies) => {
      queue = [...queue, ...replies];
    },
    toolResults: () => {
      const last = requests[requests.length - 1];
      return (last?.messages ?? []).filter((m) => m.role === 'tool').map((m) => JSON.parse(m.content ?? 'null'));
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      await fake.close();
    },
  };
}
