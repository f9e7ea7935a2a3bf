/**
 * Previous-generation instance families, where the source says the instance type (FOCUS charge
 * descriptions, the demo): move to the current family of the same size.
 * Saving: the monthly cost (average day with cost × 730 / 24) × the family's list-price
 * difference (instance-generations.ts).
 */
import { addDays } from '../../days';
import type { AdviceData } from '../advice-data';
import type { AdviceSettings } from '../advice-settings';
import { generationStep } from '../instance-generations';
import { day, fact, money, monthlyFromDaily, num, pct, percentOf, recommendationId, text, type Recommendation } from '../recommendation';
import { mean } from '../series-stats';
import { shortId } from './names';

export function previousGenerations(data: AdviceData, _settings: AdviceSettings): Recommendation[] {
  const out: Recommendation[] = [];
  for (const series of data.resources) {
    if (!series.instanceType) continue;
    const step = generationStep(series.scope.provider, series.instanceType);
    if (!step) continue;
    const days = [...series.daily.keys()].sort();
    const values = days.map((d) => series.daily.get(d)!);
    const avg = mean(values);
    if (avg <= 0n) continue;
    const monthly = monthlyFromDaily(avg);
    const saving = percentOf(monthly, step.savingPct);
    const { scope, currency } = series;
    const target = series.instanceType.replace(/^[^.]+/, step.to.toLowerCase());
    const sameSize = series.instanceType.includes('.') ? target : `the ${step.to} equivalent`;
    out.push({
      id: recommendationId('previous-generation', 'penny', scope),
      kind: 'previous-generation',
      origin: 'penny',
      title: `Move ${shortId(scope.resourceId)} from ${series.instanceType} to ${sameSize}`,
      scope,
      currency,
      monthlySaving: saving,
      savingMethod: `Monthly cost (average day with cost × 730 / 24) × ${step.savingPct}%, the list-price difference ${step.basis}.`,
      evidence: {
        summary: `${series.instanceType} is a previous-generation ${step.from} type; ${step.to} of the same size lists ${step.savingPct}% cheaper per hour (${step.basis}).`,
        from: days[0],
        to: addDays(days[days.length - 1]!, 1),
        facts: [
          fact('instance_type', 'Instance type', text(series.instanceType)),
          fact('suggested_family', 'Current family', text(step.to)),
          fact('list_price_basis', 'List prices', text(step.basis)),
          fact('saving_pct', 'Cheaper per hour', pct(step.savingPct)),
          fact('days_with_cost', 'Days with cost', num(days.length)),
          fact('first_day', 'From', day(days[0]!)),
          fact('last_day', 'To', day(days[days.length - 1]!)),
          fact('daily_cost_avg', 'Average day with cost', money(avg, currency)),
          fact('monthly_cost', 'Monthly cost now', money(monthly, currency)),
        ],
      },
      materialKey: series.instanceType.toLowerCase(),
    });
  }
  return out;
}
