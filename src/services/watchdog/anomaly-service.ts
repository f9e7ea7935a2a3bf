/**
 * Anomaly detection over the store: the total and every provider, account and service (and the
 * values of configured tag keys), judged on usage only, with per-series tuning from feedback.
 *
 * scan(asOf) is what the daily job runs. It looks at the two days before asOf (the latest is
 * usually incomplete, the one before still settling): events raised in the last REVISE_DAYS are
 * re-judged on revised data (changed or retracted, with hysteresis), and an anomaly on a day
 * without an event either continues its series' latest event (one change, one message) or
 * creates a new one. Creating an event is a unique insert, so two instances never raise it twice.
 * list(range, asOf) answers from scratch for reports: the latest day of each event in the range.
 */
import { continuesEvent } from '../../domain/anomaly/event-grouping';
import { detectAnomalies, detectAnomalyOn, DETECTION_LOOKBACK_DAYS, expectedOn, prepareSeries } from '../../domain/anomaly/detect';
import type { Anomaly } from '../../domain/anomaly/anomaly-types';
import type { DetectorOptions } from '../../domain/anomaly/detector-options';
import { reevaluateAnomaly } from '../../domain/anomaly/reevaluate';
import { thresholdMultiplier, type SeriesTuning } from '../../domain/anomaly/series-tuning';
import { ancestorKeys, childScope, insideFilter, levelsInside, scopeFilters, scopeText, seriesKey, type SeriesFilter, type SeriesScope } from '../../domain/anomaly/series-scope';
import { addDays, type DateRange, type Day } from '../../domain/days';
import type { Nanos } from '../../domain/money';
import type { AnomaliesAnswer, AnomalyView } from '../../answers/watchdog';
import type { AnomalyEvent, AnomalyEvents, SeriesTunings } from '../../ports/alerts';
import type { Clock } from '../../ports/clock';
import { driversOf } from './anomaly-drivers';
import type { DailySeries, SeriesLoader } from './series-loader';
import { baselineChart, periodLabel } from './watchdog-present';

/** How far back raised events are re-judged when their days are revised. */
export const REVISE_DAYS = 7;
const CHART_DAYS = 28;
const LIST_LIMIT = 50;

export interface AnomalySettings {
  minImpact: Nanos;
  minDeviationPct: number;
  tagKeys: string[];
}

export interface AnomalyServiceDeps {
  loader: SeriesLoader;
  events: AnomalyEvents;
  tunings: SeriesTunings;
  clock: Clock;
  settings: AnomalySettings;
  defaultCurrency: string;
}

export interface JudgedSeries {
  key: string;
  scope: SeriesScope;
  label: string;
  series: DailySeries;
}

export interface ScanResult {
  created: AnomalyEvent[];
  updated: AnomalyEvent[];
}

export class AnomalyService {
  constructor(private readonly deps: AnomalyServiceDeps) {}

  private get options(): Partial<DetectorOptions> {
    return { minImpact: this.deps.settings.minImpact, minDeviationPct: this.deps.settings.minDeviationPct };
  }

  async scan(asOf: Day, onProgress: () => Promise<void> = async () => undefined): Promise<ScanResult> {
    const range = { start: addDays(asOf, -(DETECTION_LOOKBACK_DAYS + REVISE_DAYS + 1)), end: asOf };
    const currency = (await this.deps.loader.currency(range)) ?? this.deps.defaultCurrency;
    const all = await this.allSeries(range, currency);
    const tunings = await this.deps.tunings.all();
    const now = this.deps.clock.now();
    const result: ScanResult = { created: [], updated: [] };
    const judged = new Set<string>();
    for (const event of await this.deps.events.inRange({ start: addDays(asOf, -REVISE_DAYS), end: asOf })) {
      const s = all.get(event.seriesKey);
      if (!s || event.status === 'retracted') continue;
      judged.add(`${event.seriesKey}|${event.anomaly.day}`);
      const verdict = reevaluateAnomaly(event.anomaly, s.series, this.options, { thresholdMultiplier: event.thresholdMultiplier ?? 1 });
      if (verdict.verdict === 'stands') continue;
      const patch = verdict.verdict === 'retracted'
        ? { anomaly: event.anomaly, drivers: event.drivers, chart: event.chart, status: 'retracted' as const }
        : { ...(await this.judgement(s, verdict.anomaly, currency)), status: 'open' as const };
      const revised = await this.deps.events.revise(event.id, patch, now);
      if (revised) result.updated.push(revised);
      await onProgress();
    }
    for (const day of [addDays(asOf, -2), addDays(asOf, -1)]) {
      const found: Found[] = [];
      for (const s of all.values()) {
        if (judged.has(`${s.key}|${day}`)) continue;
        const anomaly = detectAnomalyOn(s.series, day, this.options, tunings.get(s.key));
        if (anomaly) found.push({ s, anomaly });
      }
      const raised = new Set([...judged].filter((k) => k.endsWith(`|${day}`)).map((k) => k.slice(0, -day.length - 1)));
      for (const { s, anomaly } of outermost(found, raised)) {
        const outcome = await this.record(s, anomaly, currency, now, tunings.get(s.key));
        if (outcome) result[outcome.created ? 'created' : 'updated'].push(outcome.event);
        await onProgress();
      }
    }
    return result;
  }

