import { explainAnomaly, OTHER_KEY, type BreakdownRow } from '../../../../src/domain/anomaly/root-cause';
import { sumNanos } from '../../../../src/domain/money';
import { usd } from './series-builders';

const row = (dimension: string, key: string, actual: number, expected: number): BreakdownRow => ({ dimension, key, label: key.toUpperCase(), actual: usd(actual), expected: usd(expected) });

// The series: $1,600.37 actual against $1,000.12 expected, a change of $600.25.
const anomaly = { day: '2025-03-10', actual: usd(1600.37), expected: usd(1000.12) };

describe('explainAnomaly', () => {
  const rows = [
    row('service', 'ec2', 900.2, 400.1), // +500.10
    row('service', 's3', 100.05, 120.03), // -19.98
    row('service', 'rds', 500.11, 400.0), // +100.11
    row('service', 'lambda', 100.01, 79.99), // +20.02 (the rows' expected sum to exactly 1,000.12)
    row('region', 'us-east-1', 1500.0, 900.0),
    row('region', 'eu-west-1', 100.37, 100.12),
  ];

  it('ranks drivers by absolute dollar change, largest first', () => {
    const service = explainAnomaly(anomaly, rows).byDimension.find((d) => d.dimension === 'service')!;
    expect(service.drivers.map((d) => [d.key, d.change])).toEqual([
      ['ec2', usd(500.1)],
      ['rds', usd(100.11)],
      ['lambda', usd(20.02)],
      ['s3', usd(-19.98)],
    ]);
    expect(service.other).toBeUndefined(); // the rows cover the series exactly
  });

  it('contributions and the other row sum exactly to the change, in every column', () => {
    const result = explainAnomaly(anomaly, rows, { top: 2 });
    expect(result.change).toBe(usd(600.25));
    for (const dim of result.byDimension) {
      const all = [...dim.drivers, ...(dim.other ? [dim.other] : [])];
      expect(sumNanos(all.map((d) => d.change))).toBe(result.change);
      expect(sumNanos(all.map((d) => d.actual))).toBe(anomaly.actual);
      expect(sumNanos(all.map((d) => d.expected))).toBe(anomaly.expected);
    }
    const service = result.byDimension.find((d) => d.dimension === 'service')!;
    expect(service.drivers.map((d) => d.key)).toEqual(['ec2', 'rds']);
    // lambda (+20.02) and s3 (-19.98) are left: +0.04.
    expect(service.other).toMatchObject({ key: OTHER_KEY, change: usd(0.04) });
  });

  it('the other row absorbs the gap between the rows baselines and the series baseline', () => {
    const region = explainAnomaly(anomaly, rows).byDimension.find((d) => d.dimension === 'region')!;
    // Region rows expect 1,000.12 in all, as the series does, but the actuals sum to 1,600.37: no gap.
    expect(region.other).toBeUndefined();
    const skewed = explainAnomaly(anomaly, [row('region', 'us-east-1', 1500, 850), row('region', 'eu-west-1', 100.37, 100)]);
    expect(skewed.byDimension[0]!.other).toMatchObject({ actual: 0n, expected: usd(50.12), change: usd(-50.12) });
  });

  it('shares are of the anomaly change, and the primary driver is the largest anywhere', () => {
    const result = explainAnomaly(anomaly, rows);
    expect(result.primary).toMatchObject({ dimension: 'region', key: 'us-east-1', change: usd(600) });
    expect(result.primary!.sharePct).toBeCloseTo((600 / 600.25) * 100, 10);
  });

  it('merges repeated keys and drops rows that did not change', () => {
    const result = explainAnomaly(anomaly, [row('service', 'ec2', 800, 400), row('service', 'ec2', 100.2, 0.1), row('service', 'kms', 5, 5)]);
    const drivers = result.byDimension[0]!.drivers;
    expect(drivers).toHaveLength(1);
    expect(drivers[0]).toMatchObject({ key: 'ec2', actual: usd(900.2), expected: usd(400.1) });
  });
});
