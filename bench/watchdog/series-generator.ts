/**
 * Seeded, labeled daily cost series for the watchdog benchmarks. Each series is one service in
 * one account: a level (log-uniform $50–$20,000 a day) with monthly growth, a weekly profile
 * (flat, business week, off at weekends, or irregular), log-normal day noise (2–12%), and
 * what real bills add around usage:
 *  - usage fees on the 1st of every month (20% of series): expected, never labeled;
 *  - non-usage charges (commitment purchases and credits on the 1st, tax on the last day, a
 *    one-off purchase): passed apart from usage, as the detector's input asks;
 *  - late revisions: the latest day is first reported incomplete (50–100% of its final value,
 *    60% of days) and completed the next day;
 *  - benign changes, unlabeled: short dips (3–10 days at 30–70%) and permanent drops.
 * Labeled anomalies are material by construction (at least $100 a day, twice the default dollar
 * gate): one-day spikes (+50%–400% of the level), level shifts (+30%–150%, lasting 14–120 days),
 * slow ramps (+40%–150% reached over 7–28 days) and new services (no history, $100–$5,000 a day).
 * Amounts are currency units rounded to cents.
 */
import type { AnomalyKind } from '../../src/domain/anomaly/anomaly-types';
import { SeededRandom } from './seeded-random';

export interface Label {
  kind: AnomalyKind;
  /** Index of the first anomalous day. */
  start: number;
  /** Last day index on which an alert still counts as a timely detection. */
  detectBy: number;
  /** End (exclusive) of the days a detector may keep alerting on without a false alarm. */
  effectEnd: number;
}

export interface LabeledSeries {
  id: number;
  account: number;
  usage: Float64Array;
  /** The value first reported for each day (late revisions complete it the next day). */
  preliminary: Float64Array;
  nonUsage: Float64Array;
  labels: Label[];
  /** What went into the series, for reading a false alarm: "sigma=0.05", "dip@120+6", … */
  traits: string[];
}

export interface GeneratorOptions {
  seed: number;
  series: number;
  days: number;
  /** First day, as a day number (days since 1970-01-01); fixes weekdays and month starts. */
  firstDayNum: number;
  /** Series per account (accounts are what the forecast bench totals). */
  perAccount?: number;
}

/** The detection bench judges days from here on; anomalies start at FIRST_LABEL or later. */
export const WARMUP_DAYS = 56;
const FIRST_LABEL = 70;
/** Alerts this long after a sustained change began may continue without being false alarms. */
const SETTLE_DAYS = 56;
const MIN_IMPACT = 100;

export function generateSeries(options: GeneratorOptions): LabeledSeries[] {
  const root = new SeededRandom(options.seed);
  return Array.from({ length: options.series }, (_, id) => oneSeries(root.fork(id + 1), id, options));
}

