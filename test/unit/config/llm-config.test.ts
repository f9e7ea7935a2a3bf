/** OPENAI_* settings: no key, no model; empty values are unset; a bad URL is named, the key never is. */
import { loadConfig } from '../../../src/config/config';
import { DEFAULT_OPENAI_MODEL, LLM_VARIABLES } from '../../../src/config/llm-config';

describe('LLM settings', () => {
  it('are absent without OPENAI_API_KEY, even when the others are set', () => {
    expect(loadConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:8080/v1', OPENAI_MODEL: 'm' }).llm).toBeUndefined();
  });

  it('read the key, an OpenAI-compatible server and the model', () => {
    expect(loadConfig({ OPENAI_API_KEY: 'sk-1', OPENAI_BASE_URL: 'http://127.0.0.1:8080/v1', OPENAI_MODEL: 'llama3' }).llm).toEqual({ apiKey: 'sk-1', baseUrl: 'http://127.0.0.1:8080/v1', model: 'llama3' });
    expect(loadConfig({ OPENAI_API_KEY: 'sk-1' }).llm).toEqual({ apiKey: 'sk-1', model: DEFAULT_OPENAI_MODEL });
  });

  it.each(LLM_VARIABLES.flatMap((name) => ['', '  '].map((blank) => [name, blank])))('%s=%j counts as unset', (name, blank) => {
    const base = { OPENAI_API_KEY: 'sk-1' };
    expect(loadConfig({ ...base, [name]: blank })).toEqual(name === 'OPENAI_API_KEY' ? loadConfig({}) : loadConfig(base));
  });

  it('names a bad base URL and never shows the key', () => {
    expect(() => loadConfig({ OPENAI_API_KEY: 'sk-secret-123', OPENAI_BASE_URL: 'localhost:8080' })).toThrow(/OPENAI_BASE_URL must be an http\(s\) URL/);
    try {
      loadConfig({ OPENAI_API_KEY: 'sk-secret-123', OPENAI_BASE_URL: 'localhost:8080' });
    } catch (error) {
      expect(JSON.stringify({ message: (error as Error).message, detail: (error as { detail?: unknown }).detail })).not.toContain('sk-secret-123');
    }
  });
});
