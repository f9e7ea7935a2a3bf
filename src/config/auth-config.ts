/**
 * Who may do what: API token keys (JWT) and the Slack users with a role beyond viewer.
 * Read with the core settings; an empty value counts as unset.
 */
import { z } from 'zod';

const optional = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));
const pem = (name: string) =>
  optional
    .transform((v) => v?.replace(/\\n/g, '\n').trim())
    .refine((v) => v === undefined || /-----BEGIN [A-Z ]*KEY-----/.test(v), `must be a PEM key (-----BEGIN … KEY-----); ${name}`);
const userList = optional.transform((v) => (v ? v.split(/[\s,]+/).filter(Boolean) : []));

export const authSchema = z.object({
  PENNY_JWT_SECRET: optional.refine((v) => v === undefined || v.length >= 32, 'must be at least 32 characters (256 bits) for HS256'),
  PENNY_JWT_PUBLIC_KEY: pem('an RSA or P-256 EC public key, for RS256 or ES256'),
  PENNY_JWT_PRIVATE_KEY: pem('the private key of PENNY_JWT_PUBLIC_KEY, for penny token create'),
  PENNY_JWT_AUDIENCE: optional.transform((v) => v ?? 'penny'),
  PENNY_ADMINS: userList,
  PENNY_FINANCE: userList,
});

export interface AuthConfig {
  jwtSecret?: string;
  jwtPublicKey?: string;
  jwtPrivateKey?: string;
  jwtAudience: string;
  /** Slack user ids who are Penny admins, besides workspace admins and owners. */
  admins: string[];
  /** Slack user ids with the finance role. */
  finance: string[];
}

export function toAuthConfig(c: z.infer<typeof authSchema>): AuthConfig {
  return {
    jwtSecret: c.PENNY_JWT_SECRET,
    jwtPublicKey: c.PENNY_JWT_PUBLIC_KEY,
    jwtPrivateKey: c.PENNY_JWT_PRIVATE_KEY,
    jwtAudience: c.PENNY_JWT_AUDIENCE,
    admins: c.PENNY_ADMINS,
    finance: c.PENNY_FINANCE,
  };
}

/** Both at once would leave it open which algorithm a token may use. */
export function authConflicts(c: z.infer<typeof authSchema>): { path: string; message: string }[] {
  return c.PENNY_JWT_SECRET && c.PENNY_JWT_PUBLIC_KEY ? [{ path: 'PENNY_JWT_PUBLIC_KEY', message: 'cannot be set together with PENNY_JWT_SECRET: choose HS256 (secret) or RS256/ES256 (key pair)' }] : [];
}
