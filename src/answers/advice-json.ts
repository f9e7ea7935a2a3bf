/**
 * The JSON of `penny recommend --json` (and the API later): exact decimal strings for money,
 * UTC days, snake_case keys.
 */
import type { EvidenceValue } from '../domain/advice/recommendation';
import { nanosToDecimalString } from '../domain/money';
import type { RecommendationsAnswer, RecommendationView } from './advice';

export function evidenceValueJson(v: EvidenceValue): string | number {
  switch (v.type) {
    case 'money':
      return nanosToDecimalString(v.nanos);
    case 'number':
    case 'percent':
      return v.value;
    case 'day':
    case 'text':
      return v.value;
  }
}

export function recommendationJson(r: RecommendationView): Record<string, unknown> {
  const evidence: Record<string, unknown> = { summary: r.evidence.summary };
  if (r.evidence.from) evidence.from = r.evidence.from;
  if (r.evidence.to) evidence.to = r.evidence.to;
  for (const f of r.evidence.facts) evidence[f.key] = evidenceValueJson(f.value);
  const out: Record<string, unknown> = {
    id: r.id,
    kind: r.kind,
    title: r.title,
    scope: { provider: r.scope.provider, account: r.scope.account, account_name: r.scope.accountName, service: r.scope.service, region: r.scope.region, resource_id: r.scope.resourceId },
    resource_id: r.scope.resourceId || null,
    monthly_saving: nanosToDecimalString(r.monthlySaving),
    currency: r.currency,
    saving_method: r.savingMethod,
    evidence,
    state: r.state,
    source: r.origin,
  };
  if (r.snoozedUntil) out.snoozed_until = r.snoozedUntil;
  if (r.reopened) out.reopened = r.reopened;
  if (r.firstSeen) out.first_seen = r.firstSeen;
  if (r.alsoSuggested?.length) {
    out.also_suggested = r.alsoSuggested.map((a) => ({ id: a.id, kind: a.kind, source: a.origin, monthly_saving: nanosToDecimalString(a.monthlySaving) }));
  }
  return out;
}

export function recommendationsJson(a: RecommendationsAnswer): Record<string, unknown> {
  return {
    as_of: a.asOf,
    currency: a.currency,
    recommendations: a.items.map(recommendationJson),
    total_monthly_saving: nanosToDecimalString(a.total),
    ...(a.otherCurrencies.length > 0 ? { other_currencies: a.otherCurrencies.map((t) => ({ currency: t.currency, total_monthly_saving: nanosToDecimalString(t.total), count: t.count })) } : {}),
    ...(a.adviserNotes.length > 0 ? { notes: a.adviserNotes } : {}),
  };
}
