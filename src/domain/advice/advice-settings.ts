/**
 * The thresholds of the recommendation rules. Defaults are chosen so that a rule fires on data
 * that shows its pattern clearly and stays quiet otherwise; config (PENNY_RECOMMEND_*,
 * PENNY_NONPROD_TAG, PENNY_COMMITMENT_DISCOUNT) overrides the ones people tune.
 */
import type { Nanos } from '../money';

export interface NonProductionTag {
  /** Tag keys that say the environment ("env", "environment"); matched case-insensitively. */
  keys: string[];
  /** Values that mean non-production ("dev", "test", "staging"); matched case-insensitively. */
  values: string[];
}

export interface AdviceSettings {
  /** Days before as-of the resource rules read. */
  lookbackDays: number;
  idle: {
    /** Consecutive days a cost must stay flat. */
    minDays: number;
    /** How far apart the highest and lowest day may be, in percent of the mean. */
    tolerancePct: number;
  };
  nonProduction: {
    tag: NonProductionTag;
    /** Weekend days cost at least this share of weekdays: it runs through weekends. */
    minWeekendRatio: number;
    minWeekdays: number;
    minWeekendDays: number;
    /** Hours a week a scheduled resource would still run (12 h × 5 days). */
    scheduledHoursPerWeek: number;
  };
  commitment: {
    /** Discount a commitment gives on the usage it covers, in percent (1-year, no upfront). */
    discountPct: number;
    /** The baseline is this low percentile of daily on-demand spend. */
    baselinePercentile: number;
    /** Fires only when the baseline is at least this share of the average day (steady spend). */
    minSteadyShare: number;
    minDays: number;
  };
  costRise: {
    minPct: number;
    minIncrease: Nanos;
  };
  renewals: {
    /** How far ahead a renewal or expiry counts as soon. */
    withinDays: number;
    /** Purchases below this are not worth a reminder. */
    minPurchase: Nanos;
  };
  /** Savings below this a month are not worth anyone's time. */
  minMonthlySaving: Nanos;
}

export const DEFAULT_NONPROD_TAG: NonProductionTag = { keys: ['env', 'environment'], values: ['dev', 'development', 'test', 'testing', 'qa', 'staging', 'sandbox'] };

const units = (n: number): Nanos => BigInt(n) * 1_000_000_000n;

export const DEFAULT_ADVICE_SETTINGS: AdviceSettings = {
  lookbackDays: 30,
  idle: { minDays: 14, tolerancePct: 2 },
  nonProduction: { tag: DEFAULT_NONPROD_TAG, minWeekendRatio: 0.7, minWeekdays: 5, minWeekendDays: 2, scheduledHoursPerWeek: 60 },
  commitment: { discountPct: 25, baselinePercentile: 10, minSteadyShare: 0.4, minDays: 21 },
  costRise: { minPct: 25, minIncrease: units(100) },
  renewals: { withinDays: 30, minPurchase: units(100) },
  minMonthlySaving: units(1),
};

/**
 * Reads "env,environment=dev|test|staging": keys before "=", values after, "|" or "," between.
 * Undefined when the text has no "=" or leaves a side empty.
 */
export function parseNonProductionTag(text: string): NonProductionTag | undefined {
  const at = text.indexOf('=');
  if (at <= 0) return undefined;
  const split = (s: string) => s.split(/[|,]/).map((v) => v.trim()).filter(Boolean);
  const keys = split(text.slice(0, at));
  const values = split(text.slice(at + 1));
  return keys.length > 0 && values.length > 0 ? { keys, values } : undefined;
}

/** The tag that marked a resource non-production ("env=dev"), or undefined. */
export function nonProductionTagOf(tags: Record<string, string>, rule: NonProductionTag): string | undefined {
  const keys = new Set(rule.keys.map((k) => k.toLowerCase()));
  const values = new Set(rule.values.map((v) => v.toLowerCase()));
  for (const [k, v] of Object.entries(tags)) if (keys.has(k.toLowerCase()) && values.has(v.trim().toLowerCase())) return `${k}=${v}`;
  return undefined;
}
