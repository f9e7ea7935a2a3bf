/**
 * Azure's Query API sends costs as JSON numbers, and JSON.parse would turn 0.1 + 0.2 style
 * values into binary floats. This pipeline policy rewrites every bare number of a JSON answer
 * into a string before the SDK parses it, so amounts reach decimalToNanos as the exact text
 * Azure sent.
 */
import type { PipelinePolicy } from '@azure/core-rest-pipeline';

export const EXACT_NUMBERS_POLICY = 'pennyExactNumbers';

export function exactNumbersPolicy(): PipelinePolicy {
  return {
    name: EXACT_NUMBERS_POLICY,
    async sendRequest(request, next) {
      const response = await next(request);
      if (response.bodyAsText && /json/i.test(response.headers.get('content-type') ?? '')) response.bodyAsText = quoteJsonNumbers(response.bodyAsText);
      return response;
    },
  };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** `{"a":[1.50,2]}` -> `{"a":["1.50","2"]}`. Strings are left alone; broken JSON stays broken. */
export function quoteJsonNumbers(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end;
    } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m) {
        out += ch;
        i += 1;
      } else {
        out += `"${m[0]}"`;
        i += m[0].length;
      }
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
}

/** Index just past the string starting at `start` (or the end of the text when unterminated). */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}
