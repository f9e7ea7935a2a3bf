/** The words every face uses for recommendations: kinds, scopes, evidence values, states. */
import { providerLabel } from '../domain/cost-record';
import type { EvidenceValue, RecommendationKind, RecommendationScope } from '../domain/advice/recommendation';
import { formatMoney } from '../domain/money';
import type { RecommendationView } from './advice';

export const KIND_NAMES: Record<RecommendationKind, string> = {
  'idle-resource': 'Idle resource',
  'non-production-schedule': 'Non-production schedule',
  commitment: 'Commitment',
  'previous-generation': 'Previous generation',
  rightsizing: 'Rightsizing',
  'cost-rise': 'Cost rise',
  'purchase-renewal': 'Renewal',
  'credit-expiry': 'Credit expiry',
};

export function evidenceValueText(v: EvidenceValue): string {
  switch (v.type) {
    case 'money':
      return formatMoney(v.nanos, v.currency);
    case 'number':
      return v.value.toLocaleString('en-US');
    case 'percent':
      return `${v.value}%`;
    case 'day':
    case 'text':
      return v.value;
  }
}

/** "AWS · prod-core (111111111111) · Amazon EC2 · us-east-1 · i-0abc" — what is there. */
export function scopeText(s: RecommendationScope): string {
  const account = s.account ? (s.accountName && s.accountName !== s.account ? `${s.accountName} (${s.account})` : s.account) : '';
  return [providerLabel(s.provider), account, s.service, s.region, s.resourceId].filter((p) => p !== '').join(' · ');
}

/** "$32.85/month" or, for a decision point, "no saving estimated". */
export function savingText(r: Pick<RecommendationView, 'monthlySaving' | 'currency'>): string {
  return r.monthlySaving === 0n ? 'no saving estimated' : `${formatMoney(r.monthlySaving, r.currency)}/month`;
}

/** "", "dismissed by U1", "snoozed until 2026-12-30", "back: its evidence changed". */
export function stateText(r: RecommendationView): string {
  if (r.state === 'dismissed') return `dismissed${r.decidedBy ? ` by ${r.decidedBy}` : ''}`;
  if (r.state === 'snoozed') return `snoozed until ${r.snoozedUntil ?? '?'}`;
  if (r.reopened === 'evidence-changed') return 'back: its evidence changed since it was dismissed';
  if (r.reopened === 'snooze-over') return 'back: its snooze ended';
  return '';
}

/** "Also suggested: Rightsizing (AWS) $40.00/month — counted once, here." */
export function alsoSuggestedText(r: RecommendationView): string {
  if (!r.alsoSuggested?.length) return '';
  const parts = r.alsoSuggested.map((a) => `${KIND_NAMES[a.kind]}${a.origin === 'aws' ? ' (AWS)' : ''} ${savingText({ monthlySaving: a.monthlySaving, currency: r.currency })}`);
  return `Also suggested for the same cost: ${parts.join('; ')}. Counted once.`;
}
