/**
 * The model for questions in people's words: OpenAI, or any OpenAI-compatible server. Without
 * OPENAI_API_KEY there is no model and the offline answerer answers everything. Empty values count
 * as unset. The key is a secret: it may come from /run/secrets and is never logged.
 */
import { z } from 'zod';
import { presentSettings } from './settings';

export const DEFAULT_OPENAI_MODEL = 'gpt-4o-mini';

const llmSchema = z.object({
  OPENAI_API_KEY: z.string().trim().optional(),
  OPENAI_BASE_URL: z.string().trim().optional().refine((v) => v === undefined || /^https?:\/\/\S+$/.test(v), 'must be an http(s) URL such as http://127.0.0.1:8080/v1'),
  OPENAI_MODEL: z.string().trim().max(200).optional(),
});

/** The variables this module reads (the empty-means-unset test covers each). */
export const LLM_VARIABLES = Object.keys(llmSchema.shape);

export interface LlmConfig {
  apiKey: string;
  baseUrl?: string;
  model: string;
}

export type LlmSettings = z.infer<typeof llmSchema>;

export function llmSettings(env: NodeJS.ProcessEnv) {
  return llmSchema.safeParse(presentSettings(env));
}

export function toLlmConfig(s: LlmSettings): LlmConfig | undefined {
  if (!s.OPENAI_API_KEY) return undefined;
  return { apiKey: s.OPENAI_API_KEY, ...(s.OPENAI_BASE_URL ? { baseUrl: s.OPENAI_BASE_URL } : {}), model: s.OPENAI_MODEL ?? DEFAULT_OPENAI_MODEL };
}
