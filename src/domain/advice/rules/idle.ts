/**
 * Idle resources: a volume, load balancer, public IP or NAT gateway whose cost is the same day
 * after day. These bill a fixed charge while they exist and more as they are used (I/O, load
 * balancer capacity units, in-use IP pricing, data processed), so a flat line means nothing
 * changed in how they were used. Penny sees cost, not attachment: the evidence says so.
 * Saving: deleting it saves its average daily cost × 730 / 24 a month.
 */
import { addDays } from '../../days';
import type { AdviceData } from '../advice-data';
import type { AdviceSettings } from '../advice-settings';
import { day, fact, money, monthlyFromDaily, num, pct, recommendationId, text, type Recommendation } from '../recommendation';
import { IDLE_PRONE, KIND_LABELS } from '../resource-kind';
import { isFlat, lastRun, maxOf, mean, minOf } from '../series-stats';
import { shortId } from './names';

/** A resource whose last day with cost is older than this is gone, not idle. */
const MAX_QUIET_DAYS = 3;

export function idleResources(data: AdviceData, settings: AdviceSettings): Recommendation[] {
  const { minDays, tolerancePct } = settings.idle;
  const out: Recommendation[] = [];
  for (const series of data.resources) {
    if (!IDLE_PRONE.has(series.kind)) continue;
    const run = lastRun(series.daily, data.window.start);
    if (run.length < minDays || run[run.length - 1]!.day < addDays(data.asOf, -MAX_QUIET_DAYS)) continue;
    const values = run.map((d) => d.value);
    const avg = mean(values);
    if (avg <= 0n || !isFlat(values, tolerancePct)) continue;
    const saving = monthlyFromDaily(avg);
    const label = KIND_LABELS[series.kind];
    const { currency, scope } = series;
    const first = run[0]!.day;
    const last = run[run.length - 1]!.day;
    out.push({
      id: recommendationId('idle-resource', 'penny', scope),
      kind: 'idle-resource',
      origin: 'penny',
      title: `Delete the idle ${label} ${shortId(scope.resourceId)}`,
      scope,
      currency,
      monthlySaving: saving,
      savingMethod: `Deleting it saves its average daily cost over ${run.length} days × 730 / 24 a month.`,
      evidence: {
        summary: `Its cost stayed within ${tolerancePct}% of the same amount on each of ${run.length} days in a row (${first} to ${last}): nothing changed in how it was used. Penny sees cost, not attachment, so check that nothing needs it before deleting.`,
        from: first,
        to: addDays(last, 1),
        facts: [
          fact('resource_kind', 'Kind', text(label)),
          fact('days', 'Days in a row', num(run.length)),
          fact('first_day', 'From', day(first)),
          fact('last_day', 'To', day(last)),
          fact('daily_cost_min', 'Lowest day', money(minOf(values), currency)),
          fact('daily_cost_max', 'Highest day', money(maxOf(values), currency)),
          fact('daily_cost_avg', 'Average day', money(avg, currency)),
          fact('flat_within_pct', 'Flat within', pct(tolerancePct)),
        ],
      },
      materialKey: series.kind,
    });
  }
  return out;
}
