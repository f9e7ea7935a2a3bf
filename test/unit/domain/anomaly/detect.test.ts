import { addDays } from '../../../../src/domain/days';
import { DETECTION_LOOKBACK_DAYS, detectAnomalies, detectAnomalyOn } from '../../../../src/domain/anomaly/detect';
import { DOLLAR, series, usd, weekday, wobble } from './series-builders';

const START = '2025-01-06'; // a Monday

describe('spikes', () => {
  const flat = (spikeDay: string, spike: number) => series(START, 80, (day) => (day === spikeDay ? spike : 100));

  it('a flat $100 series with one $600 day: impact exactly $500 against $100 expected', () => {
    const day = addDays(START, 70);
    const found = detectAnomalyOn(flat(day, 600), day);
    expect(found).toEqual({
      day,
      kind: 'spike',
      startDay: day,
      actual: 600n * DOLLAR,
      expected: 100n * DOLLAR,
      impact: 500n * DOLLAR,
      deviationPct: 500,
      severity: 'high',
      score: expect.any(Number),
    });
  });

  it('the day after the spike is back to normal and the spike stays the only anomaly', () => {
    const day = addDays(START, 70);
    const all = detectAnomalies(flat(day, 600), { start: addDays(START, 60), end: addDays(START, 80) });
    expect(all.map((a) => a.day)).toEqual([day]);
  });

  it('a spike inside the history does not move the baseline of later days', () => {
    const s = series(START, 80, (_d, i) => (i === 60 ? 5000 : i === 75 ? 300 : 100));
    const found = detectAnomalyOn(s, addDays(START, 75));
    expect(found?.expected).toBe(100n * DOLLAR);
    expect(found?.impact).toBe(200n * DOLLAR);
  });
});

describe('weekly seasonality', () => {
  // Weekdays $1,000 (Mondays $1,500 after the weekend batch), weekends $200, ±4% wobble.
  const pattern = (day: string, i: number) => {
    const wd = weekday(day);
    const base = wd === 0 ? 1500 : wd >= 5 ? 200 : 1000;
    return base * (1 + wobble(i, 0.04));
  };

  it('a Monday after a quiet weekend is not an anomaly', () => {
    const s = series(START, 120, pattern);
    const found = detectAnomalies(s, { start: addDays(START, 63), end: addDays(START, 120) });
    expect(found).toEqual([]);
  });

  it('but a Monday twice its usual size is', () => {
    const monday = addDays(START, 112);
    const s = series(START, 120, (day, i) => (day === monday ? 3000 : pattern(day, i)));
    const found = detectAnomalyOn(s, monday);
    expect(found?.kind).toBe('spike');
    // The expected Monday is ~$1,500 (the wobble moves it by a few percent at most).
    expect(Number(found!.expected / DOLLAR)).toBeGreaterThan(1400);
    expect(Number(found!.expected / DOLLAR)).toBeLessThan(1600);
  });

  it('a weekday-level day on a Saturday is an anomaly even though it is a normal Tuesday', () => {
    const saturday = addDays(START, 110);
    expect(weekday(saturday)).toBe(5);
    const s = series(START, 120, (day, i) => (day === saturday ? 1000 : pattern(day, i)));
    expect(detectAnomalyOn(s, saturday)?.kind).toBe('spike');
  });
});

