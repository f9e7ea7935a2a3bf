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
  for (const input of filters.providers ?? []) {
    const id = canonicalProvider(input);
    items = items.filter((r) => r.scope.provider === id);
    notes.push({ dim: 'provider', input, matched: [providerLabel(id)] });
  }
  const narrow = (dim: string, inputs: string[] | undefined, values: (r: T) => Candidate[], aliases = false) => {
    for (const input of inputs ?? []) {
      const candidates = dedupe(items.flatMap(values));
      const result = matchDimension(input, candidates, { aliases });
      const wanted = new Set(result.ok ? result.values : []);
      items = items.filter((r) => values(r).some((c) => wanted.has(c.value)));
      notes.push({ dim, input, matched: result.ok ? result.labels : [] });
    }
  };
  narrow('account', filters.accounts, (r) => (r.scope.account ? [{ value: r.scope.account, label: r.scope.accountName }] : []));
  narrow('service', filters.services, (r) => (r.scope.service ? [{ value: r.scope.service, label: '' }] : []), true);
  narrow('region', filters.regions, (r) => (r.scope.region ? [{ value: r.scope.region, label: '' }] : []));
  return { items, notes };
}

function dedupe(candidates: Candidate[]): Candidate[] {
  return [...new Map(candidates.map((c) => [c.value, c])).values()];
}
