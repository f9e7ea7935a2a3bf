/**
 * Services whose cost rose sharply month over month that no anomaly explains: the last complete
 * month before as-of against the one before, per day (months differ in length). Fires when the
 * daily average rose by at least `minPct` and by at least `minIncrease` a month, unless anomalies
 * in that service account for half the rise or more.
 * Saving: bringing it back to the earlier month's level saves (daily rise) × 730 / 24 a month.
 */
import { providerLabel } from '../../cost-record';
import { firstDayOfMonth, nextMonth, rangeLength, type Month } from '../../days';
import { divRoundHalfEven, type Nanos } from '../../money';
import { serviceKey, type AdviceData, type ServiceMonth } from '../advice-data';
import type { AdviceSettings } from '../advice-settings';
import { emptyScope, fact, money, monthlyFromDaily, pct, recommendationId, text, type Recommendation } from '../recommendation';
import { centsText, ratio } from '../series-stats';

export function costRises(data: AdviceData, settings: AdviceSettings): Recommendation[] {
  const months = data.months;
  if (!months) return [];
  const s = settings.costRise;
  const byService = new Map<string, { previous?: ServiceMonth; last?: ServiceMonth }>();
  for (const m of data.serviceMonths) {
    const key = `${serviceKey(m.provider, m.service)}\u001f${m.currency}`;
    const entry = byService.get(key) ?? {};
    if (m.month === months.previous) entry.previous = m;
    if (m.month === months.last) entry.last = m;
    byService.set(key, entry);
  }
  const out: Recommendation[] = [];
  for (const { previous, last } of byService.values()) {
    if (!previous || !last || previous.amount <= 0n || !last.service) continue;
    const before = perDay(previous.amount, months.previous);
    const after = perDay(last.amount, months.last);
    const rise = after - before;
    const risePct = ratio(rise, before) * 100;
    const monthlyRise = monthlyFromDaily(rise);
    if (rise <= 0n || risePct < s.minPct || monthlyRise < s.minIncrease) continue;
    const riseInMonth = last.amount - before * BigInt(days(months.last));
    const impact = data.anomalyImpact && (data.anomalyImpact.get(serviceKey(last.provider, last.service)) ?? 0n) + (data.anomalyImpact.get(serviceKey('', last.service)) ?? 0n);
    if (impact !== undefined && impact * 2n >= riseInMonth) continue;
    const { provider, service, currency } = last;
    const scope = { ...emptyScope(provider), service };
    const explanation = impact === undefined
      ? 'No anomaly detection is connected to recommendations, so nothing explains it.'
      : `Anomalies account for only ${centsText(impact)} ${currency} of it.`;
    out.push({
      id: recommendationId('cost-rise', 'penny', scope, currency),
      kind: 'cost-rise',
      origin: 'penny',
      title: `Find out why ${providerLabel(provider)} ${service} rose ${risePct.toFixed(0)}% in ${months.last}`,
      scope,
      currency,
      monthlySaving: monthlyRise,
      savingMethod: `Back at the ${months.previous} level: (${months.last} per day − ${months.previous} per day) × 730 / 24.`,
      evidence: {
        summary: `${service} cost ${centsText(after)} ${currency} a day in ${months.last} against ${centsText(before)} in ${months.previous} (+${risePct.toFixed(1)}%). ${explanation}`,
        from: firstDayOfMonth(months.previous),
        to: firstDayOfMonth(nextMonth(months.last)),
        facts: [
          fact('previous_month', 'Earlier month', text(months.previous)),
          fact('previous_month_cost', `Cost in ${months.previous}`, money(previous.amount, currency)),
          fact('last_month', 'Later month', text(months.last)),
          fact('last_month_cost', `Cost in ${months.last}`, money(last.amount, currency)),
          fact('previous_daily_avg', `Per day in ${months.previous}`, money(before, currency)),
          fact('last_daily_avg', `Per day in ${months.last}`, money(after, currency)),
          fact('rise_pct', 'Rise per day', pct(Math.round(risePct * 10) / 10)),
          fact('anomaly_impact', 'Explained by anomalies', impact === undefined ? text('no anomaly service connected') : money(impact, currency)),
        ],
      },
      materialKey: '',
    });
  }
  return out;
}

function days(month: Month): number {
  return rangeLength({ start: firstDayOfMonth(month), end: firstDayOfMonth(nextMonth(month)) });
}

function perDay(amount: Nanos, month: Month): Nanos {
  return divRoundHalfEven(amount, BigInt(days(month)));
}
