/** Recommendations as JSON text for the caches (bigints kept exact as {"$n": "…"}). */
import type { Recommendation } from '../../domain/advice/recommendation';

export function encodeRecommendations(recs: readonly Recommendation[]): string {
  return JSON.stringify(recs, (_key, value: unknown) => (typeof value === 'bigint' ? { $n: value.toString() } : value));
}

export function decodeRecommendations(text: string): Recommendation[] {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1 && typeof (value as { $n?: unknown }).$n === 'string') {
      return BigInt((value as { $n: string }).$n);
    }
    return value;
  }) as Recommendation[];
}
