import { interquartileMeanInPlace, madInPlace, medianInPlace, quantile, trimmedMean, trimmedSigmaInPlace } from '../../../../src/domain/timeseries/robust-stats';

/** A small deterministic generator, so the oracle comparison covers many shapes. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function sortedMedian(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

describe('medianInPlace', () => {
  it('agrees with sorting on random, sorted, reversed and tied inputs', () => {
    const next = lcg(7);
    for (let n = 1; n <= 40; n++) {
      const shapes = [
        Array.from({ length: n }, () => Math.round(next() * 100)),
        Array.from({ length: n }, (_, i) => i),
        Array.from({ length: n }, (_, i) => n - i),
        Array.from({ length: n }, (_, i) => i % 3),
      ];
      for (const values of shapes) {
        expect(medianInPlace(Float64Array.from(values), n)).toBe(sortedMedian(values));
      }
    }
  });

  it('looks only at the first n entries', () => {
    expect(medianInPlace(Float64Array.from([5, 1, 3, 1000, -1000]), 3)).toBe(3);
  });

  it('is NaN for no values', () => {
    expect(medianInPlace(new Float64Array(4), 0)).toBeNaN();
  });
});

describe('madInPlace and quantile', () => {
  it('MAD of 1..9 is 2 (median 5, deviations 4,3,2,1,0,1,2,3,4)', () => {
    expect(madInPlace(Float64Array.from([9, 1, 8, 2, 7, 3, 6, 4, 5]), 9)).toBe(2);
  });

  it('quantile interpolates between order statistics', () => {
    expect(quantile([10, 0, 30, 20], 0.5)).toBe(15);
    expect(quantile([10, 0, 30, 20], 0)).toBe(0);
    expect(quantile([10, 0, 30, 20], 1)).toBe(30);
    expect(quantile([10, 0, 30, 20], 0.1)).toBeCloseTo(3, 10);
  });
});

describe('trimmedSigmaInPlace', () => {
  it('drops the top and bottom 10% and scales the rest to a normal sigma', () => {
    // 20 values: two cut from each end leave 16 values, eight at -1 and eight at +1 (sd 1).
    const values = [-50, -40, ...Array(8).fill(-1), ...Array(8).fill(1), 60, 70];
    expect(trimmedSigmaInPlace(Float64Array.from(values), 20)).toBeCloseTo(1 / 0.6616, 10);
  });

  it('ignores the order of its input and a few wild values', () => {
    const next = lcg(3);
    const values = Array.from({ length: 50 }, () => next() * 2 - 1);
    const shuffled = [...values].reverse();
    const a = trimmedSigmaInPlace(Float64Array.from(values), 50);
    expect(trimmedSigmaInPlace(Float64Array.from(shuffled), 50)).toBeCloseTo(a, 12);
    const wild = [...values.slice(0, 47), 1e6, -1e6, 5e5];
    expect(trimmedSigmaInPlace(Float64Array.from(wild), 50)).toBeLessThan(a * 1.5);
  });

  it('approaches the sigma of normal data', () => {
    const next = lcg(11);
    const normal = Array.from({ length: 20_000 }, () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()) * 3);
    expect(trimmedSigmaInPlace(Float64Array.from(normal), normal.length)).toBeGreaterThan(2.85);
    expect(trimmedSigmaInPlace(Float64Array.from(normal), normal.length)).toBeLessThan(3.15);
  });
});

describe('interquartileMeanInPlace and trimmedMean', () => {
  it('interquartile mean of 12 values averages the middle 6', () => {
    expect(interquartileMeanInPlace(Float64Array.from([100, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, -100]), 12)).toBe((3 + 4 + 5 + 6 + 7 + 8) / 6); // sorted: -100, 1, 2 | 3 … 8 | 9, 10, 100
  });

  it('trimmedMean drops one lowest and one highest', () => {
    expect(trimmedMean(Float64Array.from([9, 1, 5, 3, 1000]), 5)).toBe((9 + 5 + 3) / 3);
    expect(trimmedMean(Float64Array.from([4, 6]), 2)).toBe(5);
  });
});
