/**
 * Typed configuration, read from the environment once at start. This is the only module that
 * reads process.env. A bad value stops the program with a message naming the variable.
 */
import { z } from 'zod';
import { isValidTimeZone } from '../domain/days';
import { AppError } from '../domain/errors';
import { DEFAULT_CURRENCY } from '../domain/money';
import { adviceSchema, toAdviceConfig, type AdviceConfig } from './advice-config';
import { cloudSchema, toCloudConfig, type CloudConfig } from './cloud-config';
import { DEFAULT_DB_LIMITS, type DbLimits } from '../ports/db-limits';
import { llmSettings, toLlmConfig, type LlmConfig } from './llm-config';
import { presentSettings } from './settings';
import { authConflicts, authSchema, toAuthConfig, type AuthConfig } from './auth-config';
import { emailConflicts, emailSchema, toEmailConfig, type EmailConfig } from './email-config';

export { DEFAULT_DB_LIMITS, type DbLimits };
import { toWatchdogConfig, watchdogSchema, type WatchdogConfig } from './watchdog-config';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];


/** A whole number of milliseconds within bounds; an empty value counts as unset. */
function millis(fallback: number, min: number, max: number) {
  return z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^\d+$/.test(v), 'must be a whole number of milliseconds')
    .transform((v) => (v ? Number(v) : fallback))
    .refine((n) => n >= min, `must be at least ${min} ms`)
    .refine((n) => n <= max, `must be at most ${max} ms`);
}

const coreShape = z.object({
  MONGODB_URI: z
    .string()
    .trim()
    .optional()
    .refine((v) => v === undefined || /^mongodb(\+srv)?:\/\//.test(v), 'must start with mongodb:// or mongodb+srv://'),
  PENNY_DATA_DIR: z.string().trim().default('.penny'),
  PENNY_TIMEZONE: z
    .string()
    .trim()
    .default('UTC')
    .refine(isValidTimeZone, 'must be an IANA time zone such as UTC or Europe/Berlin'),
  PENNY_CURRENCY: z
    .string()
    .trim()
    .default(DEFAULT_CURRENCY)
    .refine((v) => /^[A-Z]{3}$/.test(v), 'must be a three-letter ISO currency code such as USD'),
  PENNY_FERRETDB_BIN: z.string().trim().optional(),
  PENNY_DIGEST_TIME: z
    .string()
    .trim()
    .default('09:00')
    .refine((v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), 'must be a 24-hour time HH:MM such as 09:00'),
  LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
  PENNY_DB_CONNECT_TIMEOUT_MS: millis(DEFAULT_DB_LIMITS.connectMs, 100, 600_000),
  PENNY_DB_QUERY_TIMEOUT_MS: millis(DEFAULT_DB_LIMITS.queryMs, 100, 3_600_000),
  PENNY_DB_WRITE_TIMEOUT_MS: millis(DEFAULT_DB_LIMITS.writeMs, 100, 3_600_000),
  PENNY_WRITE_LEASE_MS: millis(DEFAULT_DB_LIMITS.leaseMs, 1_000, 3_600_000),
  PENNY_WRITE_WAIT_MS: millis(DEFAULT_DB_LIMITS.writeWaitMs, 0, 86_400_000),
  PENNY_QUERY_CACHE: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? Number(v.trim()) : 500))
    .refine((v) => Number.isInteger(v) && v >= 0, 'must be a whole number of cached answers (0 turns the cache off)'),
}).extend(authSchema.shape).extend(emailSchema.shape);

const coreSchema = coreShape.superRefine((c, ctx) => {
  for (const { path, message } of [...authConflicts(c), ...emailConflicts(c)]) ctx.addIssue({ code: 'custom', path: [path], message });
});

export type CoreConfig = z.infer<typeof coreSchema>;
/** The variables this module reads (a test checks each one for the empty-means-unset rule). */
export const CORE_VARIABLES = Object.keys(coreShape.shape);

export interface Config {
  mongodbUri?: string;
  dataDir: string;
  timeZone: string;
  currency: string;
  ferretdbBin?: string;
  digestTime: string;
  logLevel: LogLevel;
  cloud: CloudConfig;
  db: DbLimits;
  /** Answers kept in memory per instance (0: no cache). */
  queryCache: number;
  /** API tokens and roles (auth-config.ts). */
  auth: AuthConfig;
  /** Email, when SMTP_URL is set (email-config.ts). */
  email?: EmailConfig;
  /** The model for questions in people's words; absent without OPENAI_API_KEY. */
  llm?: LlmConfig;
  watchdog: WatchdogConfig;
  advice: AdviceConfig;
}


/** Defaults that differ by face: the app logs at info, the CLI only warnings (its output is the answer). */
export interface ConfigDefaults {
  logLevel?: LogLevel;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, defaults: ConfigDefaults = {}): Config {
  const parsed = coreSchema.safeParse(presentSettings(env));
  if (!parsed.success) throw configError(parsed.error);
  const cloud = cloudSchema.safeParse(presentSettings(env));
  if (!cloud.success) throw configError(cloud.error);
  const llm = llmSettings(env);
  if (!llm.success) throw configError(llm.error);
  const watchdog = watchdogSchema.safeParse(presentSettings(env));
  if (!watchdog.success) throw configError(watchdog.error);
  const advice = adviceSchema.safeParse(presentSettings(env));
  if (!advice.success) throw configError(advice.error);
  const c = parsed.data;
  return {
    mongodbUri: c.MONGODB_URI,
    dataDir: c.PENNY_DATA_DIR,
    timeZone: c.PENNY_TIMEZONE,
    currency: c.PENNY_CURRENCY,
    ferretdbBin: c.PENNY_FERRETDB_BIN,
    digestTime: c.PENNY_DIGEST_TIME,
    logLevel: c.LOG_LEVEL ?? defaults.logLevel ?? 'info',
    cloud: toCloudConfig(cloud.data),
    db: {
      connectMs: c.PENNY_DB_CONNECT_TIMEOUT_MS,
      queryMs: c.PENNY_DB_QUERY_TIMEOUT_MS,
      writeMs: c.PENNY_DB_WRITE_TIMEOUT_MS,
      leaseMs: c.PENNY_WRITE_LEASE_MS,
      writeWaitMs: c.PENNY_WRITE_WAIT_MS,
    },
    queryCache: c.PENNY_QUERY_CACHE,
    auth: toAuthConfig(c),
    email: toEmailConfig(c),
    ...(toLlmConfig(llm.data) ? { llm: toLlmConfig(llm.data) } : {}),
    watchdog: toWatchdogConfig(watchdog.data),
    advice: toAdviceConfig(advice.data, cloud.data.PENNY_SYNC_TIME),
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
