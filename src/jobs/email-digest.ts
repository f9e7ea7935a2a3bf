/**
 * The daily digest by email (SMTP_URL): once a day at PENNY_DIGEST_TIME in PENNY_TIMEZONE, to the
 * addresses in PENNY_EMAIL_TO, exactly once however many instances run. It is the channel digest's
 * dispatcher with one subscription, "email", and its own deliveries collection.
 */
import type { DigestSubscription } from '../ports/digests';
import type { Scheduler } from '../ports/scheduler';
import type { DigestDispatchHandler } from './digest-dispatch';

export const EMAIL_DIGEST_JOB = 'email-digest';

/** The one "subscription" of the email digest: every day, all providers. */
export function emailSubscription(time: string, timeZone: string): DigestSubscription {
  return { channel: 'email', time, timeZone, providers: [], enabled: true, createdBy: 'PENNY_EMAIL_TO', updatedAt: new Date(0) };
}

export async function scheduleEmailDigest(scheduler: Scheduler, handler: DigestDispatchHandler, interval: string | number = '* * * * *'): Promise<void> {
  scheduler.define(EMAIL_DIGEST_JOB, async (ctx) => {
    await handler({ touch: ctx.touch });
  }, { concurrency: 1 });
  await scheduler.every(interval, EMAIL_DIGEST_JOB);
}