  /** A new anomaly continues its series' latest event (the message is updated) or starts one. */
  private async record(s: JudgedSeries, anomaly: Anomaly, currency: string, now: Date, tuning: SeriesTuning | undefined): Promise<{ event: AnomalyEvent; created: boolean } | undefined> {
    const latest = await this.deps.events.latestOf(s.key, addDays(anomaly.day, -30));
    if (latest && continuesEvent(latest.anomaly.day, anomaly)) {
      if (anomaly.day < latest.anomaly.day) return undefined;
      const revised = await this.deps.events.revise(latest.id, { ...(await this.judgement(s, anomaly, currency)), status: 'open' }, now);
      return revised && { event: revised, created: false };
    }
    const event: AnomalyEvent = {
      id: `${s.key}|${anomaly.startDay}`, seriesKey: s.key, scope: s.scope, scopeText: s.label, currency,
      ...(await this.judgement(s, anomaly, currency)), status: 'open', revision: 1, feedback: [], createdAt: now, updatedAt: now,
      thresholdMultiplier: thresholdMultiplier(tuning),
    };
    return (await this.deps.events.create(event)) ? { event, created: true } : undefined;
  }

  private async judgement(s: JudgedSeries, anomaly: Anomaly, currency: string): Promise<Pick<AnomalyEvent, 'anomaly' | 'drivers' | 'chart'>> {
    const prepared = prepareSeries(s.series);
    const chart = baselineChart(`${s.label} · daily usage and expected`, s.series, (d) => expectedOn(prepared, d), addDays(anomaly.day, 1), CHART_DAYS, currency);
    return { anomaly, drivers: await driversOf(this.deps.loader, s.scope, anomaly, currency), chart };
  }

  /** Raised events whose latest day is in the range (what the job delivers and keeps current). */
  recentEvents(range: DateRange): Promise<AnomalyEvent[]> {
    return this.deps.events.inRange(range);
  }

  /** The tag keys whose values are judged as series of their own. */
  judgedTagKeys(): readonly string[] {
    return this.deps.settings.tagKeys;
  }

  /**
   * Anomalies with days in `range` before `asOf`, judged from the days before each: one entry per
   * event. With `within`, only series inside that part of the costs count, so the outermost of
   * those speaks for it (the total's spike driven by AWS is AWS's spike when AWS is asked about).
   */
  async list(range: DateRange, asOf: Day, within?: SeriesFilter): Promise<AnomaliesAnswer> {
    const end = range.end < asOf ? range.end : asOf;
    const judged: DateRange = { start: range.start, end: end > range.start ? end : range.start };
    const load = { start: addDays(judged.start, -DETECTION_LOOKBACK_DAYS), end: judged.end };
    const currency = (await this.deps.loader.currency(load)) ?? this.deps.defaultCurrency;
    const tunings = await this.deps.tunings.all();
    const detected: Found[] = [];
    for (const s of (await this.allSeries(load, currency, within)).values()) {
      if (within && !insideFilter(s.scope, within)) continue;
      for (const anomaly of detectAnomalies(s.series, judged, this.options, withoutMute(tunings.get(s.key)))) detected.push({ s, anomaly });
    }
    const found: Found[] = [];
    const bySeries = new Map<string, Anomaly[]>();
    for (const day of new Set(detected.map((d) => d.anomaly.day))) {
      for (const { s, anomaly } of outermost(detected.filter((d) => d.anomaly.day === day), new Set())) bySeries.set(s.key, [...(bySeries.get(s.key) ?? []), anomaly]);
    }
    for (const [key, anomalies] of bySeries) {
      const s = detected.find((d) => d.s.key === key)!.s;
      let current: Anomaly | undefined;
      for (const anomaly of anomalies.sort((a, b) => a.day.localeCompare(b.day))) {
        if (current && continuesEvent(current.day, anomaly)) {
          current = { ...anomaly, startDay: current.startDay < anomaly.startDay ? current.startDay : anomaly.startDay };
          continue;
        }
        if (current) found.push({ s, anomaly: current });
        current = anomaly;
      }
      if (current) found.push({ s, anomaly: current });
    }
    found.sort((a, b) => a.anomaly.day.localeCompare(b.anomaly.day) || (b.anomaly.impact > a.anomaly.impact ? 1 : -1));
    const anomalies: AnomalyView[] = [];
    for (const { s, anomaly } of found.slice(-LIST_LIMIT)) {
      anomalies.push(viewOf({ id: `${s.key}|${anomaly.startDay}`, scope: s.scope, scopeText: s.label, currency, anomaly, drivers: await driversOf(this.deps.loader, s.scope, anomaly, currency), status: 'open', feedback: [] }));
    }
    return { kind: 'anomalies', range: judged, rangeLabel: periodLabel(range), anomalies, actions: [] };
  }

