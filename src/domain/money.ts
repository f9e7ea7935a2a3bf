/**
 * Exact money. Amounts are integer nano-units (1e-9 of the currency unit) held as bigint.
 * Source values are parsed exactly at a finer scale (1e-18) so that summing many small
 * hourly rows before the single rounding step loses nothing.
 */

export type Nanos = bigint;

/** PENNY_CURRENCY when it is not set: the one place a currency is assumed. */
export const DEFAULT_CURRENCY = 'USD';

/** Scale used while accumulating raw source amounts. */
export const FINE_SCALE = 18;
export const NANO_SCALE = 9;
const FINE_PER_NANO = 10n ** BigInt(FINE_SCALE - NANO_SCALE);

const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?$/;

/**
 * Parses a decimal string ("12.5", "-0.00000080000", "1.5E-7") into an integer at `scale`
 * decimal places, rounding half-to-even past that. Returns undefined when it is not a number.
 */
export function parseDecimal(text: string, scale: number = FINE_SCALE): bigint | undefined {
  const m = DECIMAL.exec(text.trim());
  if (!m) return undefined;
  const [, sign, intPart = '', fracPart = '', expPart] = m;
  if (intPart === '' && fracPart === '') return undefined;
  const digits = (intPart + fracPart).replace(/^0+(?=\d)/, '') || '0';
  // value = digits * 10^(exp - fracLen); we want value * 10^scale.
  const shift = scale + Number(expPart ?? 0) - fracPart.length;
  let result: bigint;
  if (shift >= 0) {
    result = BigInt(digits) * 10n ** BigInt(shift);
  } else {
    result = divRoundHalfEven(BigInt(digits), 10n ** BigInt(-shift));
  }
  return sign === '-' ? -result : result;
}

/** Integer division of a non-negative or negative numerator, rounding half to even. */
export function divRoundHalfEven(numerator: bigint, divisor: bigint): bigint {
  if (divisor <= 0n) throw new RangeError('divisor must be positive');
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  let q = n / divisor;
  const r = n % divisor;
  const twice = r * 2n;
  if (twice > divisor || (twice === divisor && q % 2n === 1n)) q += 1n;
  return negative ? -q : q;
}

/** Rounds an amount at FINE_SCALE to nano-units. */
export function fineToNanos(fine: bigint): Nanos {
  return divRoundHalfEven(fine, FINE_PER_NANO);
}

/** Exact decimal string of a nano amount, trailing zeros trimmed: 1500000000n -> "1.5". */
export function nanosToDecimalString(nanos: Nanos): string {
  const negative = nanos < 0n;
  const abs = negative ? -nanos : nanos;
  const whole = abs / 10n ** BigInt(NANO_SCALE);
  const frac = (abs % 10n ** BigInt(NANO_SCALE)).toString().padStart(NANO_SCALE, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** Parses a decimal string straight to nanos (half-even). */
export function decimalToNanos(text: string): Nanos | undefined {
  return parseDecimal(text, NANO_SCALE);
}

/** Nanos as a JS number of currency units. For display and ratios only, never for sums. */
export function nanosToNumber(nanos: Nanos): number {
  return Number(nanos) / 1e9;
}

/** Rounds nanos to whole cents (half-even), still in nanos. */
export function roundToCents(nanos: Nanos): Nanos {
  return divRoundHalfEven(nanos, 10_000_000n) * 10_000_000n;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** "$1,234.57" style text, rounded for display only. Small non-zero amounts keep significant digits. */
export function formatMoney(nanos: Nanos, currency: string, options: { compact?: boolean } = {}): string {
  const value = nanosToNumber(nanos);
  const abs = Math.abs(value);
  const fractionDigits = abs !== 0 && abs < 0.01 ? 4 : 2;
  const key = `${currency}:${fractionDigits}:${options.compact ? 'c' : ''}`;
  let fmt = formatters.get(key);
  if (!fmt) {
    fmt = safeCurrencyFormatter(currency, fractionDigits, options.compact === true);
    formatters.set(key, fmt);
  }
  // Below what four decimals can show, say so rather than print a misleading zero.
  if (abs !== 0 && abs < 0.0001 && !options.compact) return `${value < 0 ? '-' : ''}<${fmt.format(0.0001)}`;
  return fmt.format(value);
}

function safeCurrencyFormatter(currency: string, digits: number, compact: boolean): Intl.NumberFormat {
  const base: Intl.NumberFormatOptions = compact
    ? { notation: 'compact', maximumFractionDigits: 1 }
    : { minimumFractionDigits: digits, maximumFractionDigits: digits };
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, ...base });
  } catch {
    // Unknown ISO code (e.g. a provider's internal currency): show the code instead of a symbol.
    return new Intl.NumberFormat('en-US', { ...base });
  }
}

/** Percentage change from `before` to `after`, or undefined when there is no base to compare with. */
export function percentChange(before: Nanos, after: Nanos): number | undefined {
  if (before === 0n) return undefined;
  const ratio = Number(((after - before) * 1_000_000n) / (before < 0n ? -before : before)) / 1_000_000;
  return ratio * 100;
}

export function sumNanos(values: Iterable<Nanos>): Nanos {
  let total = 0n;
  for (const v of values) total += v;
  return total;
}
