/**
 * What makes a change worth a message, and how loud it is. Defaults suit account- and
 * service-level daily series; callers can override any field.
 */
import type { Nanos } from '../money';
import type { Severity } from './anomaly-types';

export interface DetectorOptions {
  /** Smallest actual − expected worth telling anyone about. */
  minImpact: Nanos;
  /** Smallest (actual − expected) / expected, in percent. */
  minDeviationPct: number;
  /** Smallest change measured in noise sigmas (robust z): keeps noisy series quiet. */
  minScore: number;
  severity: SeverityOptions;
}

export interface SeverityOptions {
  mediumImpact: Nanos;
  highImpact: Nanos;
  /** A change at least this large (percent) is one level louder. */
  highDeviationPct: number;
}

const DOLLAR = 1_000_000_000n;

export const DEFAULT_DETECTOR_OPTIONS: DetectorOptions = {
  minImpact: 50n * DOLLAR,
  minDeviationPct: 20,
  minScore: 4.5,
  severity: { mediumImpact: 250n * DOLLAR, highImpact: 1000n * DOLLAR, highDeviationPct: 100 },
};

export function detectorOptions(overrides: Partial<DetectorOptions> = {}): DetectorOptions {
  return { ...DEFAULT_DETECTOR_OPTIONS, ...overrides, severity: { ...DEFAULT_DETECTOR_OPTIONS.severity, ...overrides.severity } };
}

/** The gates in the float units the statistics use (currency units, fractions). */
export interface Gates {
  minImpact: number;
  minDeviation: number;
  minScore: number;
}

/** Gates scaled by a per-series multiplier (raised after "expected" feedback). */
export function gatesFor(options: DetectorOptions, multiplier = 1): Gates {
  const m = Number.isFinite(multiplier) && multiplier > 0 ? multiplier : 1;
  return {
    minImpact: (Number(options.minImpact) / 1e9) * m,
    minDeviation: (options.minDeviationPct / 100) * m,
    minScore: options.minScore * m,
  };
}

/**
 * high: a large dollar impact, or a medium one that at least doubles the spend.
 * medium: a medium dollar impact, or a doubling. low: anything else that passed the gates.
 * New spend (no deviation) counts as a doubling.
 */
export function severityOf(impact: Nanos, deviationPct: number | null, options: SeverityOptions): Severity {
  const doubled = deviationPct === null || deviationPct >= options.highDeviationPct;
  if (impact >= options.highImpact || (impact >= options.mediumImpact && doubled)) return 'high';
  if (impact >= options.mediumImpact || doubled) return 'medium';
  return 'low';
}
