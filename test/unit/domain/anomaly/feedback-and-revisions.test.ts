import { addDays } from '../../../../src/domain/days';
import { detectAnomalyOn, expectedOn } from '../../../../src/domain/anomaly/detect';
import { continuesEvent } from '../../../../src/domain/anomaly/event-grouping';
import { reevaluateAnomaly } from '../../../../src/domain/anomaly/reevaluate';
import { applyFeedback, isMuted, snooze, thresholdMultiplier } from '../../../../src/domain/anomaly/series-tuning';
import { DOLLAR, series } from './series-builders';

const START = '2025-01-06';
const DAY = addDays(START, 70);
const withSpike = (spike: number) => series(START, 80, (_d, i) => (i === 70 ? spike : 1000));

describe('feedback tuning', () => {
  it('"expected" raises the multiplier step by step up to its cap; "unexpected" brings it back to 1', () => {
    let t = {};
    t = applyFeedback(t, 'expected');
    expect(thresholdMultiplier(t)).toBe(1.5);
    t = applyFeedback(applyFeedback(applyFeedback(t, 'expected'), 'expected'), 'expected');
    expect(thresholdMultiplier(t)).toBe(4);
    t = applyFeedback(applyFeedback(applyFeedback(applyFeedback(t, 'unexpected'), 'unexpected'), 'unexpected'), 'unexpected');
    expect(thresholdMultiplier(t)).toBe(1);
  });

  it('a raised multiplier silences a change that passed before, but not a larger one', () => {
    const tuned = applyFeedback(applyFeedback({}, 'expected'), 'expected'); // 2.25x
    expect(detectAnomalyOn(withSpike(1300), DAY)).toBeDefined(); // +30%
    expect(detectAnomalyOn(withSpike(1300), DAY, {}, tuned)).toBeUndefined(); // needs +45%
    expect(detectAnomalyOn(withSpike(1500), DAY, {}, tuned)).toBeDefined();
  });

  it('snoozing mutes days before the given day only; a later snooze wins', () => {
    const t = snooze(snooze({}, addDays(DAY, 3)), addDays(DAY, 1));
    expect(t.mutedUntil).toBe(addDays(DAY, 3));
    expect(isMuted(t, DAY)).toBe(true);
    expect(isMuted(t, addDays(DAY, 3))).toBe(false);
    expect(detectAnomalyOn(withSpike(3000), DAY, {}, t)).toBeUndefined();
    expect(detectAnomalyOn(withSpike(3000), DAY, {}, snooze({}, DAY))).toBeDefined();
  });
});

describe('reevaluateAnomaly', () => {
  const raised = detectAnomalyOn(withSpike(1600), DAY)!;

  it('stands when the revised day tells the same story', () => {
    expect(reevaluateAnomaly(raised, withSpike(1620))).toMatchObject({ verdict: 'stands', anomaly: { impact: 620n * DOLLAR } });
  });

  it('changes when the revision moves the impact materially', () => {
    expect(reevaluateAnomaly(raised, withSpike(2400))).toMatchObject({ verdict: 'changed', anomaly: { impact: 1400n * DOLLAR }, previous: raised });
  });

  it('is retracted when the revised day is ordinary', () => {
    expect(reevaluateAnomaly(raised, withSpike(1010))).toEqual({ verdict: 'retracted', previous: raised });
  });

  it('keeps standing a little below the gates (hysteresis), unlike a fresh detection', () => {
    const small = detectAnomalyOn(withSpike(1250), DAY)!; // +25%, gate 20%
    expect(detectAnomalyOn(withSpike(1190), DAY)).toBeUndefined();
    expect(reevaluateAnomaly(small, withSpike(1190)).verdict).not.toBe('retracted');
    expect(reevaluateAnomaly(small, withSpike(1140)).verdict).toBe('retracted');
  });
});

describe('continuesEvent and expectedOn', () => {
  const anomaly = (day: string, startDay: string) => ({ ...detectAnomalyOn(withSpike(3000), DAY)!, day, startDay });

  it('an alert whose change began by the day after the last alert continues it', () => {
    expect(continuesEvent('2025-03-10', anomaly('2025-03-20', '2025-03-09'))).toBe(true);
    expect(continuesEvent('2025-03-10', anomaly('2025-03-20', '2025-03-11'))).toBe(true);
  });

  it('so does one within two ordinary days; a later fresh spike does not', () => {
    expect(continuesEvent('2025-03-10', anomaly('2025-03-13', '2025-03-13'))).toBe(true);
    expect(continuesEvent('2025-03-10', anomaly('2025-03-14', '2025-03-14'))).toBe(false);
  });

  it('expectedOn gives the baseline a breakdown row is compared with', () => {
    expect(expectedOn(withSpike(3000), DAY)).toBe(1000n * DOLLAR);
    expect(expectedOn(series(START, 30, (_d, i) => (i < 25 ? 0 : 500)), addDays(START, 27))).toBe(0n);
  });
});
