/**
 * Forecast accuracy: the month-end (and quarter-end) forecast backtested on generated accounts
 * (each the total of 8 generated services, anomalies and month-start charges included) and on
 * the demo company's accounts, next to the naive run-rate forecast on the same days.
 * Figures pool every forecast of every account: MAPE by day of the month (forecasts made after
 * that many days of data) and the share of actual totals inside the 80% interval.
 */
import { backtestForecast, type BacktestResult, type BacktestSeries } from '../../src/domain/forecast/backtest';
import { DemoCostSource } from '../../src/sources/demo/demo-source';
import { addDays, type Day } from '../../src/domain/days';
import { dayFromNumber, dayNumber } from '../../src/domain/timeseries/day-number';
import { generateSeries } from './series-generator';

export interface PooledDay {
  day: number;
  forecasts: number;
  mape: number;
  runRateMape: number;
  coverage: number;
}

export interface ForecastSet {
  name: string;
  series: number;
  periods: number;
  byDay: PooledDay[];
  overall: Omit<PooledDay, 'day'>;
  /** Means over forecasts made from day 10 of the month on. */
  fromDay10: Omit<PooledDay, 'day'>;
}

export interface ForecastBenchResult {
  month: ForecastSet[];
  quarter: ForecastSet[];
  seconds: number;
}

const FIRST_DAY = '2025-01-06';

export function runForecastBench(options: { accounts: number; services?: number; days: number; seeds: number[]; demo?: boolean }): ForecastBenchResult {
  const started = process.hrtime.bigint();
  const month: ForecastSet[] = [];
  const quarter: ForecastSet[] = [];
  for (const seed of options.seeds) {
    const accounts = generatedAccounts(seed, options.accounts, options.days);
    month.push(pool(`generated accounts, seed ${seed}`, accounts.map((a) => backtestForecast(a, { period: 'month' }))));
    quarter.push(pool(`generated accounts, seed ${seed}`, accounts.map((a) => backtestForecast(a, { period: 'quarter' }))));
    if (options.services) {
      const services = generatedServices(seed, options.services, options.days);
      month.push(pool(`generated single services, seed ${seed}`, services.map((s) => backtestForecast(s, { period: 'month' }))));
    }
  }
  if (options.demo !== false) {
    const demo = demoAccounts(options.days);
    month.push(pool('demo company accounts', demo.map((a) => backtestForecast(a, { period: 'month' }))));
    quarter.push(pool('demo company accounts', demo.map((a) => backtestForecast(a, { period: 'quarter' }))));
  }
  return { month, quarter, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** Account totals of the detection generator's services (8 services an account). */
function generatedAccounts(seed: number, accounts: number, days: number): BacktestSeries[] {
  const perAccount = 8;
  const series = generateSeries({ seed, series: accounts * perAccount, days, firstDayNum: dayNumber(FIRST_DAY), perAccount });
  const out: BacktestSeries[] = [];
  for (let a = 0; a < accounts; a++) {
    const usage = new Array<bigint>(days).fill(0n);
    const nonUsage = new Array<bigint>(days).fill(0n);
    for (const s of series.slice(a * perAccount, (a + 1) * perAccount)) {
      for (let t = 0; t < days; t++) {
        usage[t] = usage[t]! + toNanos(s.usage[t]!);
        nonUsage[t] = nonUsage[t]! + toNanos(s.nonUsage[t]!);
      }
    }
    out.push({ start: FIRST_DAY, usage, nonUsage });
  }
  return out;
}

/** Single generated services (noisier than accounts; a change weighs its full size). */
function generatedServices(seed: number, count: number, days: number): BacktestSeries[] {
  const series = generateSeries({ seed, series: count, days, firstDayNum: dayNumber(FIRST_DAY) });
  return series.map((s) => ({ start: FIRST_DAY, usage: Array.from(s.usage, toNanos), nonUsage: Array.from(s.nonUsage, toNanos) }));
}

/** The demo source's daily totals per account (usage apart from purchases and credits). */
function demoAccounts(days: number): BacktestSeries[] {
  const anchor: Day = '2026-03-01';
  const start = addDays(anchor, -days);
  const source = new DemoCostSource(anchor);
  const byAccount = new Map<string, { usage: bigint[]; nonUsage: bigint[] }>();
  const startNum = dayNumber(start);
  for (let t = 0; t < days; t++) {
    const day = dayFromNumber(startNum + t);
    for (const r of source.recordsFor(day, new Date(`${anchor}T00:00:00Z`))) {
      let acc = byAccount.get(r.subAccountName);
      if (!acc) byAccount.set(r.subAccountName, (acc = { usage: new Array<bigint>(days).fill(0n), nonUsage: new Array<bigint>(days).fill(0n) }));
      const column = r.chargeCategory === 'usage' ? acc.usage : acc.nonUsage;
      column[t] = column[t]! + r.billed;
    }
  }
  return [...byAccount.values()].map((a) => ({ start, ...a }));
}

function pool(name: string, results: BacktestResult[]): ForecastSet {
  const days = new Map<number, { n: number; ape: number; rr: number; inside: number }>();
  for (const r of results) {
    for (const d of r.byDay) {
      const acc = days.get(d.day) ?? { n: 0, ape: 0, rr: 0, inside: 0 };
      acc.n += d.forecasts;
      acc.ape += d.mape * d.forecasts;
      acc.rr += d.runRateMape * d.forecasts;
      acc.inside += d.coverage * d.forecasts;
      days.set(d.day, acc);
    }
  }
  const byDay = [...days.entries()].sort((a, b) => a[0] - b[0]).map(([day, a]) => ({ day, forecasts: a.n, mape: a.ape / a.n, runRateMape: a.rr / a.n, coverage: a.inside / a.n }));
  return {
    name,
    series: results.length,
    periods: results.reduce((n, r) => n + r.periods, 0),
    byDay,
    overall: mean(byDay),
    fromDay10: mean(byDay.filter((d) => d.day >= 10)),
  };
}

function mean(days: PooledDay[]): Omit<PooledDay, 'day'> {
  const n = days.reduce((s, d) => s + d.forecasts, 0);
  const w = (f: (d: PooledDay) => number) => days.reduce((s, d) => s + f(d) * d.forecasts, 0) / n;
  return { forecasts: n, mape: w((d) => d.mape), runRateMape: w((d) => d.runRateMape), coverage: w((d) => d.coverage) };
}

function toNanos(units: number): bigint {
  return BigInt(Math.round(units * 100)) * 10_000_000n;
}
