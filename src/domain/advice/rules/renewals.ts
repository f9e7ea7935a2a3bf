/**
 * Decision points the data shows: credits that expire soon and purchases that renew soon. Neither
 * is a measured saving (monthly saving 0, ranked last); each says what changes and when.
 * - A credit expires soon when its record carries the date (a tag such as `expires` or
 *   `credit-expiry`) and that date is within `withinDays`. Spend rises by about what it credited
 *   in the window once it ends.
 * - A purchase renews soon when a one-off purchase of at least `minPurchase` was made about a
 *   year before: its anniversary falls within `withinDays`, and no purchase of the same scope in
 *   the last month makes it a monthly fee instead.
 */
import { addDays, addMonths, isDay, type Day } from '../../days';
import type { Nanos } from '../../money';
import type { AdviceData, ChargeRecord } from '../advice-data';
import type { AdviceSettings } from '../advice-settings';
import { day, fact, money, recommendationId, text, type Recommendation } from '../recommendation';
import { centsText } from '../series-stats';
import { accountText } from './names';

const EXPIRY_TAG = /expir|valid.?until|end.?date/i;
const ONE_OFF_LOOKBACK_DAYS = 31;

export function renewals(data: AdviceData, settings: AdviceSettings): Recommendation[] {
  return [...creditExpiries(data, settings), ...purchaseRenewals(data, settings)];
}

function expiryOf(charge: ChargeRecord): Day | undefined {
  for (const [k, v] of Object.entries(charge.tags)) {
    const date = v.trim().slice(0, 10);
    if (EXPIRY_TAG.test(k) && isDay(date)) return date;
  }
  return undefined;
}

function groupKey(c: ChargeRecord, extra = ''): string {
  const s = c.scope;
  return [c.kind, s.provider, s.account, s.service, s.resourceId, c.currency, extra].join('\u001f');
}

function creditExpiries(data: AdviceData, settings: AdviceSettings): Recommendation[] {
  const horizon = addDays(data.asOf, settings.renewals.withinDays);
  const groups = new Map<string, { charge: ChargeRecord; expires: Day; total: Nanos }>();
  for (const c of data.charges) {
    const expires = c.kind === 'credit' ? expiryOf(c) : undefined;
    if (!expires || expires < data.asOf || expires >= horizon) continue;
    const key = groupKey(c, expires);
    const g = groups.get(key) ?? { charge: c, expires, total: 0n };
    g.total += c.amount;
    groups.set(key, g);
  }
  return [...groups.values()].map(({ charge, expires, total }) => {
    const { scope, currency } = charge;
    const credited = -total;
    return {
      id: recommendationId('credit-expiry', 'penny', scope, expires),
      kind: 'credit-expiry',
      origin: 'penny',
      title: `The ${scope.service ? `${scope.service} ` : ''}credit for ${accountText(scope)} expires on ${expires}`,
      scope,
      currency,
      monthlySaving: 0n,
      savingMethod: 'No saving: a date to plan for. Spend rises by about what the credit covered once it ends.',
      evidence: {
        summary: `The credit's records say it expires on ${expires}; it took ${centsText(credited)} ${currency} off the bill between ${data.window.start} and ${addDays(data.window.end, -1)}.`,
        from: data.window.start,
        to: data.window.end,
        facts: [
          fact('expires_on', 'Expires on', day(expires)),
          fact('credited_in_window', 'Credited in the window', money(credited, currency)),
          fact('expected_monthly_increase', 'Spend rises by about', money(credited, currency)),
        ],
      },
      materialKey: expires,
    } satisfies Recommendation;
  });
}

function purchaseRenewals(data: AdviceData, settings: AdviceSettings): Recommendation[] {
  const { withinDays, minPurchase } = settings.renewals;
  const recent = new Set(data.charges.filter((c) => c.kind === 'purchase' && c.day >= addDays(data.asOf, -ONE_OFF_LOOKBACK_DAYS)).map((c) => groupKey(c)));
  const horizon = addDays(data.asOf, withinDays);
  const out: Recommendation[] = [];
  for (const c of data.charges) {
    if (c.kind !== 'purchase' || c.amount < minPurchase || recent.has(groupKey(c))) continue;
    const renews = addMonths(c.day, 12);
    if (renews < data.asOf || renews >= horizon) continue;
    const { scope, currency } = c;
    out.push({
      id: recommendationId('purchase-renewal', 'penny', scope, c.day),
      kind: 'purchase-renewal',
      origin: 'penny',
      title: `Review the ${scope.service || 'purchase'} bought for ${accountText(scope)} before it renews on ${renews}`,
      scope,
      currency,
      monthlySaving: 0n,
      savingMethod: 'No saving is assumed: a yearly term is a decision point. Not renewing would avoid the purchase again.',
      evidence: {
        summary: `A one-off purchase of ${centsText(c.amount)} ${currency} on ${c.day}, with none since: a yearly term renews on ${renews}.`,
        from: c.day,
        to: addDays(c.day, 1),
        facts: [
          fact('purchased_on', 'Bought on', day(c.day)),
          fact('amount', 'Amount', money(c.amount, currency)),
          fact('renews_on', 'Renews on (yearly term)', day(renews)),
          fact('resource_id', 'Resource', text(scope.resourceId || '(none)')),
        ],
      },
      materialKey: renews,
    });
  }
  return out;
}
