/**
 * Settings of recommendations and their jobs. An empty value counts as unset (its default applies).
 *   PENNY_NONPROD_TAG            tag keys=values that mark non-production ("env,environment=dev|test|staging")
 *   PENNY_COMMITMENT_DISCOUNT    percent a 1-year commitment discounts covered compute (25)
 *   PENNY_OFFICE_HOURS_PER_WEEK  hours a scheduled non-production resource still runs (60)
 *   PENNY_RECOMMEND_LOOKBACK_DAYS days the resource rules read (30)
 *   PENNY_RECOMMEND_MIN_SAVING   smallest monthly saving worth listing (1)
 *   PENNY_COST_RISE_PCT / PENNY_COST_RISE_MIN  a month-over-month rise worth a look (25%, 100)
 *   PENNY_RECOMMEND_TIME         daily refresh, HH:MM in PENNY_TIMEZONE (an hour after PENNY_SYNC_TIME)
 *   PENNY_RECOMMEND_WEEKLY       "digest" (new ones weekly to the digest channels, or PENNY_RECOMMEND_CHANNEL) or "off"
 *   PENNY_RECOMMEND_WEEKDAY      the weekly post's day (monday)
 */
import { z } from 'zod';
import { DEFAULT_ADVICE_SETTINGS, parseNonProductionTag, type AdviceSettings } from '../domain/advice/advice-settings';
import { decimalToNanos } from '../domain/money';

const unsetIfEmpty = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);
const num = (min: number, max: number) => z.preprocess(unsetIfEmpty, z.coerce.number().min(min).max(max).optional());
const amount = z.preprocess(unsetIfEmpty, z.string().refine((v) => decimalToNanos(v) !== undefined && decimalToNanos(v)! >= 0n, 'must be an amount such as 100 or 12.50').optional());
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

export const adviceSchema = z.object({
  PENNY_NONPROD_TAG: z.preprocess(unsetIfEmpty, z.string().refine((v) => parseNonProductionTag(v) !== undefined, 'must be KEY[,KEY]=VALUE[|VALUE], such as env,environment=dev|test|staging').optional()),
  PENNY_COMMITMENT_DISCOUNT: num(1, 90),
  PENNY_OFFICE_HOURS_PER_WEEK: num(1, 167),
  PENNY_RECOMMEND_LOOKBACK_DAYS: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(14).max(90).optional()),
  PENNY_RECOMMEND_MIN_SAVING: amount,
  PENNY_COST_RISE_PCT: num(1, 1000),
  PENNY_COST_RISE_MIN: amount,
  PENNY_RECOMMEND_TIME: z.preprocess(unsetIfEmpty, z.string().refine((v) => TIME.test(v), 'must be a 24-hour time HH:MM such as 07:00').optional()),
  PENNY_RECOMMEND_WEEKLY: z.preprocess(unsetIfEmpty, z.enum(['digest', 'off'], { message: 'must be digest or off' }).default('digest')),
  PENNY_RECOMMEND_CHANNEL: z.preprocess(unsetIfEmpty, z.string().regex(/^[CG][A-Z0-9]{6,}$/, 'must be a channel id such as C0123456789').optional()),
  PENNY_RECOMMEND_WEEKDAY: z.preprocess((v) => (typeof unsetIfEmpty(v) === 'string' ? (unsetIfEmpty(v) as string).toLowerCase() : undefined), z.enum(WEEKDAYS, { message: 'must be a day of the week such as monday' }).default('monday')),
});

export const ADVICE_VARIABLES = Object.keys(adviceSchema.shape);

export interface AdviceConfig {
  settings: AdviceSettings;
  /** Daily refresh time, HH:MM in PENNY_TIMEZONE. */
  refreshTime: string;
  weekly: 'digest' | 'off';
  /** Post the weekly list here instead of the digest channels. */
  channel?: string;
  weekday: (typeof WEEKDAYS)[number];
}

/** `syncTime` (PENNY_SYNC_TIME) places the default refresh an hour after the sync. */
export function toAdviceConfig(c: z.infer<typeof adviceSchema>, syncTime: string): AdviceConfig {
  const d = DEFAULT_ADVICE_SETTINGS;
  const settings: AdviceSettings = {
    ...d,
    lookbackDays: c.PENNY_RECOMMEND_LOOKBACK_DAYS ?? d.lookbackDays,
    nonProduction: {
      ...d.nonProduction,
      tag: c.PENNY_NONPROD_TAG ? parseNonProductionTag(c.PENNY_NONPROD_TAG)! : d.nonProduction.tag,
      scheduledHoursPerWeek: c.PENNY_OFFICE_HOURS_PER_WEEK ?? d.nonProduction.scheduledHoursPerWeek,
    },
    commitment: { ...d.commitment, discountPct: c.PENNY_COMMITMENT_DISCOUNT ?? d.commitment.discountPct },
    costRise: { minPct: c.PENNY_COST_RISE_PCT ?? d.costRise.minPct, minIncrease: c.PENNY_COST_RISE_MIN ? decimalToNanos(c.PENNY_COST_RISE_MIN)! : d.costRise.minIncrease },
    minMonthlySaving: c.PENNY_RECOMMEND_MIN_SAVING ? decimalToNanos(c.PENNY_RECOMMEND_MIN_SAVING)! : d.minMonthlySaving,
  };
  return {
    settings,
    refreshTime: c.PENNY_RECOMMEND_TIME ?? anHourAfter(syncTime),
    weekly: c.PENNY_RECOMMEND_WEEKLY,
    ...(c.PENNY_RECOMMEND_CHANNEL ? { channel: c.PENNY_RECOMMEND_CHANNEL } : {}),
    weekday: c.PENNY_RECOMMEND_WEEKDAY,
  };
}

function anHourAfter(time: string): string {
  const [h, m] = time.split(':').map(Number);
  return `${String(((h ?? 0) + 1) % 24).padStart(2, '0')}:${String(m ?? 0).padStart(2, '0')}`;
}
