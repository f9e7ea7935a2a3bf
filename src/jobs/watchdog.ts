/**
 * The watchdog job: after each import or sync (new data in the store) and once a day (a new
 * reporting day), fire budget thresholds, scan for anomalies, and deliver the alerts.
 *
 * Exactly once across instances: thresholds and anomaly events are recorded by unique inserts
 * (the services), and every message is claimed per alert and channel before it is posted
 * (AlertDeliveries), as the digests are. The Agenda lock is not what keeps this once (on
 * FerretDB it is not exclusive), so two instances may both run; they never both post. Alerts
 * raised by earlier runs are offered again, which delivers any a failed post left behind.
 * A revised event updates (or retracts) each of its messages in place.
 *
 * A project's channel gets the alerts of the projects owning their scope, with the owners
 * mentioned in that channel's copy only; a channel both subscribed and a project's gets one message.
 * With alert email on, each alert also goes to each address once (alert-email.ts).
 */
import { withOwners, type AlertAnswer } from '../answers/watchdog';
import { addDays } from '../domain/days';
import type { AnomalyEvent } from '../ports/alerts';
import type { Logger } from '../ports/logger';
import type { MetaStore } from '../ports/meta-store';
import type { AlertNotifier } from '../ports/notifier';
import type { JobContext, Scheduler } from '../ports/scheduler';
import type { StoreCoverage } from '../ports/cost-store';
import type { Watchdog } from '../services/watchdog';
import { addressesSince, mailAlert, type AlertEmailDeps } from './alert-email';
import { REVISE_DAYS } from '../services/watchdog/anomaly-service';

export const WATCHDOG_JOB = 'watchdog';
const RAN_FOR_KEY = 'watchdog.ranFor';

export interface WatchdogJobDeps {
  watchdog: Pick<Watchdog, 'today' | 'budgets' | 'anomalies' | 'alerts'>;
  coverage(): Promise<StoreCoverage>;
  meta: MetaStore;
  notifier: AlertNotifier;
  /** This instance's claim owner id. */
  owner: string;
  logger: Logger;
  /** Alert email (SMTP_URL with alert addresses). */
  email?: AlertEmailDeps;
}

export interface WatchdogRunSummary {
  posted: number;
  updated: number;
  mailed: number;
  failed: number;
}

/** One run when due: new data since the last run, or a new day. `force` runs regardless. */
export async function runWatchdogIfDue(deps: WatchdogJobDeps, ctx: Partial<JobContext<unknown>> = {}, force = false): Promise<WatchdogRunSummary | undefined> {
  const coverage = await deps.coverage();
  if (!coverage.lastDay) return undefined;
  const stamp = `${deps.watchdog.today()}|${coverage.lastIngestedAt?.toISOString() ?? ''}`;
  if (!force && stamp === (await deps.meta.get<string>(RAN_FOR_KEY))) return undefined;
  const summary = await runWatchdog(deps, ctx);
  // After a failed post or update, the next tick runs again (deliveries cap the attempts).
  if (summary.failed === 0) await deps.meta.set(RAN_FOR_KEY, stamp);
  return summary;
}

export async function runWatchdog(deps: WatchdogJobDeps, ctx: Partial<JobContext<unknown>> = {}): Promise<WatchdogRunSummary> {
  const { watchdog, logger, owner } = deps;
  const touch = async () => void (await ctx.touch?.());
  const today = watchdog.today();
  const summary: WatchdogRunSummary = { posted: 0, updated: 0, mailed: 0, failed: 0 };
  const mailSince = deps.email && deps.email.addresses.length > 0 ? await addressesSince(deps.meta, deps.email) : undefined;
  const deliver = async (alert: AlertAnswer, raisedAt: Date) => {
    await post(deps, alert, raisedAt, summary);
    if (deps.email && mailSince) {
      const mailed = await mailAlert(deps.email, mailSince, alert, raisedAt, owner, logger);
      summary.mailed += mailed.mailed;
      summary.failed += mailed.failed;
    }
    // Each alert may wait on Slack and a mail server: keep the job's lock alive.
    await touch();
  };
  for (const raised of await watchdog.budgets.fire(today, owner)) await deliver(raised.alert, raised.raisedAt);
  await touch();
  await watchdog.anomalies.scan(today, touch);
  for (const event of await watchdog.anomalies.recentEvents({ start: addDays(today, -REVISE_DAYS), end: today })) {
    const alert = watchdog.alerts.anomalyAlert(event);
    if (event.status === 'open') await deliver(alert, event.createdAt);
    await syncMessages(deps, event, alert, summary);
    await touch();
  }
  logger.info({ ...summary, today, owner }, 'watchdog run done');
  return summary;
}

