/**
 * The digest dispatch job: every minute, each enabled subscription that is due gets its daily
 * digest, exactly once per channel and local day, however many instances run this at once.
 *
 * Per channel: claim (a unique insert) -> compose -> post -> markSent. A failed compose or post
 * releases the claim, so the next tick tries again (up to the deliveries' attempt limit); one bad
 * channel is logged and the others carry on. Running the job twice changes nothing: a sent or
 * held digest is simply skipped. The Agenda lock is not what keeps this exactly-once (on FerretDB
 * it is not exclusive, see agenda.ts); the claim is.
 *
 * MongoDB going away mid-way loses no digest and sends none twice: a digest whose claim or release
 * got no reply is remembered, and its owner takes its own open claim up again on a later tick
 * (unless it is posting that digest right now); a digest posted but not recorded is only
 * recorded on later ticks, never posted again.
 */
import type { Clock } from '../ports/clock';
import type { DigestDeliveries, DigestSubscription, DigestSubscriptions } from '../ports/digests';
import type { Logger } from '../ports/logger';
import type { JobContext, Scheduler } from '../ports/scheduler';
import { isDue } from '../services/digest-schedule';

export const DIGEST_DISPATCH_JOB = 'digest-dispatch';

/** Job data. Empty for the recurring run; `channels` limits a run to some channels. */
export interface DigestDispatchData {
  channels?: string[];
}

/** D is whatever a digest is to the notifier (a DigestAnswer in the app); dispatch only guarantees once-only. */
export interface DigestDispatchDeps<D> {
  subscriptions: Pick<DigestSubscriptions, 'listEnabled'>;
  deliveries: DigestDeliveries;
  clock: Clock;
  /** This instance's claim owner id, unique per process (e.g. `${hostname}:${pid}:${random}`). */
  owner: string;
  compose(sub: DigestSubscription, localDate: string): Promise<D>;
  /** Posts it. Must give up in bounded time (well under the deliveries' stale-claim time). */
  notifier: { postDigest(channel: string, digest: D): Promise<{ ts: string }> };
  logger: Logger;
}

export type DispatchResult = 'sent' | 'not-due' | 'taken' | 'failed';

export interface DispatchOutcome {
  channel: string;
  localDate?: string;
  result: DispatchResult;
  ts?: string;
}

export interface DispatchSummary {
  at: Date;
  outcomes: DispatchOutcome[];
}

export type DigestDispatchHandler = (ctx?: Partial<JobContext<DigestDispatchData | undefined>>) => Promise<DispatchSummary>;

const MARK_SENT_TRIES = 3;

