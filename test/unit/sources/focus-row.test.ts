import { mapHeader } from '../../../src/sources/focus/focus-columns';
import { parseRow, RowContext, utcDayOf } from '../../../src/sources/focus/focus-row';

const HEADER = ['BilledCost', 'EffectiveCost', 'ListCost', 'BillingCurrency', 'ChargePeriodStart', 'ChargeCategory', 'ProviderName', 'SubAccountId', 'SubAccountName', 'ServiceName', 'RegionId', 'RegionName', 'Tags', 'x_Extra'];
const ctx = () => new RowContext(mapHeader(HEADER), HEADER.length, 'focus');
const row = (over: Partial<Record<string, string>> = {}) => {
  const base: Record<string, string> = {
    BilledCost: '1.25', EffectiveCost: '1.00', ListCost: '1.50', BillingCurrency: 'USD', ChargePeriodStart: '2024-09-18 22:00:00',
    ChargeCategory: 'Usage', ProviderName: 'AWS', SubAccountId: '123', SubAccountName: 'Atlas', ServiceName: 'Amazon EC2',
    RegionId: 'us-east-1', RegionName: 'US East (N. Virginia)', Tags: '{"org": "a", " org": "a"}', x_Extra: 'whatever',
  };
  return HEADER.map((h) => over[h] ?? base[h]!);
};

describe('FOCUS rows', () => {
  it('maps a good row', () => {
    const r = parseRow(row(), ctx());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.day).toBe('2024-09-18');
    expect(r.dims).toMatchObject({ provider: 'aws', subAccountId: '123', service: 'Amazon EC2', chargeCategory: 'usage', tags: { org: 'a' } });
    expect(r.amounts.billed).toBe(1_250_000_000_000_000_000n);
  });

  it.each([
    [{ BilledCost: 'abc' }, 'BilledCost "abc" is not a number'],
    [{ BilledCost: 'NULL' }, 'BilledCost is empty'],
    [{ EffectiveCost: '1,2' }, 'EffectiveCost "1,2" is not a number'],
    [{ ChargePeriodStart: '2024-13-01 00:00:00' }, 'ChargePeriodStart "2024-13-01 00:00:00" is not a date'],
    [{ ChargePeriodStart: 'yesterday' }, 'is not a date'],
    [{ BillingCurrency: 'dollars' }, 'is not a currency code'],
    [{ ChargeCategory: 'Refund' }, 'is not one of Usage, Purchase, Tax, Credit, Adjustment'],
    [{ ProviderName: '' }, 'ProviderName is empty'],
  ])('rejects %p', (over, message) => {
    const r = parseRow(row(over as Record<string, string>), ctx());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });

  it('rejects a wrong column count', () => {
    const r = parseRow(row().slice(0, 10), ctx());
    expect(r).toEqual({ ok: false, message: `expected ${HEADER.length} columns, found 10` });
  });

  it('imports costs with broken tags, without the tags, and says so', () => {
    const r = parseRow(row({ Tags: '{not json' }), ctx());
    expect(r.ok && r.dims.tags).toEqual({});
    expect(r.ok && r.warning).toMatch(/Tags is not a JSON object/);
  });

  it('fills a missing region column from the other one and missing costs from billed', () => {
    const r = parseRow(row({ RegionId: 'NULL', RegionName: 'us-sanjose-1', EffectiveCost: 'NULL', ListCost: '' }), ctx());
    expect(r.ok && [r.dims.regionId, r.dims.regionName]).toEqual(['us-sanjose-1', 'us-sanjose-1']);
    expect(r.ok && r.amounts.effective).toBe(1_250_000_000_000_000_000n);
  });

  it('reads the resource type, and the instance type from AWS charge descriptions', () => {
    const header = [...HEADER, 'ResourceType', 'ChargeDescription'];
    const withDescription = (description: string, type = 'instance') => {
      const r = parseRow([...row(), type, description], new RowContext(mapHeader(header), header.length, 'focus'));
      return r.ok ? [r.dims.resourceType, r.dims.instanceType] : r.message;
    };
    expect(withDescription('$0.0464 per On Demand Linux t2.medium Instance Hour')).toEqual(['instance', 't2.medium']);
    expect(withDescription('$0.19152 per On Demand Linux m7i-flex.xlarge Instance Hour')).toEqual(['instance', 'm7i-flex.xlarge']);
    expect(withDescription('RDS db.r4.2xlarge Multi-AZ instance hour')).toEqual(['instance', 'db.r4.2xlarge']);
    expect(withDescription('$0.10 per GB-month of General Purpose SSD (gp3) provisioned storage', 'volume')).toEqual(['volume', undefined]);
    expect(withDescription('$0.005 per Idle public IPv4 address per hour', 'NULL')).toEqual([undefined, undefined]);
  });

  it('refuses a header that is not FOCUS', () => {
    expect(() => mapHeader(['date', 'amount'])).toThrow(/lacks BilledCost, BillingCurrency, ChargePeriodStart, ChargeCategory, ProviderName/);
  });
});

describe('utcDayOf', () => {
  it.each([
    ['2024-09-18 22:00:00', '2024-09-18'],
    ['2024-09-18T22:00:00Z', '2024-09-18'],
    ['2024-09-18T22:00:00.000Z', '2024-09-18'],
    ['2024-09-18', '2024-09-18'],
    ['2024-09-18T22:30:00-05:00', '2024-09-19'],
    ['2024-09-18T01:00:00+0200', '2024-09-17'],
  ])('%s', (text, day) => expect(utcDayOf(text)).toBe(day));
  it.each(['2024-02-30 00:00:00', '2024-09-18 25:00:00', '18/09/2024'])('rejects %s', (text) => expect(utcDayOf(text)).toBeUndefined());
});
