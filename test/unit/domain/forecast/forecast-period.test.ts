import { addDays } from '../../../../src/domain/days';
import { backtestForecast } from '../../../../src/domain/forecast/backtest';
import { forecastPeriod, runRateForecast, toUnits, type ForecastInput } from '../../../../src/domain/forecast/forecast-period';
import { ForecastWorkspace } from '../../../../src/domain/forecast/forecast-workspace';
import { dayNumber } from '../../../../src/domain/timeseries/day-number';
import { DOLLAR, usd, weekday, wobble } from '../anomaly/series-builders';

const START = '2025-01-01';
const days = (n: number, f: (day: string, i: number) => number) => Array.from({ length: n }, (_, i) => usd(f(addDays(START, i), i)));
const MAY = { start: '2025-05-01', end: '2025-06-01' };

describe('forecastPeriod', () => {
  it('a flat $100 series: month-end exactly $3,100, a zero-width interval, and the path ends there', () => {
    const input: ForecastInput = { start: START, usage: days(130, () => 100), asOf: '2025-05-11', period: MAY };
    const f = forecastPeriod(input);
    expect(f.actualToDate).toBe(1000n * DOLLAR);
    expect(f.forecast).toBe(3100n * DOLLAR);
    expect([f.lower, f.upper]).toEqual([3100n * DOLLAR, 3100n * DOLLAR]);
    expect(f.path).toHaveLength(21);
    expect(f.path[0]).toEqual({ day: '2025-05-11', expected: 100n * DOLLAR, cumulative: 1100n * DOLLAR });
    expect(f.path[20]!.cumulative).toBe(f.forecast);
    expect(f.calibrated).toBe(true);
  });

  it('follows the weekly pattern: $100 weekdays and $40 weekends, day by day', () => {
    const pattern = (day: string) => (weekday(day) >= 5 ? 40 : 100);
    const f = forecastPeriod({ start: START, usage: days(130, pattern), asOf: '2025-05-11', period: MAY });
    let remaining = 0;
    for (let d = '2025-05-11'; d < '2025-06-01'; d = addDays(d, 1)) remaining += pattern(d);
    let toDate = 0;
    for (let d = '2025-05-01'; d < '2025-05-11'; d = addDays(d, 1)) toDate += pattern(d);
    expect(f.forecast).toBe(usd(toDate + remaining));
    expect(f.path.map((p) => p.expected)).toEqual(f.path.map((p) => usd(pattern(p.day))));
  });

  it('projects month-start purchases and fees on the months still to come, apart from usage', () => {
    const usage = days(130, (day) => (day.endsWith('-01') ? 600 : 100)); // a $500 fee billed as usage
    const nonUsage = days(130, (day) => (day.endsWith('-01') ? 3000 : 0)); // a monthly commitment purchase
    const quarter = { start: '2025-04-01', end: '2025-07-01' };
    const f = forecastPeriod({ start: START, usage, nonUsage, asOf: '2025-04-11', period: quarter });
    // April to date: 10 days of usage + the fee + the purchase; then May and June each bring both again.
    expect(f.actualToDate).toBe(usd(1000 + 500 + 3000));
    expect(f.remainingRecurring).toBe(usd(6000));
    expect(f.remainingUsage).toBe(usd(81 * 100 + 2 * 500));
    expect(f.forecast).toBe(usd(91 * 100 + 3 * 500 + 3 * 3000));
  });

  it('a period that has not started yet is all forecast', () => {
    const f = forecastPeriod({ start: START, usage: days(120, () => 100), asOf: '2025-04-25', period: MAY });
    expect(f.actualToDate).toBe(0n);
    expect(f.path[0]!.day).toBe('2025-05-01');
    expect(f.forecast).toBe(3100n * DOLLAR);
  });

  it('projects growth, damped: between the flat and the undamped extrapolation', () => {
    const growth = Math.log(1.02) / 7; // +2% a week, no noise
    const usage = days(130, (_d, i) => 100 * Math.exp(growth * i));
    const f = forecastPeriod({ start: START, usage, asOf: '2025-05-11', period: MAY });
    const origin = dayNumber('2025-05-11') - dayNumber(START);
    let flat = 0;
    let undamped = 0;
    for (let t = origin; t < origin + 21; t++) {
      flat += 100 * Math.exp(growth * (origin - 1));
      undamped += 100 * Math.exp(growth * t);
    }
    const remaining = Number(f.remainingUsage) / 1e9;
    expect(remaining).toBeGreaterThan(flat * 1.005);
    expect(remaining).toBeLessThan(undamped * 1.001);
  });

  it('calibrates its interval on noisy history, and falls back to a wide one without enough', () => {
    const noisy = days(200, (day, i) => (weekday(day) >= 5 ? 500 : 1000) * (1 + wobble(i, 0.1)));
    const june = { start: '2025-06-01', end: '2025-07-01' };
    const f = forecastPeriod({ start: START, usage: noisy, asOf: '2025-06-08', period: june });
    expect(f.calibrated).toBe(true);
    expect(f.calibrationSamples).toBeGreaterThan(100);
    expect(f.lower).toBeLessThan(f.forecast);
    expect(f.upper).toBeGreaterThan(f.forecast);
    const short = forecastPeriod({ start: '2025-05-01', usage: noisy.slice(0, 45), asOf: '2025-06-08', period: june });
    expect(short.calibrated).toBe(false);
    const remaining = Number(short.remainingUsage) / 1e9;
    expect(Number(short.upper - short.actualToDate) / 1e9).toBeCloseTo(remaining * 1.25, 1);
    expect(Number(short.lower - short.actualToDate) / 1e9).toBeCloseTo(remaining * 0.75, 1);
  });

  it('never looks at days on or after asOf: a workspace holding the whole series gives the same answer', () => {
    const noisy = days(300, (day, i) => (weekday(day) >= 5 ? 500 : 1000) * (1 + wobble(i, 0.1)) + (i > 200 ? 700 : 0));
    const input: ForecastInput = { start: START, usage: noisy, asOf: '2025-07-15', period: { start: '2025-07-01', end: '2025-10-01' } };
    const shared = new ForecastWorkspace(toUnits(noisy), dayNumber(START));
    expect(forecastPeriod(input, {}, shared)).toEqual(forecastPeriod(input));
  });
});