function oneSeries(rnd: SeededRandom, id: number, o: GeneratorOptions): LabeledSeries {
  const n = o.days;
  const base = rnd.logUniform(50, 20_000);
  const sigma = rnd.logUniform(0.02, 0.12);
  const growth = (0.015 + 0.02 * rnd.normal()) / 30;
  const profile = weeklyProfile(rnd);
  const traits = [`base=${base.toFixed(0)}`, `sigma=${sigma.toFixed(3)}`, `growth=${(growth * 30).toFixed(3)}`, `week=${profile.map((f) => f.toFixed(2)).join('/')}`];
  const level = new Float64Array(n);
  for (let t = 0; t < n; t++) level[t] = base * Math.exp(growth * (t - n));

  // Extra spend per day (additive, like resources left running), and multiplicative changes.
  const extra = new Float64Array(n);
  const factor = new Float64Array(n).fill(1);
  const labels: Label[] = [];
  const busy: [number, number][] = [];
  const free = (from: number, to: number) => busy.every(([a, b]) => to + 30 < a || from > b + 30);

  const isNew = rnd.chance(0.1);
  let firstDay = 0;
  if (isNew) {
    firstDay = rnd.int(FIRST_LABEL, n - 10);
    const spend = rnd.logUniform(100, 5000);
    for (let t = 0; t < n; t++) level[t] = spend * Math.exp(growth * (t - firstDay));
    labels.push({ kind: 'new', start: firstDay, detectBy: firstDay + 3, effectEnd: firstDay + SETTLE_DAYS });
    busy.push([firstDay, firstDay + SETTLE_DAYS]);
  }

  const anomalies = isNew ? 0 : rnd.chance(0.5) ? (rnd.chance(0.15) ? 2 : 1) : 0;
  for (let k = 0; k < anomalies; k++) {
    const roll = rnd.next();
    const kind: AnomalyKind = roll < 0.4 ? 'spike' : roll < 0.7 ? 'level-shift' : 'ramp';
    const start = rnd.int(FIRST_LABEL, n - 15);
    const length = kind === 'spike' ? 1 : kind === 'ramp' ? rnd.int(7, 28) : 0;
    const lasts = kind === 'spike' ? 1 : length + rnd.int(14, 120);
    if (!free(start, start + lasts)) continue;
    busy.push([start, start + lasts]);
    const rel = Math.max(kind === 'spike' ? rnd.logUniform(0.5, 4) : kind === 'ramp' ? rnd.logUniform(0.4, 1.5) : rnd.logUniform(0.3, 1.5), MIN_IMPACT / level[start]!);
    for (let t = start; t < Math.min(n, start + lasts); t++) {
      const ramp = kind === 'ramp' ? Math.min(1, (t - start + 1) / length) : 1;
      extra[t] = extra[t]! + rel * level[t]! * ramp;
    }
    const detectBy = start + (kind === 'spike' ? 0 : kind === 'ramp' ? length + 7 : 7);
    const effectEnd = kind === 'spike' ? start + 1 : Math.min(start + lasts, start + length + SETTLE_DAYS);
    labels.push({ kind, start, detectBy, effectEnd });
  }

  // Benign changes that should not alert: a short dip, or a permanent saving.
  if (!isNew && rnd.chance(0.08)) {
    const start = rnd.int(FIRST_LABEL - 20, n - 12);
    const days = rnd.int(3, 10);
    if (free(start, start + days + 28)) {
      busy.push([start, start + days + 28]);
      const depth = rnd.uniform(0.3, 0.7);
      for (let t = start; t < start + days; t++) factor[t] = depth;
      traits.push(`dip@${start}+${days}`);
    }
  }
  if (!isNew && rnd.chance(0.05)) {
    const start = rnd.int(FIRST_LABEL - 20, n - 12);
    if (free(start, start + 56)) {
      busy.push([start, start + 56]);
      const kept = rnd.uniform(0.5, 0.8);
      for (let t = start; t < n; t++) factor[t] = factor[t]! * kept;
      traits.push(`drop@${start}`);
    }
  }

  const monthlyFee = rnd.chance(0.2) ? base * rnd.uniform(0.5, 3) : 0;
  if (monthlyFee > 0) traits.push(`fee=${monthlyFee.toFixed(0)}`);
  const usage = new Float64Array(n);
  const preliminary = new Float64Array(n);
  for (let t = firstDay; t < n; t++) {
    const day = o.firstDayNum + t;
    const noise = Math.exp(sigma * rnd.normal() - (sigma * sigma) / 2);
    let value = level[t]! * profile[weekday(day)]! * noise * factor[t]! + extra[t]!;
    if (isNew && t === firstDay) value *= rnd.uniform(0.2, 1); // launched during the day
    if (monthlyFee > 0 && dayOfMonth(day) === 1) value += monthlyFee;
    usage[t] = cents(value);
    preliminary[t] = rnd.chance(0.6) ? cents(usage[t]! * rnd.uniform(0.5, 1)) : usage[t]!;
  }
  return { id, account: Math.floor(id / (o.perAccount ?? 8)), usage, preliminary, nonUsage: nonUsageCharges(rnd, base, firstDay, o), labels, traits };
}

/** Multipliers by weekday (Monday = 0), averaging about 1. */
function weeklyProfile(rnd: SeededRandom): number[] {
  const roll = rnd.next();
  if (roll < 0.35) return [1, 1, 1, 1, 1, 1, 1];
  if (roll < 0.75) {
    const weekend = rnd.uniform(0.4, 0.9);
    const monday = rnd.uniform(1, 1.3);
    return [monday, 1, 1, 1, 1, weekend, weekend];
  }
  if (roll < 0.85) return [1.4, 1.4, 1.4, 1.4, 1.4, 0.02, 0.02];
  return Array.from({ length: 7 }, () => rnd.uniform(0.8, 1.2));
}

function nonUsageCharges(rnd: SeededRandom, base: number, firstDay: number, o: GeneratorOptions): Float64Array {
  const out = new Float64Array(o.days);
  const purchase = rnd.chance(0.15) ? base * rnd.uniform(5, 30) : 0;
  const credit = rnd.chance(0.1) ? -base * rnd.uniform(1, 5) : 0;
  const tax = rnd.chance(0.1) ? base * rnd.uniform(1, 3) : 0;
  for (let t = firstDay; t < o.days; t++) {
    const day = o.firstDayNum + t;
    if (dayOfMonth(day) === 1) out[t] = cents(purchase + credit);
    if (dayOfMonth(day + 1) === 1) out[t] = out[t]! + cents(tax);
  }
  if (rnd.chance(0.05)) {
    const t = rnd.int(firstDay, o.days - 1);
    out[t] = out[t]! + cents(base * rnd.uniform(10, 50));
  }
  return out;
}

function weekday(dayNum: number): number {
  return (dayNum + 3) % 7;
}

function dayOfMonth(dayNum: number): number {
  return new Date(dayNum * 86_400_000).getUTCDate();
}

function cents(value: number): number {
  return Math.round(value * 100) / 100;
}
