/**
 * Email as a second way out for pushed answers (SMTP_URL): the digest today, and anomaly and
 * budget alerts once those exist. nodemailer sends each as HTML with a plain-text part.
 */
import { createTransport } from 'nodemailer';
import type { DigestAnswer } from '../answers/types';
import type { Logger } from '../ports/logger';
import { digestEmail, type EmailContent } from './digest-email';

export interface EmailSettings {
  smtpUrl: string;
  from: string;
  to: string[];
}

export class EmailNotifier {
  private readonly transport: ReturnType<typeof createTransport>;

  constructor(private readonly settings: EmailSettings, private readonly logger: Logger) {
    // Bounded, like every other push: a dead mail server must not hold a job for long.
    this.transport = createTransport({ url: settings.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  }

  /** The dispatcher's notifier contract; `channel` is the delivery key ("email"). */
  async postDigest(_channel: string, digest: DigestAnswer): Promise<{ ts: string }> {
    return { ts: await this.send(digestEmail(digest)) };
  }

  /** Any email-shaped answer (alerts later); resolves with the message id. */
  async send(content: EmailContent): Promise<string> {
    const info = await this.transport.sendMail({ from: this.settings.from, to: this.settings.to, subject: content.subject, text: content.text, html: content.html });
    this.logger.info({ messageId: info.messageId, to: this.settings.to.length }, 'email sent');
    return info.messageId;
  }

  close(): void {
    this.transport.close();
  }
}
