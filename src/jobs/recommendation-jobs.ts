/**
 * Recommendation jobs. Agenda's lock is not exclusive on FerretDB (scheduler/agenda-scheduler.ts),
 * so each run first claims its key with a unique insert; only the winner works, and a second
 * instance or a rerun changes nothing.
 * - Daily refresh, after the cost sync (PENNY_RECOMMEND_TIME): AWS's own advice (requests counted
 *   and capped), today's list, first-seen days.
 * - Weekly post (PENNY_RECOMMEND_WEEKLY): what is new since a week ago, to the digest channels or
 *   PENNY_RECOMMEND_CHANNEL; nothing is posted when nothing is new.
 */
import type { AdviceNotifier } from '../ports/advice-notifier';
import type { Logger } from '../ports/logger';
import type { RecommendationMarks } from '../ports/recommendation-marks';
import type { Scheduler } from '../ports/scheduler';
import type { RecommendationService } from '../services/advice/recommendation-service';
import { addDays } from '../domain/days';

export const RECOMMENDATIONS_REFRESH_JOB = 'recommendations-refresh';
export const RECOMMENDATIONS_WEEKLY_JOB = 'recommendations-weekly';

export interface RefreshJobDeps {
  advice: Pick<RecommendationService, 'refresh' | 'today'>;
  claims: Pick<RecommendationMarks, 'claim'>;
  owner: string;
  logger: Logger;
}

export type RefreshOutcome = { result: 'taken' } | { result: 'refreshed'; count: number; newCount: number; adviserErrors: string[] };

export function makeRecommendationsRefresh(deps: RefreshJobDeps): () => Promise<RefreshOutcome> {
  return async () => {
    const day = deps.advice.today();
    if (!(await deps.claims.claim(RECOMMENDATIONS_REFRESH_JOB, day, deps.owner))) return { result: 'taken' };
    const r = await deps.advice.refresh();
    deps.logger.info({ day, count: r.count, new: r.newIds.length, adviserErrors: r.adviserErrors }, 'recommendations refreshed');
    return { result: 'refreshed', count: r.count, newCount: r.newIds.length, adviserErrors: r.adviserErrors };
  };
}

export interface WeeklyJobDeps {
  advice: Pick<RecommendationService, 'newSince' | 'today'>;
  claims: Pick<RecommendationMarks, 'claim'>;
  owner: string;
  /** Where the list goes: PENNY_RECOMMEND_CHANNEL, or the channels with a daily digest. */
  channels(): Promise<string[]>;
  notifier: AdviceNotifier;
  logger: Logger;
}

export function makeWeeklyRecommendations(deps: WeeklyJobDeps): () => Promise<{ posted: string[]; newCount: number }> {
  return async () => {
    const today = deps.advice.today();
    const answer = await deps.advice.newSince(addDays(today, -7));
    const posted: string[] = [];
    if (answer.items.length === 0) return { posted, newCount: 0 };
    for (const channel of await deps.channels()) {
      if (!(await deps.claims.claim(RECOMMENDATIONS_WEEKLY_JOB, `${today}|${channel}`, deps.owner))) continue;
      try {
        await deps.notifier.postNewRecommendations(channel, answer);
        posted.push(channel);
      } catch (error) {
        deps.logger.error({ err: error, channel }, 'weekly recommendations not posted');
      }
    }
    return { posted, newCount: answer.openCount };
  };
}

export interface AdviceSchedule {
  /** HH:MM in `timeZone`. */
  time: string;
  timeZone: string;
  weekly: 'digest' | 'off';
  /** 0 Sunday … 6 Saturday. */
  weekday: number;
}

/** Cron for HH:MM plus `minutes`, on `days` ("*" or a weekday number). */
export function cronAt(time: string, minutes: number, days: string): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const total = (h * 60 + m + minutes) % (24 * 60);
  return `${total % 60} ${Math.floor(total / 60)} * * ${days}`;
}

export async function scheduleRecommendationJobs(scheduler: Scheduler, jobs: { refresh: () => Promise<unknown>; weekly: () => Promise<unknown> }, s: AdviceSchedule): Promise<void> {
  scheduler.define(RECOMMENDATIONS_REFRESH_JOB, async () => void (await jobs.refresh()), { concurrency: 1 });
  await scheduler.every(cronAt(s.time, 0, '*'), RECOMMENDATIONS_REFRESH_JOB, undefined, { timezone: s.timeZone });
  if (s.weekly === 'off') return;
  // Half an hour after the refresh, so "new" includes what it found.
  scheduler.define(RECOMMENDATIONS_WEEKLY_JOB, async () => void (await jobs.weekly()), { concurrency: 1 });
  await scheduler.every(cronAt(s.time, 30, String(s.weekday)), RECOMMENDATIONS_WEEKLY_JOB, undefined, { timezone: s.timeZone });
}