  /**
   * The series the watchdog judges, by key: usage only (the rest is never judged). Accounts and
   * services are split once across providers and told apart by the provider they belong to; a
   * key two providers share is read per provider.
   */
  async allSeries(range: DateRange, currency: string, within?: SeriesFilter): Promise<Map<string, JudgedSeries>> {
    const { loader } = this.deps;
    const usageOnly = { usageOnly: true };
    const out = new Map<string, JudgedSeries>();
    const add = (scope: SeriesScope, series: DailySeries, name?: string) => out.set(seriesKey(scope), { key: seriesKey(scope), scope, label: scopeText(scope, name), series });
    // Within a part of the costs, levels that cannot hold a series inside it are not read at all.
    const levels = levelsInside(within);
    if (levels.has('total')) add({}, await loader.series({}, range, currency, usageOnly));
    const needProviders = levels.has('provider') || levels.has('account') || levels.has('service');
    const providers = needProviders ? await loader.split({}, 'provider', range, currency, usageOnly) : [];
    if (levels.has('provider')) for (const p of providers) add(childScope({}, 'provider', p.key), p.series);
    for (const dim of (['account', 'service'] as const).filter((d) => levels.has(d))) {
      const owners = await loader.providersOf(dim, providers.map((p) => p.key), range, currency);
      for (const g of await loader.split({}, dim, range, currency, usageOnly)) {
        const ps = owners.get(g.key) ?? [];
        if (g.key === '' || ps.length === 0) continue;
        if (ps.length === 1) {
          add(childScope({ provider: ps[0] }, dim, g.key), g.series, g.label);
          continue;
        }
        for (const provider of ps) {
          const scope = childScope({ provider }, dim, g.key);
          add(scope, await loader.series(scopeFilters(scope), range, currency, usageOnly), g.label);
        }
      }
    }
    for (const key of levels.has('tag') ? this.deps.settings.tagKeys.filter((k) => !within?.tags?.length || within.tags.some((t) => t.key === k)) : []) {
      for (const g of await loader.split({}, `tag:${key}`, range, currency, usageOnly)) if (g.key !== '') add(childScope({}, `tag:${key}`, g.key), g.series);
    }
    return out;
  }
}

interface Found {
  s: JudgedSeries;
  anomaly: Anomaly;
}

/**
 * One change, one message, also across the hierarchy: an account's or service's anomaly on a day
 * its provider (or the total) is anomalous too is left to the outer one, whose drivers name it.
 */
function outermost(found: Found[], alsoAnomalous: Set<string>): Found[] {
  const keys = new Set([...alsoAnomalous, ...found.map((f) => f.s.key)]);
  return found.filter((f) => !ancestorKeys(f.s.scope).some((k) => keys.has(k)));
}

/** A report shows what happened, whatever was snoozed since; raised thresholds still apply. */
function withoutMute(tuning: SeriesTuning | undefined): SeriesTuning | undefined {
  return tuning?.thresholdMultiplier !== undefined ? { thresholdMultiplier: tuning.thresholdMultiplier } : undefined;
}

export function viewOf(e: Pick<AnomalyEvent, 'id' | 'scope' | 'scopeText' | 'currency' | 'anomaly' | 'drivers' | 'status' | 'feedback' | 'chart'>): AnomalyView {
  const a = e.anomaly;
  const view: AnomalyView = {
    id: e.id, day: a.day, startDay: a.startDay, kind: a.kind, severity: a.severity, scope: e.scope, scopeText: e.scopeText, currency: e.currency,
    actual: a.actual, expected: a.expected, impact: a.impact, deviationPct: a.deviationPct, drivers: e.drivers, status: e.status, feedback: e.feedback,
  };
  if (e.chart) view.chart = e.chart;
  return view;
}
