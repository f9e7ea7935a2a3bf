/**
 * Alerts by email (SMTP_URL, PENNY_ALERT_EMAIL_TO): every alert the watchdog delivers also goes to
 * each address, once across instances: claimed per alert and address before sending, as the
 * Slack messages are per channel (their own collection). A failed send is released and tried
 * again on the next run. An address gets alerts raised since it was first configured, not the
 * recent ones from before (as a channel gets those since it subscribed).
 */
import type { AlertAnswer } from '../answers/watchdog';
import type { AlertDeliveries } from '../ports/alerts';
import type { Logger } from '../ports/logger';
import type { MetaStore } from '../ports/meta-store';
import type { AlertMailer } from '../ports/notifier';

export interface AlertEmailDeps {
  mailer: AlertMailer;
  deliveries: AlertDeliveries;
  addresses: string[];
  now(): Date;
}

const SINCE_KEY = 'alertEmail.since';

/** Stored as a list: addresses hold dots, which FerretDB refuses in document keys. */
type SinceList = { address: string; since: string }[];

/** When each address started getting alerts; addresses seen for the first time start now. */
export async function addressesSince(meta: MetaStore, email: AlertEmailDeps): Promise<Map<string, Date>> {
  const known = new Map(((await meta.get<SinceList>(SINCE_KEY)) ?? []).map((e) => [e.address.toLowerCase(), e.since]));
  const missing = email.addresses.filter((a) => !known.has(a.toLowerCase()));
  if (missing.length > 0) {
    const now = email.now().toISOString();
    for (const a of missing) known.set(a.toLowerCase(), now);
    // Two instances may both add an address; the later of two nearly equal instants wins, which is harmless.
    await meta.set<SinceList>(SINCE_KEY, [...known].map(([address, since]) => ({ address, since })));
  }
  return new Map(email.addresses.map((a) => [a, new Date(known.get(a.toLowerCase())!)]));
}

export interface MailOutcome {
  mailed: number;
  failed: number;
}

/** Mails the alert to each address that started before it was raised and does not have it yet. */
export async function mailAlert(email: AlertEmailDeps, since: Map<string, Date>, alert: AlertAnswer, raisedAt: Date, owner: string, logger: Logger): Promise<MailOutcome> {
  const outcome: MailOutcome = { mailed: 0, failed: 0 };
  const revision = alert.subject === 'anomaly' ? alert.revision : 1;
  for (const address of email.addresses) {
    if ((since.get(address)?.getTime() ?? Infinity) > raisedAt.getTime()) continue;
    if (!(await email.deliveries.claim(alert.alertKey, address, owner))) continue;
    let id: string;
    try {
      id = (await email.mailer.mailAlert(address, alert)).id;
    } catch (error) {
      outcome.failed++;
      logger.error({ err: error, address, alert: alert.alertKey }, 'Alert email not sent; released for the next run');
      await email.deliveries.release(alert.alertKey, address, owner, String((error as Error)?.message ?? error)).catch(() => undefined);
      continue;
    }
    await email.deliveries.markSent(alert.alertKey, address, owner, id, revision).catch((error: unknown) =>
      logger.error({ err: error, address, alert: alert.alertKey, id }, 'Alert email sent but not recorded as sent; it may be sent again once the claim is stale'));
    outcome.mailed++;
    logger.info({ address, alert: alert.alertKey, id }, 'Alert emailed');
  }
  return outcome;
}
