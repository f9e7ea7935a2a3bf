/**
 * Email settings (optional): SMTP_URL turns email on; the digest goes to PENNY_EMAIL_TO, anomaly
 * and budget alerts to PENNY_ALERT_EMAIL_TO (by default the same addresses; `off` for none).
 */
import { z } from 'zod';

const optional = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

const ADDRESS = /^[^@\s]+@[^@\s]+$/;
const addressList = (v: string) => v.split(/[\s,;]+/).filter(Boolean);
const ADDRESSES_MESSAGE = 'must be email addresses separated by commas';

export const emailSchema = z.object({
  SMTP_URL: optional.refine((v) => v === undefined || /^smtps?:\/\/.+/.test(v), 'must be an smtp:// or smtps:// URL, like smtps://user:password@mail.example.com:465'),
  PENNY_EMAIL_FROM: optional.transform((v) => v ?? 'Penny <penny@localhost>'),
  PENNY_EMAIL_TO: optional.transform((v) => (v ? addressList(v) : [])).refine((list) => list.every((a) => ADDRESS.test(a)), ADDRESSES_MESSAGE),
  // Unset: the digest's addresses. "off": no alert email while the digest still goes out.
  PENNY_ALERT_EMAIL_TO: optional
    .transform((v) => (v === undefined ? undefined : /^(off|none)$/i.test(v) ? [] : addressList(v)))
    .refine((list) => list === undefined || list.every((a) => ADDRESS.test(a)), `${ADDRESSES_MESSAGE}, or off`),
});

export interface EmailConfig {
  smtpUrl: string;
  from: string;
  /** Who gets the daily digest (none: no digest email). */
  to: string[];
  /** Who gets anomaly and budget alerts, each address its own email. */
  alertTo: string[];
}

export function toEmailConfig(c: z.infer<typeof emailSchema>): EmailConfig | undefined {
  return c.SMTP_URL ? { smtpUrl: c.SMTP_URL, from: c.PENNY_EMAIL_FROM, to: c.PENNY_EMAIL_TO, alertTo: c.PENNY_ALERT_EMAIL_TO ?? c.PENNY_EMAIL_TO } : undefined;
}

export function emailConflicts(c: z.infer<typeof emailSchema>): { path: string; message: string }[] {
  if (!c.SMTP_URL || c.PENNY_EMAIL_TO.length > 0 || (c.PENNY_ALERT_EMAIL_TO?.length ?? 0) > 0) return [];
  return [{ path: 'PENNY_EMAIL_TO', message: 'is required when SMTP_URL is set (the addresses that get the digest and, unless PENNY_ALERT_EMAIL_TO says otherwise, the alerts)' }];
}
