/** Email settings (optional): SMTP_URL turns email on; the digest goes to PENNY_EMAIL_TO. */
import { z } from 'zod';

const optional = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

export const emailSchema = z.object({
  SMTP_URL: optional.refine((v) => v === undefined || /^smtps?:\/\/.+/.test(v), 'must be an smtp:// or smtps:// URL, like smtps://user:password@mail.example.com:465'),
  PENNY_EMAIL_FROM: optional.transform((v) => v ?? 'Penny <penny@localhost>'),
  PENNY_EMAIL_TO: optional.transform((v) => (v ? v.split(/[\s,;]+/).filter(Boolean) : [])).refine((list) => list.every((a) => /^[^@\s]+@[^@\s]+$/.test(a)), 'must be email addresses separated by commas'),
});

export interface EmailConfig {
  smtpUrl: string;
  from: string;
  to: string[];
}

export function toEmailConfig(c: z.infer<typeof emailSchema>): EmailConfig | undefined {
  return c.SMTP_URL ? { smtpUrl: c.SMTP_URL, from: c.PENNY_EMAIL_FROM, to: c.PENNY_EMAIL_TO } : undefined;
}

export function emailConflicts(c: z.infer<typeof emailSchema>): { path: string; message: string }[] {
  return c.SMTP_URL && c.PENNY_EMAIL_TO.length === 0 ? [{ path: 'PENNY_EMAIL_TO', message: 'is required when SMTP_URL is set (the addresses that get the digest)' }] : [];
}