export function makeDigestDispatch<D>(deps: DigestDispatchDeps<D>): DigestDispatchHandler {
  const { subscriptions, deliveries, clock, owner, logger } = deps;
  /** Posted, but MongoDB did not take the record: key -> ts. Recorded later, never posted again. */
  const unrecorded = new Map<string, string>();
  /** Tried, but whether our claim stands is unknown (its reply or its release was lost). */
  const uncertain = new Set<string>();
  /** Being delivered by this instance now (runs of the job can overlap). */
  const inFlight = new Set<string>();

  async function record(channel: string, localDate: string, ts: string): Promise<DispatchOutcome> {
    try {
      await deliveries.markSent(channel, localDate, { owner, ts, sentAt: clock.now() });
      unrecorded.delete(`${channel}:${localDate}`);
      logger.info({ channel, localDate, ts, owner }, 'Digest posted earlier is now recorded as sent');
      return { channel, localDate, result: 'sent', ts };
    } catch (error) {
      logger.warn({ err: error, channel, localDate, ts }, 'Digest posted but still not recorded as sent; trying again on the next run');
      return { channel, localDate, result: 'failed' };
    }
  }

  async function deliver(sub: DigestSubscription, localDate: string): Promise<DispatchOutcome> {
    const key = `${sub.channel}:${localDate}`;
    if (inFlight.has(key)) return { channel: sub.channel, localDate, result: 'taken' };
    inFlight.add(key);
    try {
      return await deliverOnce(sub, localDate, key);
    } finally {
      inFlight.delete(key);
    }
  }

  async function deliverOnce(sub: DigestSubscription, localDate: string, key: string): Promise<DispatchOutcome> {
    const { channel } = sub;
    const postedTs = unrecorded.get(key);
    if (postedTs !== undefined) return record(channel, localDate, postedTs);
    let claimed: boolean;
    try {
      claimed = await deliveries.claim(channel, localDate, owner, { resume: uncertain.has(key) });
      uncertain.delete(key);
    } catch (error) {
      uncertain.add(key);
      logger.error({ err: error, channel, localDate, owner }, 'Could not claim a digest delivery');
      return { channel, localDate, result: 'failed' };
    }
    if (!claimed) return { channel, localDate, result: 'taken' };

    let ts: string;
    try {
      const digest = await deps.compose(sub, localDate);
      ts = (await deps.notifier.postDigest(channel, digest)).ts;
    } catch (error) {
      logger.error({ err: error, channel, localDate, owner }, 'Digest not delivered; released it for a retry on the next run');
      await deliveries.release(channel, localDate, { owner, reason: errorText(error) }).catch((releaseError: unknown) => {
        uncertain.add(key);
        logger.error({ err: releaseError, channel, localDate, owner }, 'Could not release a failed digest claim; this instance takes it up again on its next run');
      });
      return { channel, localDate, result: 'failed' };
    }

    // The post went out: never release now. Record it, retrying briefly; if that fails for good,
    // the claim goes stale and may be posted again, which the log must say.
    for (let attempt = 1; ; attempt++) {
      try {
        await deliveries.markSent(channel, localDate, { owner, ts, sentAt: clock.now() });
        break;
      } catch (error) {
        if (attempt >= MARK_SENT_TRIES) {
          unrecorded.set(`${channel}:${localDate}`, ts);
          logger.error({ err: error, channel, localDate, owner, ts }, 'Digest posted but not recorded as sent; this instance records it on its next runs (if it stops first, another may post it again once the claim is stale)');
          break;
        }
        await sleep(200 * 2 ** attempt);
      }
    }
    logger.info({ channel, localDate, ts, owner }, 'Digest delivered');
    return { channel, localDate, result: 'sent', ts };
  }

  return async (ctx = {}) => {
    const at = clock.now();
    const only = ctx.data?.channels ? new Set(ctx.data.channels) : undefined;
    const subs = (await subscriptions.listEnabled()).filter((s) => !only || only.has(s.channel));
    const outcomes: DispatchOutcome[] = [];
    for (const sub of subs) {
      let check: ReturnType<typeof isDue>;
      try {
        check = isDue(sub, at);
      } catch (error) {
        logger.warn({ err: error, channel: sub.channel, time: sub.time, timeZone: sub.timeZone }, 'Digest subscription has an unusable time or time zone');
        outcomes.push({ channel: sub.channel, result: 'failed' });
        continue;
      }
      if (!check.due) {
        outcomes.push({ channel: sub.channel, localDate: check.localDate, result: 'not-due' });
        continue;
      }
      const outcome = await deliver(sub, check.localDate);
      outcomes.push(outcome);
      // Renew the job's lock after real work; throws (ending this run) if Agenda gave up on it.
      if (outcome.result === 'sent' || outcome.result === 'failed') await ctx.touch?.();
    }
    return { at, outcomes };
  };
}

export interface DigestDispatchSchedule {
  /** Cron or human interval. Default every minute on the minute. */
  interval?: string | number;
  /** Lock lifetime of one run between touches. Default 5 minutes. */
  lockLifetimeMs?: number;
}

/** Defines the dispatch job on the scheduler and schedules its recurring run (idempotent). */
export async function scheduleDigestDispatch(scheduler: Scheduler, handler: DigestDispatchHandler, options: DigestDispatchSchedule = {}): Promise<void> {
  scheduler.define<DigestDispatchData | undefined>(
    DIGEST_DISPATCH_JOB,
    async (ctx) => {
      await handler(ctx);
    },
    { concurrency: 1, lockLifetimeMs: options.lockLifetimeMs ?? 5 * 60_000 },
  );
  await scheduler.every(options.interval ?? '* * * * *', DIGEST_DISPATCH_JOB);
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
