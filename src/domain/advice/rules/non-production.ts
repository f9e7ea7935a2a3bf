/**
 * Non-production resources running through nights and weekends: an instance, database or cluster
 * tagged as non-production (PENNY_NONPROD_TAG, e.g. env=dev|test|staging) whose weekend days cost
 * about what its weekdays cost. Daily data cannot show the hours of a day; a resource that runs
 * all weekend at weekday cost is taken to run all night too, and the evidence says so.
 * Saving: running it only `scheduledHoursPerWeek` (12 h × 5 days = 60 of 168 hours) saves its
 * monthly cost (average day × 730 / 24) × (168 − 60) / 168.
 */
import { addDays, daysIn } from '../../days';
import type { AdviceData } from '../advice-data';
import { nonProductionTagOf, type AdviceSettings } from '../advice-settings';
import { day, fact, money, monthlyFromDaily, num, pct, recommendationId, share, text, type Recommendation } from '../recommendation';
import { KIND_LABELS, SCHEDULABLE } from '../resource-kind';
import { isWeekend, lastDay, mean, ratio } from '../series-stats';
import { shortId } from './names';

const HOURS_PER_WEEK = 168;
const MAX_QUIET_DAYS = 3;

export function nonProductionSchedules(data: AdviceData, settings: AdviceSettings): Recommendation[] {
  const s = settings.nonProduction;
  const out: Recommendation[] = [];
  for (const series of data.resources) {
    if (!SCHEDULABLE.has(series.kind)) continue;
    const tag = nonProductionTagOf(series.tags, s.tag);
    if (!tag) continue;
    const last = lastDay(series.daily);
    if (!last || last < addDays(data.asOf, -MAX_QUIET_DAYS)) continue;
    const first = [...series.daily.keys()].reduce((a, b) => (b < a ? b : a));
    // Calendar days of its span: a day with no cost is a day it was off, which is the point.
    const weekdays: bigint[] = [];
    const weekends: bigint[] = [];
    for (const d of daysIn({ start: first, end: addDays(last, 1) })) (isWeekend(d) ? weekends : weekdays).push(series.daily.get(d) ?? 0n);
    if (weekdays.length < s.minWeekdays || weekends.length < s.minWeekendDays) continue;
    const weekdayAvg = mean(weekdays);
    const weekendAvg = mean(weekends);
    if (weekdayAvg <= 0n || ratio(weekendAvg, weekdayAvg) < s.minWeekendRatio) continue;
    const monthly = monthlyFromDaily(mean([...weekdays, ...weekends]));
    const offHours = HOURS_PER_WEEK - s.scheduledHoursPerWeek;
    const saving = share(monthly, BigInt(offHours), BigInt(HOURS_PER_WEEK));
    const { scope, currency } = series;
    const label = KIND_LABELS[series.kind];
    out.push({
      id: recommendationId('non-production-schedule', 'penny', scope),
      kind: 'non-production-schedule',
      origin: 'penny',
      title: `Run the ${tag} ${label} ${shortId(scope.resourceId)} only in working hours`,
      scope,
      currency,
      monthlySaving: saving,
      savingMethod: `Monthly cost (average day × 730 / 24) × ${offHours} / ${HOURS_PER_WEEK}: the hours a week outside a ${s.scheduledHoursPerWeek}-hour schedule.`,
      evidence: {
        summary: `Tagged ${tag}, it cost ${(ratio(weekendAvg, weekdayAvg) * 100).toFixed(0)}% as much on weekend days as on weekdays over ${weekdays.length + weekends.length} days, so it runs through weekends (and, at that daily cost, through nights: daily data cannot show hours).`,
        from: first,
        to: addDays(last, 1),
        facts: [
          fact('tag', 'Tag', text(tag)),
          fact('resource_kind', 'Kind', text(label)),
          fact('days', 'Days', num(weekdays.length + weekends.length)),
          fact('weekday_avg', 'Average weekday', money(weekdayAvg, currency)),
          fact('weekend_avg', 'Average weekend day', money(weekendAvg, currency)),
          fact('weekend_ratio_pct', 'Weekend vs weekday', pct(Math.round(ratio(weekendAvg, weekdayAvg) * 1000) / 10)),
          fact('monthly_cost', 'Monthly cost now', money(monthly, currency)),
          fact('scheduled_hours_per_week', 'Hours a week on a schedule', num(s.scheduledHoursPerWeek)),
          fact('first_day', 'From', day(first)),
          fact('last_day', 'To', day(last)),
        ],
      },
      materialKey: tag.toLowerCase(),
    });
  }
  return out;
}
