/**
 * Settings of the watchdog (anomalies, budgets, forecasts). An empty value counts as unset.
 * PENNY_ANOMALY_MIN_IMPACT is in currency units (a decimal), PENNY_ANOMALY_MIN_PCT in percent.
 */
import { z } from 'zod';
import { decimalToNanos, type Nanos } from '../domain/money';

const unsetIfEmpty = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);

export const watchdogSchema = z.object({
  PENNY_ANOMALY_MIN_IMPACT: z.preprocess(
    unsetIfEmpty,
    z.string().default('50').refine((v) => /^\d+(\.\d{1,9})?$/.test(v), 'must be an amount in currency units, such as 50 or 12.5'),
  ),
  PENNY_ANOMALY_MIN_PCT: z.preprocess(unsetIfEmpty, z.coerce.number().min(0).max(10_000).default(20)),
  PENNY_ANOMALY_TAG_KEYS: z.preprocess(
    (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : []),
    z.array(z.string().max(200)).max(10, 'takes at most 10 tag keys'),
  ),
});

/** The variables this module reads. */
export const WATCHDOG_VARIABLES = Object.keys(watchdogSchema.shape);

export interface WatchdogConfig {
  /** Smallest daily dollar impact worth an alert (nanos). */
  minImpact: Nanos;
  /** Smallest deviation from the baseline worth an alert, in percent. */
  minDeviationPct: number;
  /** Tag keys whose values are watched as series of their own. */
  tagKeys: string[];
}

export function toWatchdogConfig(c: z.infer<typeof watchdogSchema>): WatchdogConfig {
  return { minImpact: decimalToNanos(c.PENNY_ANOMALY_MIN_IMPACT)!, minDeviationPct: c.PENNY_ANOMALY_MIN_PCT, tagKeys: [...new Set(c.PENNY_ANOMALY_TAG_KEYS)] };
}
