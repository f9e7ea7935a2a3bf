/**
 * How detections are matched to labels (the same rules for every detector):
 *  - A label is detected when an alert that was not retracted falls on a day in
 *    [start, detectBy]: the spike day itself for spikes, 7 days after the start for level
 *    shifts, the ramp's length + 7 days for ramps, 3 days for new services.
 *    Days to detect = the run that first raised such an alert − the label's start (0 = the
 *    same day, on its incomplete first value; 1 = once the day was complete).
 *  - An alert is explained when its day is inside a label's effect, [start, effectEnd): the
 *    spike day, or up to 8 weeks into a sustained change (while baselines adapt).
 *  - Alerts on one series less than 4 days apart form one event (one message, updated).
 *    An event with no explained alert is one false alarm; retracted alerts count too, since
 *    they were posted. Continuing alerts inside a label are neither hits nor false alarms.
 *  - precision = detected labels / (detected labels + false alarms);
 *    recall = detected labels / labels; false alarms per series-week over the judged days.
 */
import type { AnomalyKind } from '../../src/domain/anomaly/anomaly-types';
import type { Alert } from './daily-detectors';
import { WARMUP_DAYS, type LabeledSeries } from './series-generator';

export interface DelayStats {
  mean: number;
  median: number;
  p90: number;
}

export interface DetectionScore {
  labels: number;
  detected: number;
  falseAlarms: number;
  precision: number;
  recall: number;
  falseAlarmsPerSeriesWeek: number;
  eventsPerSeriesWeek: number;
  retracted: number;
  daysToDetect: DelayStats;
  byKind: Record<AnomalyKind, { labels: number; recall: number; daysToDetect: DelayStats }>;
  /** Share of detected labels whose latest alert in the detection window named the right kind. */
  kindAgreement?: number;
}

const EVENT_GAP = 3;
const KINDS: AnomalyKind[] = ['spike', 'level-shift', 'ramp', 'new'];

export function scoreAlerts(all: LabeledSeries[], alerts: Alert[][]): DetectionScore {
  let labels = 0;
  let detected = 0;
  let falseAlarms = 0;
  let events = 0;
  let retracted = 0;
  let agreeing = 0;
  let named = 0;
  const delays: number[] = [];
  const perKind = new Map<AnomalyKind, { labels: number; delays: number[] }>(KINDS.map((k) => [k, { labels: 0, delays: [] }]));
  all.forEach((series, i) => {
    const mine = alerts[i]!;
    retracted += mine.filter((a) => a.retracted).length;
    for (const label of series.labels) {
      labels++;
      perKind.get(label.kind)!.labels++;
      const hits = mine.filter((a) => !a.retracted && a.day >= label.start && a.day <= label.detectBy);
      if (hits.length === 0) continue;
      detected++;
      const delay = Math.min(...hits.map((a) => a.raisedAt)) - label.start;
      delays.push(delay);
      perKind.get(label.kind)!.delays.push(delay);
      const latest = hits[hits.length - 1]!;
      if (latest.kind) {
        named++;
        if (latest.kind === label.kind) agreeing++;
      }
    }
    const explained = (a: Alert) => series.labels.some((l) => a.day >= l.start && a.day < l.effectEnd);
    let eventExplained = false;
    mine.forEach((alert, k) => {
      const startsEvent = k === 0 || alert.day - mine[k - 1]!.day > EVENT_GAP;
      if (startsEvent) {
        if (k > 0 && !eventExplained) falseAlarms++;
        events++;
        eventExplained = false;
      }
      eventExplained ||= explained(alert);
    });
    if (mine.length > 0 && !eventExplained) falseAlarms++;
  });
  const seriesWeeks = all.reduce((sum, s) => sum + (s.usage.length - WARMUP_DAYS) / 7, 0);
  const byKind = Object.fromEntries(
    KINDS.map((k) => {
      const { labels: n, delays: d } = perKind.get(k)!;
      return [k, { labels: n, recall: n ? d.length / n : NaN, daysToDetect: delayStats(d) }];
    }),
  ) as DetectionScore['byKind'];
  return {
    labels,
    detected,
    falseAlarms,
    precision: detected + falseAlarms ? detected / (detected + falseAlarms) : NaN,
    recall: labels ? detected / labels : NaN,
    falseAlarmsPerSeriesWeek: falseAlarms / seriesWeeks,
    eventsPerSeriesWeek: events / seriesWeeks,
    retracted,
    daysToDetect: delayStats(delays),
    byKind,
    kindAgreement: named ? agreeing / named : undefined,
  };
}

function delayStats(values: number[]): DelayStats {
  if (values.length === 0) return { mean: NaN, median: NaN, p90: NaN };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { mean: values.reduce((a, b) => a + b, 0) / values.length, median: at(0.5), p90: at(0.9) };
}