describe('month-start charges', () => {
  const start = '2025-01-01';
  it('a fee billed as usage on the 1st of every month is expected from the third month on', () => {
    const s = series(start, 130, (day) => (day.endsWith('-01') ? 500 : 100));
    expect(detectAnomalyOn(s, '2025-04-01')).toBeUndefined();
    expect(detectAnomalyOn(s, '2025-05-01')).toBeUndefined();
  });

  it('the same fee appearing for the first time is an anomaly', () => {
    const s = series(start, 130, (day) => (day === '2025-05-01' ? 500 : 100));
    expect(detectAnomalyOn(s, '2025-05-01')).toMatchObject({ kind: 'spike', impact: 400n * DOLLAR });
  });

  it('a recurring fee still lets a real spike on the 1st through, measured above the fee', () => {
    const s = series(start, 130, (day) => (day === '2025-05-01' ? 1500 : day.endsWith('-01') ? 500 : 100));
    expect(detectAnomalyOn(s, '2025-05-01')).toMatchObject({ expected: 500n * DOLLAR, impact: 1000n * DOLLAR });
  });

  it('purchases and credits passed as non-usage are never judged', () => {
    const base = series(start, 130, () => 100);
    const nonUsage = base.usage.map((_, i) => (i === 120 ? usd(9000) : i === 121 ? usd(-700) : 0n));
    expect(detectAnomalies({ ...base, nonUsage }, { start: '2025-04-25', end: '2025-05-11' })).toEqual([]);
  });
});

describe('sustained changes', () => {
  it('a level shift is a spike on its first day and a level shift since that day after', () => {
    const shift = addDays(START, 70);
    const s = series(START, 90, (day) => (day >= shift ? 200 : 100));
    expect(detectAnomalyOn(s, shift)).toMatchObject({ kind: 'spike', startDay: shift, impact: 100n * DOLLAR });
    expect(detectAnomalyOn(s, addDays(shift, 1))).toMatchObject({ kind: 'level-shift', startDay: shift, expected: 100n * DOLLAR, impact: 100n * DOLLAR });
    expect(detectAnomalyOn(s, addDays(shift, 5))).toMatchObject({ kind: 'level-shift', startDay: shift });
  });

  it('a slow ramp the short baseline keeps up with is found as a ramp starting near its start', () => {
    const rampStart = 84;
    // +2% a day on top of $1,000 with ±3% wobble: no single day stands out from the last two weeks.
    const s = series(START, 130, (_d, i) => 1000 * (1 + wobble(i, 0.03)) * (i >= rampStart ? 1 + 0.02 * (i - rampStart + 1) : 1));
    const found = detectAnomalies(s, { start: addDays(START, 60), end: addDays(START, 130) });
    expect(found.filter((a) => a.day < addDays(START, rampStart))).toEqual([]);
    const first = found[0]!;
    expect(first.kind).toBe('ramp');
    const startError = Math.abs(new Date(first.startDay).getTime() - new Date(addDays(START, rampStart)).getTime()) / 86_400_000;
    expect(startError).toBeLessThanOrEqual(4);
  });

  it('returning to normal after a short dip is not an anomaly', () => {
    const s = series(START, 100, (_d, i) => (i >= 70 && i < 78 ? 50 : 100));
    expect(detectAnomalies(s, { start: addDays(START, 60), end: addDays(START, 100) })).toEqual([]);
  });

  it('steady growth of 5% a month never alerts', () => {
    const s = series(START, 200, (_d, i) => 1000 * Math.exp((0.05 / 30) * i) * (1 + wobble(i, 0.05)));
    expect(detectAnomalies(s, { start: addDays(START, 56), end: addDays(START, 200) })).toEqual([]);
  });
});

describe('new spend', () => {
  const appears = addDays(START, 60);
  const newSeries = (amount: number) => series(START, 70, (day) => (day >= appears ? amount : 0));

  it('a series with no history and real spend is new, with nothing expected', () => {
    expect(detectAnomalyOn(newSeries(500), appears)).toEqual({
      day: appears, kind: 'new', startDay: appears, actual: 500n * DOLLAR, expected: 0n, impact: 500n * DOLLAR,
      deviationPct: null, severity: 'high', score: null,
    });
  });

  it('its next days continue the same new-spend event', () => {
    expect(detectAnomalyOn(newSeries(500), addDays(appears, 3))).toMatchObject({ kind: 'new', startDay: appears });
  });

  it('pocket change on a new series is not worth a message', () => {
    expect(detectAnomalyOn(newSeries(30), appears)).toBeUndefined();
  });
});

