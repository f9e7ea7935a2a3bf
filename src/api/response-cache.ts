/**
 * Whole API answers kept in memory, for the frequent read-only questions (dashboards poll the same
 * URLs). An answer is kept under the write generation it was computed in, and found only while
 * the generation is unchanged, so no answer is older than the last write on any instance.
 */
import type { ApiResponse } from './http';

export class ResponseCache {
  private generation: string | undefined;
  private readonly entries = new Map<string, Promise<ApiResponse>>();

  constructor(private readonly maxEntries = 200) {}

  /** The kept answer for `key` under `generation`, or the one `compute` gives (then kept). */
  async get(generation: string, key: string, compute: () => Promise<ApiResponse>): Promise<ApiResponse> {
    if (generation !== this.generation) {
      this.entries.clear();
      this.generation = generation;
    }
    const kept = this.entries.get(key);
    if (kept) return kept;
    const answer = compute();
    this.entries.set(key, answer);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    answer.catch(() => this.entries.get(key) === answer && this.entries.delete(key)); // errors are not kept
    return answer;
  }
}

/** The same question however its parameters are ordered. */
export function cacheKey(method: string, path: string, query: URLSearchParams, today: string): string {
  const params = [...query.entries()].sort(([a, x], [b, y]) => a.localeCompare(b) || x.localeCompare(y));
  return `${method} ${path}?${new URLSearchParams(params).toString()}@${today}`;
}
