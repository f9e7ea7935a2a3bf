/**
 * The rules about one resource: idle, non-production schedules and previous generations, each on
 * data shaped to trigger it and on data shaped not to. Expected savings are computed by hand in
 * the comments (730-hour month: monthly = daily × 730 / 24).
 */
import { DEFAULT_ADVICE_SETTINGS as S } from '../../../../src/domain/advice/advice-settings';
import { idleResources } from '../../../../src/domain/advice/rules/idle';
import { nonProductionSchedules } from '../../../../src/domain/advice/rules/non-production';
import { previousGenerations } from '../../../../src/domain/advice/rules/previous-generation';
import { adviceData, daily, factOf, usd, WINDOW } from './advice-fixtures';

const LAST_20 = { start: '2026-11-10', end: '2026-11-30' };
const nat = { resourceId: 'nat-0abc1234', service: 'Amazon Virtual Private Cloud', serviceCategory: 'Networking' };

describe('idle resources', () => {
  it('fires on a NAT gateway whose cost is the same every day', () => {
    const [rec, ...more] = idleResources(adviceData(daily(LAST_20, () => '1.08', nat)), S);
    expect(more).toEqual([]);
    // 1.08 × 730 / 24 = 788.4 / 24 = 32.85
    expect(rec!.monthlySaving).toBe(usd('32.85'));
    expect(rec!.kind).toBe('idle-resource');
    expect(rec!.title).toBe('Delete the idle NAT gateway nat-0abc1234');
    expect(factOf(rec!, 'days')).toEqual({ type: 'number', value: 20 });
    expect(factOf(rec!, 'daily_cost_avg')).toEqual({ type: 'money', nanos: usd('1.08'), currency: 'USD' });
  });

  it('allows a spread within 2% of the mean, and averages it', () => {
    const [rec] = idleResources(adviceData(daily(LAST_20, (_, i) => (i === 5 ? '1.09' : '1.08'), nat)), S);
    // mean (19 × 1.08 + 1.09) / 20 = 1.0805; × 730 / 24 = 788.765 / 24 = 32.865208333… → 32.865208333
    expect(rec!.monthlySaving).toBe(usd('32.865208333'));
  });

  it('stays quiet when use moves the cost, for compute, for a short or ended run', () => {
    const moving = daily(LAST_20, (_, i) => (i === 5 ? '1.20' : '1.08'), nat); // 11% apart
    const instance = daily(LAST_20, () => '1.08', { resourceId: 'i-0abcdef123456' });
    const short = daily({ start: '2026-11-20', end: '2026-11-30' }, () => '1.08', { ...nat, resourceId: 'nat-short' });
    const gone = daily({ start: '2026-11-01', end: '2026-11-20' }, () => '1.08', { ...nat, resourceId: 'nat-gone' });
    expect(idleResources(adviceData([...moving, ...instance, ...short, ...gone]), S)).toEqual([]);
  });

  it('recognizes load balancers by service and public IPs by id', () => {
    const lb = daily(LAST_20, () => '0.54', { resourceId: 'arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/web/50dc6c495c0c9188', service: 'Elastic Load Balancing' });
    const ip = daily(LAST_20, () => '0.12', { resourceId: 'eipalloc-0123abcd', service: 'Amazon Virtual Private Cloud' });
    const titles = idleResources(adviceData([...lb, ...ip]), S).map((r) => r.title).sort();
    expect(titles).toEqual(['Delete the idle load balancer web', 'Delete the idle public IP address eipalloc-0123abcd']);
  });
});

describe('non-production schedules', () => {
  const FOUR_WEEKS = { start: '2026-11-02', end: '2026-11-30' }; // Monday to Sunday, 20 weekdays and 8 weekend days
  const dev = { resourceId: 'i-0dev00000001', tags: { env: 'dev', team: 'web' } };

  it('fires on a dev instance that costs the same on weekends', () => {
    const [rec, ...more] = nonProductionSchedules(adviceData(daily(FOUR_WEEKS, () => '4.80', dev)), S);
    expect(more).toEqual([]);
    // monthly 4.80 × 730 / 24 = 146.00; × (168 − 60) / 168 = 15768 / 168 = 93.857142857…
    expect(rec!.monthlySaving).toBe(usd('93.857142857'));
    expect(rec!.title).toBe('Run the env=dev instance i-0dev00000001 only in working hours');
    expect(factOf(rec!, 'weekend_ratio_pct')).toEqual({ type: 'percent', value: 100 });
  });

  it('reads the tag keys and values it is given', () => {
    const tagged = daily(FOUR_WEEKS, () => '4.80', { ...dev, tags: { Environment: 'QA' } });
    expect(nonProductionSchedules(adviceData(tagged), S)).toHaveLength(1);
    expect(nonProductionSchedules(adviceData(tagged), { ...S, nonProduction: { ...S.nonProduction, tag: { keys: ['stage'], values: ['qa'] } } })).toEqual([]);
  });

  it('stays quiet for a schedule already in place, production, untagged and storage', () => {
    const isWeekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
    const scheduled = daily(FOUR_WEEKS, (day) => (isWeekend(day) ? undefined : '4.80'), { ...dev, resourceId: 'i-0dev00000002' });
    const prod = daily(FOUR_WEEKS, () => '4.80', { ...dev, resourceId: 'i-0prod0000001', tags: { env: 'prod' } });
    const untagged = daily(FOUR_WEEKS, () => '4.80', { ...dev, resourceId: 'i-0none0000001', tags: {} });
    const volume = daily(FOUR_WEEKS, () => '4.80', { ...dev, resourceId: 'vol-0dev0000001' });
    expect(nonProductionSchedules(adviceData([...scheduled, ...prod, ...untagged, ...volume]), S)).toEqual([]);
  });
});

describe('previous-generation instances', () => {
  it('fires where the source says a previous-generation type', () => {
    const m4 = daily({ start: '2026-11-20', end: '2026-11-30' }, () => '2.40', { resourceId: 'i-0old000000001', instanceType: 'm4.large' });
    const t2 = daily({ start: '2026-11-01', end: '2026-11-06' }, () => '1.20', { resourceId: 'i-0old000000002', instanceType: 't2.medium' });
    const recs = previousGenerations(adviceData([...m4, ...t2]), S).sort((a, b) => a.title.localeCompare(b.title));
    // m4: 2.40 × 730 / 24 = 73.00 a month; m6i lists 4% cheaper: 2.92
    expect(recs[0]!.title).toBe('Move i-0old000000001 from m4.large to m6i.large');
    expect(recs[0]!.monthlySaving).toBe(usd('2.92'));
    // t2: 1.20 × 730 / 24 = 36.50; t3 lists 10% cheaper: 3.65
    expect(recs[1]!.title).toBe('Move i-0old000000002 from t2.medium to t3.medium');
    expect(recs[1]!.monthlySaving).toBe(usd('3.65'));
  });

  it('stays quiet for current families, unknown types and other providers', () => {
    const current = daily(WINDOW, () => '2.40', { resourceId: 'i-0new000000001', instanceType: 'm6i.large' });
    const none = daily(WINDOW, () => '2.40', { resourceId: 'i-0unknown00001' });
    const rds = daily(WINDOW, () => '2.40', { resourceId: 'db-orders', instanceType: 'db.r4.large' });
    const gcp = daily(WINDOW, () => '2.40', { provider: 'gcp', resourceId: 'vm-1', instanceType: 'n2-standard-4' });
    expect(previousGenerations(adviceData([...current, ...none, ...rds, ...gcp]), S)).toEqual([]);
  });
});