describe('gates', () => {
  it('a 400% jump worth $40 stays below the dollar gate', () => {
    const s = series(START, 80, (_d, i) => (i === 70 ? 50 : 10));
    expect(detectAnomalyOn(s, addDays(START, 70))).toBeUndefined();
    expect(detectAnomalyOn(s, addDays(START, 70), { minImpact: 30n * DOLLAR })).toMatchObject({ impact: 40n * DOLLAR });
  });

  it('a $60 rise on $1,000 a day stays below the percent gate', () => {
    const s = series(START, 80, (_d, i) => (i === 70 ? 1060 : 1000));
    expect(detectAnomalyOn(s, addDays(START, 70))).toBeUndefined();
    expect(detectAnomalyOn(s, addDays(START, 70), { minDeviationPct: 5 })).toMatchObject({ impact: 60n * DOLLAR });
  });

  it('a noisy series needs a change several times its noise', () => {
    const noisy = (spike: number) => series(START, 80, (_d, i) => (i === 70 ? spike : 1000 * (1 + wobble(i, 0.3))));
    expect(detectAnomalyOn(noisy(1500), addDays(START, 70))).toBeUndefined();
    expect(detectAnomalyOn(noisy(4000), addDays(START, 70))?.kind).toBe('spike');
  });

  it('severity grows with impact and deviation', () => {
    const at = (base: number, spike: number) => detectAnomalyOn(series(START, 80, (_d, i) => (i === 70 ? spike : base)), addDays(START, 70))?.severity;
    expect(at(1000, 1200)).toBe('low'); // +$200, +20%
    expect(at(1000, 1300)).toBe('medium'); // +$300: a medium impact
    expect(at(100, 220)).toBe('medium'); // +$120 but more than doubled
    expect(at(300, 700)).toBe('high'); // +$400 and more than doubled
    expect(at(10000, 12000)).toBe('high'); // +$2,000: a large impact at +20%
  });
});

describe('lookback', () => {
  it(`judging a day needs only the ${DETECTION_LOOKBACK_DAYS} days before it`, () => {
    // Weekly pattern, a fee on the 1st, wobble, a spike and a level shift: every path of the detector.
    const full = series(START, 320, (day, i) => {
      const base = (weekday(day) >= 5 ? 400 : 1000) * (1 + wobble(i, 0.06)) + (day.endsWith('-01') ? 700 : 0);
      return base + (i === 250 ? 3000 : 0) + (i >= 280 ? 600 : 0);
    });
    let alerts = 0;
    for (let i = DETECTION_LOOKBACK_DAYS; i < 320; i++) {
      const day = addDays(START, i);
      const from = i - DETECTION_LOOKBACK_DAYS;
      const window = { start: addDays(START, from), usage: full.usage.slice(from, i + 1) };
      const found = detectAnomalyOn(full, day);
      expect(detectAnomalyOn(window, day)).toEqual(found);
      if (found) alerts++;
    }
    expect(alerts).toBeGreaterThan(3); // the spike and the shift were seen, so the comparison meant something
  });
});

describe('exact amounts at the surface', () => {
  it('reports the actual to the nano even where floats cannot hold it', () => {
    // $30M a day is past 2^53 nanos: a float would round the last digits away.
    const base = series(START, 80, () => 30_000_000);
    const spikeDay = 70;
    const odd = 90_000_000n * DOLLAR + 123_456_789n;
    const usage = base.usage.map((v, i) => (i === spikeDay ? odd : v));
    const found = detectAnomalyOn({ start: START, usage }, addDays(START, spikeDay))!;
    expect(found.actual).toBe(odd);
    expect(found.expected).toBe(30_000_000n * DOLLAR);
    expect(found.impact).toBe(odd - 30_000_000n * DOLLAR);
  });
});
