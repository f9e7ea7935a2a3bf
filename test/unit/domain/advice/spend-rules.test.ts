/**
 * The rules about spend as a whole: commitments, month-over-month rises, credits and renewals,
 * each on data shaped to trigger it and on data shaped not to. Savings computed by hand.
 */
import { DEFAULT_ADVICE_SETTINGS as S } from '../../../../src/domain/advice/advice-settings';
import { serviceKey, type ServiceMonth } from '../../../../src/domain/advice/advice-data';
import { commitments } from '../../../../src/domain/advice/rules/commitment';
import { costRises } from '../../../../src/domain/advice/rules/cost-rise';
import { renewals } from '../../../../src/domain/advice/rules/renewals';
import { adviceData, daily, factOf, record, usd, WINDOW } from './advice-fixtures';

describe('commitments', () => {
  const instance = { resourceId: 'i-0steady000001' };

  it('sizes a commitment to the steady baseline of on-demand compute', () => {
    // 30 days of 100, 110, 120, 130, 140 (six of each): the 10th percentile is the 3rd lowest, 100.
    const onDemand = daily(WINDOW, (_, i) => String(100 + (i % 5) * 10), instance);
    // Usage a commitment already discounts (effective below billed) is not on-demand.
    const covered = daily(WINDOW, () => '50', { resourceId: 'i-0covered00001', effective: usd('36') });
    const [rec, ...more] = commitments(adviceData([...onDemand, ...covered]), S);
    expect(more).toEqual([]);
    // 100 × 730 / 24 = 3041.666666667 (rounded to the nano); × 25% = 760.41666666675 → 760.416666667
    expect(rec!.monthlySaving).toBe(usd('760.416666667'));
    // hourly commitment 100 × 75% / 24 = 3.125
    expect(factOf(rec!, 'hourly_commitment')).toEqual({ type: 'money', nanos: usd('3.125'), currency: 'USD' });
    expect(factOf(rec!, 'on_demand_daily_avg')).toEqual({ type: 'money', nanos: usd('120'), currency: 'USD' });
    expect(factOf(rec!, 'compute_daily_avg')).toEqual({ type: 'money', nanos: usd('170'), currency: 'USD' });
    expect(rec!.title).toBe('Cover steady AWS compute with a Compute Savings Plan of 3.125 USD/hour');
  });

  it('uses the discount it is given', () => {
    const [rec] = commitments(adviceData(daily(WINDOW, () => '48', instance)), { ...S, commitment: { ...S.commitment, discountPct: 50 } });
    // 48 × 730 / 24 = 1460; × 50% = 730
    expect(rec!.monthlySaving).toBe(usd('730'));
  });

  it('stays quiet for spiky compute, short history, covered usage and storage', () => {
    const spiky = daily(WINDOW, (_, i) => (i % 10 === 0 ? '900' : '10'), instance); // baseline 10, average 99
    const short = daily({ start: '2026-11-20', end: '2026-11-30' }, () => '100', { provider: 'gcp', resourceId: 'vm-1' });
    const covered = daily(WINDOW, () => '100', { provider: 'azure', resourceId: 'vm-2', effective: usd('70') });
    const storage = daily(WINDOW, () => '100', { provider: 'oci', resourceId: 'vol-1', serviceCategory: 'Storage' });
    expect(commitments(adviceData([...spiky, ...short, ...covered, ...storage]), S)).toEqual([]);
  });
});

