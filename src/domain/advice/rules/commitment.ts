/**
 * Steady on-demand compute a commitment would discount: per provider, the daily compute usage
 * no commitment covered (effective cost equal to billed). Its steady baseline is a low
 * percentile of those days (the 3rd lowest of 30), so a commitment of that size is used every
 * hour. Fires when the baseline is a real share of the average day (steady, not spiky).
 * Size: the hourly commitment is baseline × (1 − discount) / 24, in commitment dollars.
 * Saving: baseline × discount × 730 / 24 a month.
 */
import { providerLabel } from '../../cost-record';
import { addDays, type Day } from '../../days';
import { divRoundHalfEven, nanosToDecimalString } from '../../money';
import type { AdviceData } from '../advice-data';
import type { AdviceSettings } from '../advice-settings';
import { day, emptyScope, fact, money, monthlyFromDaily, num, pct, percentOf, recommendationId, text, type Recommendation } from '../recommendation';
import { centsText, lowPercentile, maxOf, mean, ratio } from '../series-stats';

const PRODUCT: Record<string, string> = {
  aws: 'a Compute Savings Plan',
  gcp: 'a committed use discount',
  azure: 'an Azure savings plan for compute',
};

export function commitments(data: AdviceData, settings: AdviceSettings): Recommendation[] {
  const s = settings.commitment;
  const out: Recommendation[] = [];
  for (const series of data.compute) {
    const days = [...series.daily.keys()].sort();
    if (days.length < s.minDays) continue;
    const onDemand = days.map((d) => series.daily.get(d)!.onDemand);
    const all = days.map((d) => series.daily.get(d)!.all);
    const baseline = lowPercentile(onDemand, s.baselinePercentile);
    const average = mean(onDemand);
    if (baseline <= 0n || ratio(baseline, average) < s.minSteadyShare) continue;
    const hourly = divRoundHalfEven(baseline * BigInt(Math.round((100 - s.discountPct) * 10_000)), 24n * 1_000_000n);
    const saving = percentOf(monthlyFromDaily(baseline), s.discountPct);
    const { provider, currency } = series;
    const product = PRODUCT[provider] ?? 'a compute commitment';
    const scope = { ...emptyScope(provider), service: 'Compute' };
    const first: Day = days[0]!;
    const last: Day = days[days.length - 1]!;
    out.push({
      id: recommendationId('commitment', 'penny', scope, currency),
      kind: 'commitment',
      origin: 'penny',
      title: `Cover steady ${providerLabel(provider)} compute with ${product} of ${nanosToDecimalString(divRoundHalfEven(hourly, 1_000_000n) * 1_000_000n)} ${currency}/hour`,
      scope,
      currency,
      monthlySaving: saving,
      savingMethod: `The baseline (the ${s.baselinePercentile}th percentile of daily on-demand compute) × ${s.discountPct}% assumed discount × 730 / 24.`,
      evidence: {
        summary: `On-demand compute never fell far below ${centsText(baseline)} ${currency} a day over ${days.length} days; ${product} sized to that baseline would be fully used every hour.`,
        from: first,
        to: addDays(last, 1),
        facts: [
          fact('days', 'Days', num(days.length)),
          fact('first_day', 'From', day(first)),
          fact('last_day', 'To', day(last)),
          fact('on_demand_daily_baseline', `Baseline day (${s.baselinePercentile}th percentile)`, money(baseline, currency)),
          fact('on_demand_daily_avg', 'Average on-demand day', money(average, currency)),
          fact('on_demand_daily_max', 'Highest on-demand day', money(maxOf(onDemand), currency)),
          fact('compute_daily_avg', 'Average compute day (covered too)', money(mean(all), currency)),
          fact('assumed_discount_pct', 'Assumed discount', pct(s.discountPct)),
          fact('hourly_commitment', 'Commitment per hour', money(hourly, currency)),
          fact('commitment_product', 'Product', text(product)),
        ],
      },
      materialKey: '', // only a change in the saving brings a dismissed one back
    });
  }
  return out;
}