/** Posts the alert to each recipient channel that does not have it yet (claimed per channel). */
async function post(deps: WatchdogJobDeps, alert: AlertAnswer, raisedAt: Date, summary: WatchdogRunSummary): Promise<void> {
  const { watchdog, notifier, owner, logger } = deps;
  const deliveries = watchdog.alerts.deliveries;
  for (const { channel, owners } of await watchdog.alerts.recipients(alert, raisedAt)) {
    if (!(await deliveries.claim(alert.alertKey, channel, owner))) continue;
    let ts: string;
    try {
      ts = (await notifier.postAlert(channel, withOwners(alert, owners))).ts;
    } catch (error) {
      summary.failed++;
      const projects = owners.map((o) => o.project);
      // A project's channel may be private and without Penny in it: the log says whom to ask.
      const why = projects.length > 0 ? `; is Penny in the channel of project ${projects.join(', ')}? Invite it with /invite @Penny` : '';
      logger.error({ err: error, channel, alert: alert.alertKey, projects }, `Alert not delivered${why}; released for the next run`);
      await deliveries.release(alert.alertKey, channel, owner, String((error as Error)?.message ?? error)).catch(() => undefined);
      continue;
    }
    const revision = alert.subject === 'anomaly' ? alert.revision : 1;
    await deliveries.markSent(alert.alertKey, channel, owner, ts, revision).catch((error: unknown) =>
      logger.error({ err: error, channel, alert: alert.alertKey, ts }, 'Alert posted but not recorded as sent; it may be posted again once the claim is stale'));
    summary.posted++;
    logger.info({ channel, alert: alert.alertKey, ts }, 'Alert delivered');
  }
}

/** Brings every message of a revised event up to date: updated in place, or marked retracted. */
async function syncMessages(deps: WatchdogJobDeps, event: AnomalyEvent, alert: AlertAnswer, summary: WatchdogRunSummary): Promise<void> {
  const deliveries = deps.watchdog.alerts.deliveries;
  const stale = (await deliveries.sent(alert.alertKey)).filter((m) => m.ts && m.revision < event.revision);
  if (stale.length === 0) return;
  const owners = await deps.watchdog.alerts.ownersByChannel(alert);
  for (const message of stale) {
    if (!message.ts) continue;
    const shown = withOwners(alert, owners.get(message.channel));
    try {
      if (event.status === 'retracted') await deps.notifier.retractAlert(message.channel, message.ts, shown);
      else await deps.notifier.updateAlert(message.channel, message.ts, shown);
      await deliveries.markRevision(alert.alertKey, message.channel, event.revision);
      summary.updated++;
    } catch (error) {
      summary.failed++;
      deps.logger.warn({ err: error, channel: message.channel, alert: alert.alertKey }, 'Alert message not updated; tried again on the next run');
    }
  }
}

export interface WatchdogSchedule {
  /** How often to look for new data or a new day. Default every 5 minutes. */
  interval?: string | number;
  lockLifetimeMs?: number;
}

export async function scheduleWatchdog(scheduler: Scheduler, deps: WatchdogJobDeps, options: WatchdogSchedule = {}): Promise<void> {
  scheduler.define(WATCHDOG_JOB, async (ctx) => {
    await runWatchdogIfDue(deps, ctx);
  }, { concurrency: 1, lockLifetimeMs: options.lockLifetimeMs ?? 10 * 60_000 });
  await scheduler.every(options.interval ?? '5 minutes', WATCHDOG_JOB);
}
