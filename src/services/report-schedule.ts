/**
 * When a scheduled report is due: on the first day of the new week (Monday) or month, at the
 * configured time in the reporting time zone, or any time later in that week or month if it has
 * not gone out yet (Penny was down). The period it covers is its key: one post per period.
 */
import type { ReportCadence } from '../answers/cost-report';
import { parsePeriod } from '../domain/period';
import { isDue } from './digest-schedule';

export interface ReportDue {
  due: boolean;
  /** First day of the period the report covers (last week's Monday, last month's 1st). */
  periodStart: string;
  localDate: string;
}

export function reportDue(cadence: ReportCadence, now: Date, at: { time: string; timeZone: string }): ReportDue {
  const { due: pastTime, localDate } = isDue({ time: at.time, timeZone: at.timeZone }, now);
  const period = parsePeriod(cadence === 'weekly' ? 'last week' : 'last month', localDate);
  const firstDayOfThisPeriod = period.range.end;
  return { due: pastTime || localDate > firstDayOfThisPeriod, periodStart: period.range.start, localDate };
}
