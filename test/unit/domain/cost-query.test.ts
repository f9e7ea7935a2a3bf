import { buildBreakdown, parseGroupDim, singleCurrency, type CostQuery } from '../../../src/domain/cost-query';

const q = (groupBy?: CostQuery['groupBy']): CostQuery => ({ range: { start: '2024-09-01', end: '2024-10-01' }, filters: {}, metric: 'billed', groupBy });

describe('buildBreakdown', () => {
  it('merges rows from several partitions and sorts by cost', () => {
    const b = buildBreakdown(q('service'), [
      { currency: 'USD', key: 'S3', label: '', amount: 5n },
      { currency: 'USD', key: 'EC2', label: '', amount: 4n },
      { currency: 'USD', key: 'EC2', label: '', amount: 3n },
    ]);
    expect(b.currencies).toHaveLength(1);
    expect(b.currencies[0]!.total).toBe(12n);
    expect(b.currencies[0]!.groups.map((g) => [g.key, g.amount])).toEqual([['EC2', 7n], ['S3', 5n]]);
  });
  it('sorts days by key, labels providers, names untagged', () => {
    expect(buildBreakdown(q('day'), [
      { currency: 'USD', key: '2024-09-02', label: '', amount: 9n },
      { currency: 'USD', key: '2024-09-01', label: '', amount: 1n },
    ]).currencies[0]!.groups.map((g) => g.key)).toEqual(['2024-09-01', '2024-09-02']);
    expect(buildBreakdown(q('provider'), [{ currency: 'USD', key: 'gcp', label: '', amount: 1n }]).currencies[0]!.groups[0]!.label).toBe('Google Cloud');
    expect(buildBreakdown(q('tag:team'), [{ currency: 'USD', key: '', label: '', amount: 1n }]).currencies[0]!.groups[0]!.label).toBe('(untagged)');
  });
  it('never adds different currencies', () => {
    const b = buildBreakdown(q('service'), [
      { currency: 'USD', key: 'EC2', label: '', amount: 10n },
      { currency: 'EUR', key: 'EC2', label: '', amount: 20n },
    ]);
    expect(b.currencies.map((c) => [c.currency, c.total])).toEqual([['EUR', 20n], ['USD', 10n]]);
    expect(() => singleCurrency(b, 'USD')).toThrow(/several currencies \(EUR, USD\)/);
    expect(singleCurrency(buildBreakdown(q(), []), 'USD')).toEqual({ currency: 'USD', total: 0n, groups: [] });
  });
});

describe('parseGroupDim', () => {
  it.each([['service', 'service'], ['Accounts', 'account'], ['daily', 'day'], ['tag:Cost Center', 'tag:Cost Center'], ['category', 'charge-category'], ['projects', 'project'], ['subscription', 'account']])(
    '%s',
    (text, dim) => expect(parseGroupDim(text)).toBe(dim),
  );
  it('explains what it accepts', () => {
    expect(() => parseGroupDim('colour')).toThrow(/day, month, service, region, account, provider, charge-category, project, or tag:KEY/);
    expect(() => parseGroupDim('tag:')).toThrow(/tag key/);
  });
});
