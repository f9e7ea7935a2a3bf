/**
 * Narrows recommendations by what a person typed (`provider:aws account:prod service:ec2
 * region:us-east-1`), matched against the recommendations' own scopes with the same matcher the
 * cost queries use (short names like ec2 included).
 */
import { canonicalProvider, providerLabel } from '../../domain/cost-record';
import type { Recommendation } from '../../domain/advice/recommendation';
import { matchDimension, type Candidate } from '../../domain/dimension-match';
import { AppError } from '../../domain/errors';
import type { FilterNote } from '../../answers/types';

export interface AdviceFilters {
  providers?: string[];
  accounts?: string[];
  services?: string[];
  regions?: string[];
  tags?: string[];
}

export function filterRecommendations<T extends Recommendation>(recs: readonly T[], filters: AdviceFilters = {}): { items: T[]; notes: FilterNote[] } {
  if (filters.tags?.length) throw new AppError('QUERY_INVALID', 'Recommendations can be narrowed by provider, account, service or region, not by tag.');
  const notes: FilterNote[] = [];
  let items = [...recs];
  // Several names of one kind mean any of them (as in cost filters); kinds narrow each other.
  if (filters.providers?.length) {
    const ids = new Set(filters.providers.map(canonicalProvider));
    items = items.filter((r) => ids.has(r.scope.provider));
    for (const input of filters.providers) notes.push({ dim: 'provider', input, matched: [providerLabel(canonicalProvider(input))] });
  }
  const narrow = (dim: string, inputs: string[] | undefined, values: (r: T) => Candidate[], aliases = false) => {
    if (!inputs?.length) return;
    const candidates = dedupe(items.flatMap(values));
    const wanted = new Set<string>();
    for (const input of inputs) {
      const result = matchDimension(input, candidates, { aliases });
      if (result.ok) result.values.forEach((v) => wanted.add(v));
      notes.push({ dim, input, matched: result.ok ? result.labels : [] });
    }
    items = items.filter((r) => values(r).some((c) => wanted.has(c.value)));
  };
  narrow('account', filters.accounts, (r) => (r.scope.account ? [{ value: r.scope.account, label: r.scope.accountName }] : []));
  narrow('service', filters.services, (r) => (r.scope.service ? [{ value: r.scope.service, label: '' }] : []), true);
  narrow('region', filters.regions, (r) => (r.scope.region ? [{ value: r.scope.region, label: '' }] : []));
  return { items, notes };
}

function dedupe(candidates: Candidate[]): Candidate[] {
  return [...new Map(candidates.map((c) => [c.value, c])).values()];
}
