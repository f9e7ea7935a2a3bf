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
import { presentSettings } from './settings';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const coreSchema = z.object({
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
});

export type CoreConfig = z.infer<typeof coreSchema>;
/** The variables this module reads (a test checks each one for the empty-means-unset rule). */
export const CORE_VARIABLES = Object.keys(coreSchema.shape);

export interface Config {
  mongodbUri?: string;
  dataDir: string;
  timeZone: string;
  currency: string;
  ferretdbBin?: string;
  digestTime: string;
  logLevel: LogLevel;
  cloud: CloudConfig;
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