describe('runRateForecast', () => {
  it('is spend so far / days elapsed × days in the period, rounded half to even at the nano', () => {
    const usage = days(130, () => 100);
    expect(runRateForecast({ start: START, usage, asOf: '2025-05-11', period: MAY })).toBe(3100n * DOLLAR);
    const odd = [...usage];
    odd[120] = 100n * DOLLAR + 1n; // May 1st, one nano more: 1000.000000001 × 31 / 10
    expect(runRateForecast({ start: START, usage: odd, asOf: '2025-05-11', period: MAY })).toBe(3100n * DOLLAR + 3n);
  });

  it('counts non-usage charges, so a month-start purchase inflates it', () => {
    const nonUsage = days(130, (day) => (day === '2025-05-01' ? 3000 : 0));
    expect(runRateForecast({ start: START, usage: days(130, () => 100), nonUsage, asOf: '2025-05-11', period: MAY })).toBe(usd(4000 * 3.1));
  });

  it('has nothing to say before the period has a day of data', () => {
    expect(runRateForecast({ start: START, usage: days(130, () => 100), asOf: '2025-05-01', period: MAY })).toBeUndefined();
  });
});

describe('backtestForecast', () => {
  it('a flat series forecasts every month exactly and always inside its interval', () => {
    const r = backtestForecast({ start: START, usage: days(200, () => 100) }, { period: 'month' });
    expect(r.periods).toBe(4); // March to June: complete, with 56 days of history before
    expect(r.byDay.map((d) => d.day)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(r.overall).toMatchObject({ mape: 0, runRateMape: 0, coverage: 1, bias: 0 });
    expect(r.within80Pct).toBe(0);
  });

  it('beats the run rate when purchases land on the 1st', () => {
    const nonUsage = days(200, (day) => (day.endsWith('-01') ? 2000 : 0));
    const r = backtestForecast({ start: START, usage: days(200, () => 100), nonUsage }, { period: 'month' });
    expect(r.overall.mape).toBe(0);
    expect(r.byDay[0]!.runRateMape).toBeGreaterThan(100);
  });

  it('agrees with single forecasts made on the same day', () => {
    const usage = days(200, (day, i) => (weekday(day) >= 5 ? 300 : 900) * (1 + wobble(i, 0.08)));
    const r = backtestForecast({ start: START, usage }, { period: 'month', from: '2025-06-01' });
    const f = forecastPeriod({ start: START, usage, asOf: '2025-06-11', period: { start: '2025-06-01', end: '2025-07-01' } });
    let actual = 0n;
    for (let t = dayNumber('2025-06-01') - dayNumber(START); t < dayNumber('2025-07-01') - dayNumber(START); t++) actual += usage[t]!;
    const ape = Math.abs(Number(f.forecast - actual) / Number(actual)) * 100;
    expect(r.periods).toBe(1);
    expect(r.byDay.find((d) => d.day === 10)!.mape).toBeCloseTo(ape, 10);
    expect(r.within80Pct).toBeGreaterThan(0);
    expect(r.within80Pct).toBeLessThan(10);
  });
});
