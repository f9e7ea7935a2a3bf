/**
 * Chooses a question's period (and the one it is compared with) from the period phrases found,
 * and keeps both to days before today: `today` has no complete costs yet.
 */
import { addDays, lastDay, type Day } from '../../domain/days';
import { parsePeriod, periodFromBounds, previousPeriod, type Period } from '../../domain/period';
import type { PeriodPhrase } from './period-phrases';

export type PeriodChoice =
  | { ok: true; period: Period; against?: Period; notes: string[]; defaulted: boolean }
  | { ok: false; code: 'no-days' | 'ambiguous'; reason: string };

export const DEFAULT_PERIOD = { totals: 'this month', trend: '30d' } as const;

/** The period phrases of a comparison: which is the subject, which the baseline. */
export function comparisonPeriods(phrases: PeriodPhrase[], afterCompareWord: (p: PeriodPhrase) => boolean, splitRanges: boolean, today: Day): PeriodChoice {
  const notes: string[] = [];
  let primary: Period | undefined;
  let against: Period | undefined;
  let defaulted = false;
  const ranged = phrases.length === 1 && phrases[0]!.parts && splitRanges ? phrases[0]!.parts : undefined;
  if (ranged) {
    // "from August to September": the change is towards the later one.
    [against, primary] = ranged;
    notes.push(`"${phrases[0]!.text}" read as ${ranged[1].label} compared with ${ranged[0].label}`);
  } else if (phrases.length > 2) {
    return { ok: false, code: 'ambiguous', reason: `I can compare two periods at a time, and this question has ${phrases.length}.` };
  } else if (phrases.length === 2) {
    const baseline = phrases.findIndex((p) => p.relative || afterCompareWord(p));
    const b = baseline >= 0 ? baseline : 1;
    const subject = phrases[1 - b]!;
    if (subject.relative) return { ok: false, code: 'ambiguous', reason: `"${subject.text}" needs a period to be before.` };
    primary = subject.period;
    if (!phrases[b]!.relative) against = phrases[b]!.period;
  } else if (phrases.length === 1 && afterCompareWord(phrases[0]!) && !phrases[0]!.relative) {
    against = phrases[0]!.period;
    primary = parsePeriod(DEFAULT_PERIOD.totals, today);
    defaulted = true;
  } else if (phrases.length === 1) {
    primary = phrases[0]!.period;
  } else {
    primary = parsePeriod(DEFAULT_PERIOD.totals, today);
    defaulted = true;
  }
  const clipped = clipToToday(primary!, today);
  if (!clipped.ok) return clipped;
  const subject = clipped.period;
  if (clipped.note) notes.push(clipped.note);
  const baseline = against ? clipToToday(against, today) : undefined;
  if (baseline && !baseline.ok) return baseline;
  let base = baseline?.ok ? baseline.period : before(subject);
  if (baseline?.ok && isWholeUnitBefore(subject, base)) {
    base = before(subject);
    notes.push(`compared like for like with the same days of ${against!.label} (${base.range.start} to ${lastDay(base.range)})`);
  } else if (!against) {
    notes.push(`compared with the period before: ${base.range.start} to ${lastDay(base.range)}`);
  }
  return { ok: true, period: subject, against: base, notes, defaulted };
}

/** One period for totals, trends and the later kinds; `clip` is false for forecasts (they look ahead). */
export function singlePeriod(phrases: PeriodPhrase[], fallback: string, today: Day, clip = true): PeriodChoice {
  if (phrases.length > 1) return { ok: false, code: 'ambiguous', reason: `I found ${phrases.length} periods (${phrases.map((p) => `"${p.text}"`).join(', ')}) and can't tell which one you mean.` };
  const period = phrases[0]?.period ?? parsePeriod(fallback, today);
  if (!clip) return { ok: true, period, notes: [], defaulted: phrases.length === 0 };
  const clipped = clipToToday(period, today);
  if (!clipped.ok) return clipped;
  return { ok: true, period: clipped.period, notes: clipped.note ? [clipped.note] : [], defaulted: phrases.length === 0 };
}

/** Ends a period before today; a period that has not started, or is only today, has no days to answer with. */
export function clipToToday(period: Period, today: Day): { ok: true; period: Period; note?: string } | { ok: false; code: 'no-days'; reason: string } {
  if (period.range.start >= today) {
    const reason = period.range.start === today
      ? `Today's costs are not complete yet, so ${period.label} has no full day to report. Ask about yesterday, or this week so far.`
      : `${period.label} has not started yet. To look ahead, ask for a forecast.`;
    return { ok: false, code: 'no-days', reason };
  }
  if (period.range.end <= today) return { ok: true, period };
  const unit = period.kind === 'to-date' ? period.unit : period.kind === 'week' || period.kind === 'month' || period.kind === 'quarter' || period.kind === 'year' ? period.kind : undefined;
  const end = addDays(today, -1);
  const label = unit ? `${period.label.replace(/ \(.*\)$/, '')} so far (${period.range.start} to ${end})` : `${period.range.start} to ${end}`;
  const clipped: Period = unit ? { range: { start: period.range.start, end: today }, label, kind: 'to-date', unit } : { range: { start: period.range.start, end: today }, label, kind: 'custom' };
  return { ok: true, period: clipped, note: `only complete days count: ${period.label} ends ${end}` };
}

/** The period before, named like a calendar unit when it is one ("August 2024", not "previous month"). */
export function before(subject: Period): Period {
  const p = previousPeriod(subject);
  return p.kind === 'month' || p.kind === 'quarter' || p.kind === 'year' ? periodFromBounds(p.range.start, lastDay(p.range)) : p;
}

/** "This month so far vs last month": the baseline is the whole unit right before a to-date period. */
function isWholeUnitBefore(subject: Period, baseline: Period): boolean {
  return subject.kind === 'to-date' && subject.unit !== undefined && baseline.kind === subject.unit && baseline.range.end === subject.range.start;
}