describe('month-over-month rises', () => {
  const months = { previous: '2026-09', last: '2026-10' }; // 30 and 31 days
  const month = (service: string, m: string, amount: string): ServiceMonth => ({ provider: 'gcp', service, currency: 'USD', month: m, amount: usd(amount) });
  const data = (anomalyImpact?: Map<string, bigint>) =>
    adviceData([], {
      months,
      anomalyImpact,
      serviceMonths: [
        month('BigQuery', '2026-09', '3000'), month('BigQuery', '2026-10', '4650'), // 100 → 150 a day: +50%
        month('Cloud Storage', '2026-09', '3000'), month('Cloud Storage', '2026-10', '3255'), // 100 → 105: +5%
        month('Pub/Sub', '2026-09', '30'), month('Pub/Sub', '2026-10', '62'), // 1 → 2: +100%, but 30.42 a month
        month('Cloud Run', '2026-10', '900'), // new: nothing to compare with
      ],
    });

  it('fires on a sharp rise nothing explains, and says no anomaly service is connected', () => {
    const [rec, ...more] = costRises(data(), S);
    expect(more).toEqual([]);
    // 50 a day more × 730 / 24 = 36500 / 24 = 1520.833333333…
    expect(rec!.monthlySaving).toBe(usd('1520.833333333'));
    expect(rec!.title).toBe('Find out why Google Cloud BigQuery rose 50% in 2026-10');
    expect(rec!.evidence.summary).toContain('No anomaly detection is connected');
  });

  it('stays quiet when anomalies explain half the rise or more', () => {
    // October's rise over September's level: 4650 − 100 × 31 = 1550; anomalies explain 1000 ≥ 775.
    expect(costRises(data(new Map([[serviceKey('gcp', 'BigQuery'), usd('1000')]])), S)).toEqual([]);
    const [rec] = costRises(data(new Map([[serviceKey('gcp', 'BigQuery'), usd('700')]])), S);
    expect(rec!.evidence.summary).toContain('Anomalies account for only 700.00 USD');
  });

  it('with the watchdog connected, a service no anomaly names is explained by 0', () => {
    const [rec] = costRises(data(new Map([[serviceKey('gcp', 'Cloud Run'), usd('5000')]])), S);
    expect(rec!.evidence.summary).toContain('Anomalies account for only 0.00 USD');
  });

  it('counts anomalies that named the service without its cloud (drivers of a total-spend anomaly)', () => {
    // 500 named with its cloud + 300 without = 800 ≥ 775: explained.
    expect(costRises(data(new Map([[serviceKey('gcp', 'BigQuery'), usd('500')], [serviceKey('', 'BigQuery'), usd('300')]])), S)).toEqual([]);
  });
});

describe('credits and renewals', () => {
  const credit = (expires: string | undefined, service = 'AWS Credits') =>
    record({ day: '2026-11-01', billed: usd('-250'), chargeCategory: 'credit', service, tags: expires ? { 'credit-expires': expires } : {} });
  const purchase = (day: string, amount: string, resourceId = 'support-plan') => record({ day, billed: usd(amount), chargeCategory: 'purchase', service: 'AWS Support (Business)', resourceId });

  it('says when a credit the data dates expires soon, and what it covered', () => {
    const recs = renewals(adviceData([credit('2026-12-10'), credit('2027-03-01', 'Later Credit'), credit(undefined, 'Undated Credit')]), S);
    expect(recs.map((r) => [r.kind, r.title, r.monthlySaving])).toEqual([['credit-expiry', 'The AWS Credits credit for prod-core (111111111111) expires on 2026-12-10', 0n]]);
    expect(factOf(recs[0]!, 'credited_in_window')).toEqual({ type: 'money', nanos: usd('250'), currency: 'USD' });
  });

  it('reminds of a one-off purchase a year old, not of monthly fees or small ones', () => {
    const window = { start: '2025-11-01', end: '2026-11-30' };
    const recs = renewals(adviceData([
      purchase('2025-12-05', '1200'), // renews 2026-12-05
      purchase('2025-12-01', '900', 'ri-fee'), purchase('2026-11-01', '900', 'ri-fee'), // a monthly fee
      purchase('2025-12-07', '50', 'small'),
      purchase('2026-02-01', '5000', 'later'), // renews in February
    ], { window }), S);
    expect(recs.map((r) => [r.kind, r.title])).toEqual([['purchase-renewal', 'Review the AWS Support (Business) bought for prod-core (111111111111) before it renews on 2026-12-05']]);
  });
});
