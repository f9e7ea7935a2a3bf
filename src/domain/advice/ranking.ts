/**
 * One list from every rule and adviser, ranked by monthly saving, where the same dollars are
 * counted once: advice about the same resource (AWS rightsizing and Penny's idle rule on one
 * instance, a schedule and a newer family for one VM) is merged into the largest saving, and
 * a provider's commitment advice into one (the cloud's own adviser first: it sees hours).
 * The others stay visible on the winner as `alsoSuggested`.
 */
import type { Recommendation, RecommendationKind } from './recommendation';

/** Advice whose saving comes out of one resource's own cost. */
const RESOURCE_KINDS: ReadonlySet<RecommendationKind> = new Set(['idle-resource', 'non-production-schedule', 'previous-generation', 'rightsizing']);

/** Informational advice (no saving) is kept even below the minimum saving. */
export const DECISION_KINDS: ReadonlySet<RecommendationKind> = new Set(['purchase-renewal', 'credit-expiry']);

function dedupKey(r: Recommendation): string {
  if (r.scope.resourceId && RESOURCE_KINDS.has(r.kind)) {
    // AWS names an instance "i-0abc…"; a FOCUS record may carry its whole ARN.
    const tail = r.scope.resourceId.split(/[/:]/).filter(Boolean).pop() ?? r.scope.resourceId;
    return `resource\u001f${r.scope.provider}\u001f${tail.toLowerCase()}`;
  }
  if (r.kind === 'commitment') return `commitment\u001f${r.scope.provider}\u001f${r.currency}`;
  return r.id;
}

function preferred(a: Recommendation, b: Recommendation): number {
  if (a.kind === 'commitment' && b.kind === 'commitment' && a.origin !== b.origin) return a.origin === 'penny' ? 1 : -1;
  return compareSaving(a, b);
}

function compareSaving(a: Recommendation, b: Recommendation): number {
  if (a.monthlySaving !== b.monthlySaving) return a.monthlySaving > b.monthlySaving ? -1 : 1;
  return a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id);
}

export function mergeAndRank(recs: readonly Recommendation[]): Recommendation[] {
  const groups = new Map<string, Recommendation[]>();
  for (const r of recs) {
    const key = dedupKey(r);
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const merged: Recommendation[] = [];
  for (const list of groups.values()) {
    const [winner, ...rest] = [...list].sort(preferred);
    if (rest.length === 0) merged.push(winner!);
    else merged.push({ ...winner!, alsoSuggested: rest.map((r) => ({ id: r.id, kind: r.kind, origin: r.origin, monthlySaving: r.monthlySaving })) });
  }
  return merged.sort(compareSaving);
}
