import { divRoundHalfEven, fineToNanos, formatMoney, nanosToDecimalString, parseDecimal, percentChange } from '../../../src/domain/money';

describe('parseDecimal', () => {
  it.each([
    ['0.00000080000', 800_000_000_000n],
    ['-2.61370000000', -2_613_700_000_000_000_000n],
    ['12', 12_000_000_000_000_000_000n],
    ['1.5E-7', 150_000_000_000n],
    ['1e3', 1000_000_000_000_000_000_000n],
    ['.5', 500_000_000_000_000_000n],
    ['+3.25', 3_250_000_000_000_000_000n],
  ])('reads %s exactly at 1e-18', (text, expected) => {
    expect(parseDecimal(text)).toBe(expected);
  });

  it.each(['', 'abc', '1.2.3', '1,5', '--1', 'NaN', '1e', '.'])('rejects %p', (text) => {
    expect(parseDecimal(text)).toBeUndefined();
  });

  it('rounds half to even past the scale', () => {
    expect(parseDecimal('0.0000000025', 9)).toBe(2n);
    expect(parseDecimal('0.0000000035', 9)).toBe(4n);
    expect(parseDecimal('-0.0000000025', 9)).toBe(-2n);
    expect(parseDecimal('0.00000000251', 9)).toBe(3n);
  });
});

describe('rounding and formatting', () => {
  it('divRoundHalfEven', () => {
    expect(divRoundHalfEven(5n, 2n)).toBe(2n);
    expect(divRoundHalfEven(7n, 2n)).toBe(4n);
    expect(divRoundHalfEven(-7n, 2n)).toBe(-4n);
    expect(() => divRoundHalfEven(1n, 0n)).toThrow();
  });

  it('fineToNanos loses nothing until the final rounding', () => {
    // a million rows of 0.0000000004 each: rounding each row to nanos would give 0
    const fine = parseDecimal('0.0000000004')! * 1_000_000n;
    expect(fineToNanos(fine)).toBe(400_000n);
  });

  it('prints exact decimal strings', () => {
    expect(nanosToDecimalString(20_520_226_737n)).toBe('20.520226737');
    expect(nanosToDecimalString(-1_500_000_000n)).toBe('-1.5');
    expect(nanosToDecimalString(0n)).toBe('0');
    expect(nanosToDecimalString(7n)).toBe('0.000000007');
  });

  it('formats money for people', () => {
    expect(formatMoney(1_234_567_000_000n, 'USD')).toBe('$1,234.57');
    expect(formatMoney(-2_613_700_000n, 'USD')).toBe('-$2.61');
    expect(formatMoney(800n, 'USD')).toBe('<$0.0001');
    expect(formatMoney(6_000_000n, 'EUR')).toBe('€0.0060');
    expect(formatMoney(16_000_000n, 'EUR')).toBe('€0.02');
    expect(formatMoney(5_000_000n, 'XYZ')).toMatch(/0\.0050/);
  });

  it('percentChange', () => {
    expect(percentChange(100n, 150n)).toBeCloseTo(50);
    expect(percentChange(100n, 50n)).toBeCloseTo(-50);
    expect(percentChange(0n, 50n)).toBeUndefined();
    expect(percentChange(-100n, -50n)).toBeCloseTo(50);
  });
});
