/** `/cost report … schedule|unschedule` and `/cost report schedules`. Setting them is for finance and admins. */
import type { ReportScheduleAnswer } from '../answers/types';
import { parseChannel } from '../domain/project';
import type { Clock } from '../ports/clock';
import type { ReportSchedules } from '../ports/report-schedules';
import type { ReportScheduleIntent } from './parse-command';

export interface ReportScheduleDeps {
  schedules: ReportSchedules;
  clock: Clock;
  time: string;
  timeZone: string;
}

export async function runReportSchedule(intent: ReportScheduleIntent, ctx: { channelId: string; userId: string }, deps: ReportScheduleDeps): Promise<ReportScheduleAnswer> {
  const when = `Weekly reports (last week) go out on Mondays and monthly ones (last month) on the 1st, at ${deps.time} ${deps.timeZone}.`;
  const list = async () => (await deps.schedules.list()).map(({ channel, cadence, format }) => ({ channel, cadence, format }));
  if (intent.action === 'list') return { kind: 'report-schedule', schedules: await list(), when };
  const channel = intent.channel ? parseChannel(intent.channel) : ctx.channelId;
  if (intent.action === 'on') {
    await deps.schedules.upsert({ channel, cadence: intent.cadence, format: intent.format, createdBy: ctx.userId, updatedAt: deps.clock.now() });
  } else {
    await deps.schedules.remove(channel, intent.cadence);
  }
  return { kind: 'report-schedule', schedules: await list(), change: { action: intent.action === 'on' ? 'scheduled' : 'unscheduled', channel, cadence: intent.cadence }, when };
}
