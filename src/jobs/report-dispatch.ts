/**
 * The scheduled-report job: every few minutes, each schedule that is due gets its report posted
 * to its channel, exactly once per channel, cadence and period, however many instances run it.
 * Exactly-once rests on the same unique-insert claims as the digests (DigestDeliveries, its own
 * collection), keyed by `${channel}-${cadence}` and the first day of the period covered.
 */
import type { ReportAnswer } from '../answers/types';
import type { Clock } from '../ports/clock';
import type { DigestDeliveries } from '../ports/digests';
import type { Logger } from '../ports/logger';
import type { ReportPoster, ReportSchedule, ReportSchedules } from '../ports/report-schedules';
import type { Scheduler } from '../ports/scheduler';
import { reportDue } from '../services/report-schedule';

export const REPORT_DISPATCH_JOB = 'report-dispatch';

export interface ReportDispatchDeps {
  schedules: Pick<ReportSchedules, 'list'>;
  deliveries: DigestDeliveries;
  clock: Clock;
  /** This instance's claim owner id. */
  owner: string;
  /** When reports go out: PENNY_DIGEST_TIME in PENNY_TIMEZONE. */
  time: string;
  timeZone: string;
  compose(schedule: ReportSchedule, asOf: string): Promise<ReportAnswer>;
  poster: ReportPoster;
  logger: Logger;
}

export type ReportResult = 'sent' | 'not-due' | 'taken' | 'failed';

export function makeReportDispatch(deps: ReportDispatchDeps): () => Promise<{ channel: string; cadence: string; result: ReportResult }[]> {
  const { deliveries, owner, logger } = deps;

  async function deliver(s: ReportSchedule, periodStart: string, asOf: string): Promise<ReportResult> {
    const key = `${s.channel}-${s.cadence}`;
    if (!(await deliveries.claim(key, periodStart, owner))) return 'taken';
    let id: string;
    try {
      id = (await deps.poster.postReport(s.channel, await deps.compose(s, asOf))).id;
    } catch (error) {
      logger.error({ err: error, channel: s.channel, cadence: s.cadence, periodStart }, 'Scheduled report not delivered; released it for a retry on the next run');
      await deliveries.release(key, periodStart, { owner, reason: (error as Error)?.message ?? String(error) }).catch(() => undefined);
      return 'failed';
    }
    await deliveries.markSent(key, periodStart, { owner, ts: id, sentAt: deps.clock.now() }).catch((error: unknown) => {
      logger.error({ err: error, channel: s.channel, cadence: s.cadence }, 'Report posted but not recorded as sent; it may be posted again once the claim is stale');
    });
    logger.info({ channel: s.channel, cadence: s.cadence, periodStart, file: id }, 'Scheduled report delivered');
    return 'sent';
  }

  return async () => {
    const now = deps.clock.now();
    const outcomes: { channel: string; cadence: string; result: ReportResult }[] = [];
    for (const s of await deps.schedules.list()) {
      const due = reportDue(s.cadence, now, { time: deps.time, timeZone: deps.timeZone });
      const result = due.due ? await deliver(s, due.periodStart, due.localDate).catch((error: unknown): ReportResult => {
        logger.error({ err: error, channel: s.channel }, 'Could not claim a scheduled report');
        return 'failed';
      }) : 'not-due';
      outcomes.push({ channel: s.channel, cadence: s.cadence, result });
    }
    return outcomes;
  };
}

export async function scheduleReportDispatch(scheduler: Scheduler, run: () => Promise<unknown>, interval: string | number = '*/5 * * * *'): Promise<void> {
  scheduler.define(REPORT_DISPATCH_JOB, async () => {
    await run();
  }, { concurrency: 1 });
  await scheduler.every(interval, REPORT_DISPATCH_JOB);
}
