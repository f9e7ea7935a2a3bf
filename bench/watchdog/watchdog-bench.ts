/**
 * The watchdog's sections of `npm run bench` (no database needed):
 *   anomaly   detection quality, Penny vs a 2σ z-score, tuning and held-out seeds
 *   scan      P4: latest-day scan of 10,000 series × 400 days
 *   forecast  month- and quarter-end backtests vs the run rate
 * and the table lines they print.
 */
import { cpus } from 'node:os';
import { REPORT_SEED, runDetectionBench, TUNING_SEED, type DetectionResult } from './detection-bench';
import { runForecastBench, type ForecastBenchResult, type ForecastSet } from './forecast-bench';
import { runScanBench, type ScanResult, type Timing } from './scan-bench';

export const WATCHDOG_SECTIONS = ['anomaly', 'scan', 'forecast'] as const;
export type WatchdogSection = (typeof WATCHDOG_SECTIONS)[number];

export interface WatchdogResult {
  /** When each section last ran (sections from earlier runs are kept in results.json). */
  sectionsAt: Partial<Record<WatchdogSection, string>>;
  node: string;
  cpus: number;
  anomaly?: DetectionResult;
  scan?: ScanResult;
  forecast?: ForecastBenchResult;
}

export interface WatchdogArgs {
  /** Series per seed in the detection bench. */
  series: number;
  /** Accounts (of 8 services) per seed in the forecast bench. */
  accounts: number;
}

const DAYS = 400;

export function runWatchdog(sections: Set<string>, args: WatchdogArgs, log: (line: string) => void): WatchdogResult {
  const result: WatchdogResult = { sectionsAt: {}, node: process.version, cpus: cpus().length };
  const now = () => new Date().toISOString();
  if (sections.has('anomaly')) {
    log(`anomaly: ${args.series} series × ${DAYS} days, seeds ${TUNING_SEED} (tuning) and ${REPORT_SEED} (held out)…`);
    result.sectionsAt.anomaly = now();
    result.anomaly = runDetectionBench({ series: args.series, days: DAYS });
  }
  if (sections.has('scan')) {
    log('scan: 10,000 series × 400 days…');
    result.sectionsAt.scan = now();
    result.scan = runScanBench({ series: 10_000, days: DAYS, runs: 5, fullHistorySeries: 1000 });
  }
  if (sections.has('forecast')) {
    log(`forecast: ${args.accounts} accounts per seed, 200 single services, the demo company…`);
    result.sectionsAt.forecast = now();
    result.forecast = runForecastBench({ accounts: args.accounts, services: 200, days: DAYS, seeds: [TUNING_SEED, REPORT_SEED] });
  }
  return result;
}

type Row = [string, string, string, string];
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const yes = (ok: boolean) => (ok ? 'yes' : 'NO');

export function watchdogRows(r: WatchdogResult): Row[] {
  const rows: Row[] = [];
  for (const run of r.anomaly?.runs ?? []) {
    const p = run.detectors['penny']!;
    const z = run.detectors['z-score 2σ']!;
    const zg = run.detectors['z-score 2σ + gates']!;
    const tag = `seed ${run.seed} (${run.role})`;
    rows.push([`W1 precision, ${tag}`, `Penny ${fmt(p.precision, 3)} · z-score ${fmt(z.precision, 3)} · z+gates ${fmt(zg.precision, 3)}`, '>= 0.9, above z', yes(p.precision >= 0.9 && p.precision > zg.precision)]);
    rows.push([`W1 recall, ${tag}`, `Penny ${fmt(p.recall, 3)} · z-score ${fmt(z.recall, 3)} · z+gates ${fmt(zg.recall, 3)} (${run.labels} labels)`, '>= 0.9', yes(p.recall >= 0.9)]);
    rows.push([`W1 false alarms / series-week, ${tag}`, `Penny ${fmt(p.falseAlarmsPerSeriesWeek, 4)} · z-score ${fmt(z.falseAlarmsPerSeriesWeek, 4)} · z+gates ${fmt(zg.falseAlarmsPerSeriesWeek, 4)}`, '<= 1 / account-week', yes(p.falseAlarmsPerSeriesWeek <= 1)]);
    const k = p.byKind;
    rows.push([
      `W1 days to detect (mean), ${tag}`,
      `Penny ${fmt(p.daysToDetect.mean, 2)} (spike ${fmt(k.spike.daysToDetect.mean, 1)}, shift ${fmt(k['level-shift'].daysToDetect.mean, 1)}, ramp ${fmt(k.ramp.daysToDetect.mean, 1)}, new ${fmt(k.new.daysToDetect.mean, 1)}) · z-score ${fmt(z.daysToDetect.mean, 2)}`,
      '',
      '',
    ]);
  }
  if (r.scan) {
    const s = r.scan;
    const t = (x: Timing) => `${fmt(x.median, 0)} ms median (CPU ${fmt(x.cpuMedian, 0)} ms), ${fmt(x.max, 0)} ms worst of ${s.runs}`;
    rows.push(['P4 scan, latest day of 10,000 × 400 (floats)', t(s.scanMs), '< 1 s', yes(s.scanMs.max < 1000)]);
    rows.push([`P4 scan incl. bigint → float, last ${s.lookbackDays + 1} days`, t(s.prepareWindowAndScanMs), '< 1 s', yes(s.prepareWindowAndScanMs.max < 1000)]);
    rows.push(['P4 scan incl. bigint → float, all 400 days', t(s.prepareAndScanMs), '< 1 s', yes(s.prepareAndScanMs.max < 1000)]);
    const h = s.fullHistory;
    rows.push(['P4 full-history scan (every day)', `${fmt(h.perEvaluationUs, 1)} µs a day-series; ${fmt(h.series)} series in ${fmt(h.ms / 1000, 1)} s (CPU ${fmt(h.cpuMs / 1000, 1)} s), 10,000 ≈ ${fmt(h.projectedMsForAll / 1000, 0)} s`, '', '']);
  }
  for (const set of r.forecast?.month ?? []) rows.push(...forecastRows('F1 month-end', set, true));
  for (const set of r.forecast?.quarter ?? []) rows.push(...forecastRows('F2 quarter-end', set, false));
  return rows;
}

function forecastRows(prefix: string, set: ForecastSet, goals: boolean): Row[] {
  const f = set.fromDay10;
  const days = prefix.startsWith('F1') ? [1, 5, 10, 15, 20, 25] : [1, 15, 30, 45, 60, 75];
  const byDay = set.byDay.filter((d) => days.includes(d.day)).map((d) => `d${d.day} ${fmt(d.mape, 1)}/${fmt(d.runRateMape, 1)}`).join(' ');
  return [
    [`${prefix} MAPE from day 10, ${set.name}`, `${fmt(f.mape, 2)}% (run rate ${fmt(f.runRateMape, 2)}%), ${fmt(f.forecasts)} forecasts`, goals ? '<= 5%, < run rate' : '', goals ? yes(f.mape <= 5 && f.mape < f.runRateMape) : ''],
    [`${prefix} 80% interval coverage, ${set.name}`, `${fmt(set.overall.coverage * 100, 1)}% (from day 10: ${fmt(f.coverage * 100, 1)}%)`, goals ? '75–85%' : '', goals ? yes(set.overall.coverage >= 0.75 && set.overall.coverage <= 0.85) : ''],
    [`${prefix} MAPE % by day (Penny/run rate)`, byDay, '', ''],
  ];
}
