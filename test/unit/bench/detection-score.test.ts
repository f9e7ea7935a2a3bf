import type { Alert } from '../../../bench/watchdog/daily-detectors';
import { scoreAlerts } from '../../../bench/watchdog/detection-score';
import { generateSeries, WARMUP_DAYS, type Label, type LabeledSeries } from '../../../bench/watchdog/series-generator';

const DAYS = WARMUP_DAYS + 70; // 10 judged weeks
const seriesWith = (labels: Label[]): LabeledSeries => ({
  id: 0, account: 0, usage: new Float64Array(DAYS), preliminary: new Float64Array(DAYS), nonUsage: new Float64Array(DAYS), labels, traits: [],
});
const alert = (day: number, raisedAt = day, retracted = false, kind?: Alert['kind']): Alert => ({ day, raisedAt, retracted, kind });
const spike: Label = { kind: 'spike', start: 80, detectBy: 80, effectEnd: 81 };
const shift: Label = { kind: 'level-shift', start: 90, detectBy: 97, effectEnd: 120 };

describe('scoreAlerts', () => {
  it('a timely alert detects its label; the days to detect count from the label to the run that raised it', () => {
    const s = scoreAlerts([seriesWith([spike, shift])], [[alert(80, 81, false, 'spike'), alert(93, 93, false, 'level-shift')]]);
    expect(s).toMatchObject({ labels: 2, detected: 2, falseAlarms: 0, precision: 1, recall: 1, kindAgreement: 1 });
    expect(s.byKind.spike.daysToDetect.mean).toBe(1);
    expect(s.byKind['level-shift'].daysToDetect.mean).toBe(3);
  });

  it('a late alert inside the change is neither a hit nor a false alarm', () => {
    const s = scoreAlerts([seriesWith([shift])], [[alert(110)]]);
    expect(s).toMatchObject({ detected: 0, falseAlarms: 0, recall: 0 });
  });

  it('alerts less than 4 days apart outside any label are one false alarm; further apart, two', () => {
    expect(scoreAlerts([seriesWith([])], [[alert(60), alert(63)]]).falseAlarms).toBe(1);
    expect(scoreAlerts([seriesWith([])], [[alert(60), alert(64)]]).falseAlarms).toBe(2);
  });

  it('an event that touches a label is not a false alarm', () => {
    expect(scoreAlerts([seriesWith([spike])], [[alert(78), alert(80)]]).falseAlarms).toBe(0);
  });

  it('a retracted alert does not detect, but was posted, so outside a label it is a false alarm', () => {
    const s = scoreAlerts([seriesWith([spike])], [[alert(80, 80, true), alert(100, 100, true)]]);
    expect(s).toMatchObject({ detected: 0, falseAlarms: 1, retracted: 2, precision: 0 });
  });

  it('false alarms per series-week are over the judged weeks', () => {
    const s = scoreAlerts([seriesWith([]), seriesWith([])], [[alert(60)], []]);
    expect(s.falseAlarmsPerSeriesWeek).toBeCloseTo(1 / 20, 12);
  });
});

describe('generateSeries', () => {
  const options = { seed: 9, series: 40, days: 200, firstDayNum: 20_000 };

  it('is the same for the same seed and different for another', () => {
    const a = generateSeries(options);
    expect(generateSeries(options)).toEqual(a);
    expect(generateSeries({ ...options, seed: 10 })[0]!.usage).not.toEqual(a[0]!.usage);
  });

  it('labels only material changes after the warm-up, and a new series has nothing before it starts', () => {
    for (const s of generateSeries(options)) {
      for (const l of s.labels) {
        expect(l.start).toBeGreaterThan(WARMUP_DAYS);
        expect(l.detectBy).toBeGreaterThanOrEqual(l.start);
        if (l.kind === 'new') expect(s.usage.slice(0, l.start).every((v) => v === 0)).toBe(true);
        if (l.kind === 'spike') expect(s.usage[l.start]! - s.usage[l.start - 7]!).toBeGreaterThan(50);
      }
      s.preliminary.forEach((p, t) => expect(p).toBeLessThanOrEqual(s.usage[t]!));
    }
  });
});
