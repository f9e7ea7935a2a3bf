/**
 * Pushes answers to people: jobs hand a Digest or an Alert to a Notifier, and an adapter
 * renders and posts it (Slack), or mails it (email).
 */
import type { DigestAnswer } from '../answers/types';
import type { AlertAnswer } from '../answers/watchdog';

export interface Notifier {
  /** Posts a channel's daily digest; resolves with the message id. Gives up in bounded time. */
  postDigest(channel: string, digest: DigestAnswer): Promise<{ ts: string }>;
}

/** Alerts: one message per anomaly or budget threshold, changed in place, never posted twice. */
export interface AlertNotifier {
  postAlert(channel: string, alert: AlertAnswer): Promise<{ ts: string }>;
  /** Re-renders the message (revised numbers, feedback). */
  updateAlert(channel: string, ts: string, alert: AlertAnswer): Promise<void>;
  /** Marks the message retracted: the revised data no longer shows the anomaly. */
  retractAlert(channel: string, ts: string, alert: AlertAnswer): Promise<void>;
}

/** Alerts by email: one message per alert and address; email cannot be changed once sent. */
export interface AlertMailer {
  /** Sends the alert to one address; resolves with the message id. Gives up in bounded time. */
  mailAlert(address: string, alert: AlertAnswer): Promise<{ id: string }>;
}
