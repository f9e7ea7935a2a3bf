/**
 * Typed configuration, read from the environment once at start. This is the only module that
 * reads process.env. A bad value stops the program with a message naming the variable.
 */
import { z } from 'zod';
import { isValidTimeZone } from '../domain/days';
import { AppError } from '../domain/errors';
import { authConflicts, authSchema, toAuthConfig, type AuthConfig } from './auth-config';
import { emailConflicts, emailSchema, toEmailConfig, type EmailConfig } from './email-config';

const coreSchema = z.object({
  MONGODB_URI: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^mongodb(\+srv)?:\/\//.test(v), 'must start with mongodb:// or mongodb+srv://'),
  PENNY_DATA_DIR: z.string().trim().min(1).default('.penny'),
  PENNY_TIMEZONE: z
    .string()
    .trim()
    .default('UTC')
    .refine(isValidTimeZone, 'must be an IANA time zone such as UTC or Europe/Berlin'),
  PENNY_CURRENCY: z
    .string()
    .trim()
    .default('USD')
    .refine((v) => /^[A-Z]{3}$/.test(v), 'must be a three-letter ISO currency code such as USD'),
  PENNY_FERRETDB_BIN: z.string().trim().optional(),
  PENNY_DIGEST_TIME: z
    .string()
    .trim()
    .default('09:00')
    .refine((v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), 'must be a 24-hour time HH:MM such as 09:00'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PENNY_QUERY_CACHE: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? Number(v.trim()) : 500))
    .refine((v) => Number.isInteger(v) && v >= 0, 'must be a whole number of cached answers (0 turns the cache off)'),
}).extend(authSchema.shape).extend(emailSchema.shape).superRefine((c, ctx) => {
  for (const { path, message } of [...authConflicts(c), ...emailConflicts(c)]) ctx.addIssue({ code: 'custom', path: [path], message });
});

export type CoreConfig = z.infer<typeof coreSchema>;

export interface Config {
  mongodbUri?: string;
  dataDir: string;
  timeZone: string;
  currency: string;
  ferretdbBin?: string;
  digestTime: string;
  logLevel: CoreConfig['LOG_LEVEL'];
  /** Answers kept in memory per instance (0: no cache). */
  queryCache: number;
  /** API tokens and roles (auth-config.ts). */
  auth: AuthConfig;
  /** Email, when SMTP_URL is set (email-config.ts). */
  email?: EmailConfig;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = coreSchema.safeParse(env);
  if (!parsed.success) throw configError(parsed.error);
  const c = parsed.data;
  return {
    mongodbUri: c.MONGODB_URI,
    dataDir: c.PENNY_DATA_DIR,
    timeZone: c.PENNY_TIMEZONE,
    currency: c.PENNY_CURRENCY,
    ferretdbBin: c.PENNY_FERRETDB_BIN || undefined,
    digestTime: c.PENNY_DIGEST_TIME,
    logLevel: c.LOG_LEVEL,
    queryCache: c.PENNY_QUERY_CACHE,
    auth: toAuthConfig(c),
    email: toEmailConfig(c),
  };
}

export function configError(error: z.ZodError): AppError {
  const lines = error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    const message = issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message;
    return `${name} ${message}`;
  });
  return new AppError('CONFIG_INVALID', `Invalid configuration: ${lines.join('; ')}.`, { detail: error.issues });
}
