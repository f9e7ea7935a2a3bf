/**
 * Email as a second way out for pushed answers (SMTP_URL): the digest, to all its addresses in
 * one email, and anomaly and budget alerts, one email per address (each address is claimed on
 * its own, so one that fails is retried alone). nodemailer sends each as HTML with a plain-text part.
 */
import { createTransport } from 'nodemailer';
import type { DigestAnswer } from '../answers/types';
import type { AlertAnswer } from '../answers/watchdog';
import type { Logger } from '../ports/logger';
import type { AlertMailer, Notifier } from '../ports/notifier';
import { alertEmail } from './alert-email';
import { digestEmail, type EmailContent } from './digest-email';

export interface EmailSettings {
  smtpUrl: string;
  from: string;
  to: string[];
}

export class EmailNotifier implements Notifier, AlertMailer {
  private readonly transport: ReturnType<typeof createTransport>;

  constructor(private readonly settings: EmailSettings, private readonly logger: Logger) {
    // Bounded, like every other push: a dead mail server must not hold a job for long.
    this.transport = createTransport({ url: settings.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  }

  /** The dispatcher's notifier contract; `channel` is the delivery key ("email"). */
  async postDigest(_channel: string, digest: DigestAnswer): Promise<{ ts: string }> {
    return { ts: await this.send(digestEmail(digest)) };
  }

  async mailAlert(address: string, alert: AlertAnswer): Promise<{ id: string }> {
    return { id: await this.send(alertEmail(alert), [address]) };
  }

  /** Any email-shaped answer, to the digest's addresses unless told; resolves with the message id. */
  async send(content: EmailContent, to: string[] = this.settings.to): Promise<string> {
    const info = await this.transport.sendMail({ from: this.settings.from, to, subject: content.subject, text: content.text, html: content.html });
    this.logger.info({ messageId: info.messageId, to: to.length }, 'email sent');
    return info.messageId;
  }

  close(): void {
    this.transport.close();
  }
}
