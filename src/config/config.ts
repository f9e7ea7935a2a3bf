/**
 * Typed configuration, read from the environment once at start. This is the only module that
 * reads process.env. A bad value stops the program with a message naming the variable.
 */
import { z } from 'zod';
import { isValidTimeZone } from '../domain/days';
import { AppError } from '../domain/errors';

/** Sized for production: a query answers in well under 30 s; an import's bulk write may take longer. */
export const DEFAULT_DB_LIMITS: DbLimits = { connectMs: 10_000, queryMs: 30_000, writeMs: 120_000, leaseMs: 30_000, writeWaitMs: 600_000 };

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
  PENNY_DB_CONNECT_TIMEOUT_MS: millis(DEFAULT_DB_LIMITS.connectMs, 100, 600_000),
  PENNY_DB_QUERY_TIMEOUT_MS: millis(DEFAULT_DB_LIMITS.queryMs, 100, 3_600_000),
  PENNY_DB_WRITE_TIMEOUT_MS: millis(DEFAULT_DB_LIMITS.writeMs, 100, 3_600_000),
  PENNY_WRITE_LEASE_MS: millis(DEFAULT_DB_LIMITS.leaseMs, 1_000, 3_600_000),
  PENNY_WRITE_WAIT_MS: millis(DEFAULT_DB_LIMITS.writeWaitMs, 0, 86_400_000),
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
  db: DbLimits;
}

/** How long Penny waits on MongoDB, and how long a writer's lease lasts. */
export interface DbLimits {
  /** To find a server and open a connection. */
  connectMs: number;
  /** For one answer to a query or a small write. */
  queryMs: number;
  /** For one answer to a bulk write or a scan during an import or a repair. */
  writeMs: number;
  /** A writer's lease on the store; renewed while it works, so a dead writer blocks others this long at most. */
  leaseMs: number;
  /** How long a writer waits for another writer's lease before giving up. */
  writeWaitMs: number;
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
    db: {
      connectMs: c.PENNY_DB_CONNECT_TIMEOUT_MS,
      queryMs: c.PENNY_DB_QUERY_TIMEOUT_MS,
      writeMs: c.PENNY_DB_WRITE_TIMEOUT_MS,
      leaseMs: c.PENNY_WRITE_LEASE_MS,
      writeWaitMs: c.PENNY_WRITE_WAIT_MS,
    },
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
