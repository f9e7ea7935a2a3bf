/**
 * "How can we save money?", "recommendations for EC2": the top open recommendations
 * (RecommendationService, as of today) with their monthly savings, and what all open ones could
 * save, each dollar counted once. Narrowed by provider, account, service or region.
 */
import type { RecommendationView } from '../../../answers/advice';
import { formatMoney } from '../../../domain/money';
import type { AdviceFilters } from '../../advice/advice-filters';
import type { RecommendationService } from '../../advice/recommendation-service';
import { scopeWords } from '../compose';
import type { AskFilters } from '../intent';
import { refusal } from '../refusals';
import { laterAnswer, plural, type LaterAnswerer } from './later-common';

export interface RecommendationAnswerDeps {
  advice: Pick<RecommendationService, 'list'>;
}

const DEFAULT_TOP = 5;

export function recommendationAnswerer(deps: RecommendationAnswerDeps): LaterAnswerer {
  return async (intent, { today }) => {
    const f = intent.query.filters;
    if (f.chargeCategories.length || f.excludeChargeCategories.length) {
      return refusal('unsupported', 'Recommendations are about resources and services, not charge categories such as credits or tax.', [], ['How can we save money?']);
    }
    // A tag filter is refused by the service itself, in its own words (advice-filters.ts).
    const limit = intent.query.top ?? DEFAULT_TOP;
    const answer = await deps.advice.list({ asOf: today, filters: adviceFilters(f), limit });
    const scope = scopeWords(intent);
    const subject = scope.noun.replace(/ ?costs$/, '');
    const where = `${subject ? ` for ${subject}` : ''}${scope.where}`;
    const base = { currency: answer.currency, details: { kind: 'recommendations' as const, recommendations: answer }, total: answer.total };
    if (answer.openCount === 0) {
      return laterAnswer(intent, { ...base, text: `No open recommendations${where} as of ${today}: nothing in the data points to a saving right now.` });
    }
    const money = (n: bigint, currency = answer.currency) => formatMoney(n, currency);
    const others = answer.otherCurrencies.map((t) => ` and ${money(t.total, t.currency)}`).join('');
    const head = `${plural(answer.openCount, 'open recommendation')}${where} could save ${money(answer.total)}${others} a month (the same dollars counted once).`;
    const lines = [head, `The top ${answer.items.length}:`, ...answer.items.map(lineText)];
    if (answer.moreCount > 0) lines.push(`• … and ${answer.moreCount} more (/cost recommend lists them all)`);
    return laterAnswer(intent, { ...base, text: lines.join('\n'), figures: { shown: answer.items.length, more: answer.moreCount, open: answer.openCount } });
  };
}

function lineText(r: RecommendationView): string {
  const saving = r.monthlySaving === 0n ? 'no saving estimated' : `${formatMoney(r.monthlySaving, r.currency)} a month`;
  return `• ${r.title}: ${saving}`;
}

/** Exact stored values from the question; the service matches them to each recommendation's scope. */
function adviceFilters(f: AskFilters): AdviceFilters {
  const out: AdviceFilters = {};
  if (f.providers.length) out.providers = f.providers;
  if (f.accounts.length) out.accounts = f.accounts;
  if (f.services.length) out.services = f.services;
  if (f.regions.length) out.regions = f.regions;
  if (f.tags.length) out.tags = f.tags.map((t) => `${t.key}=${t.value}`);
  return out;
}
