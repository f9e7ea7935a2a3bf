/** Which judged series lie inside a part of the costs, and which levels need reading at all. */
import { insideFilter, levelsInside } from '../../../../src/domain/anomaly/series-scope';

const levels = (f: Parameters<typeof levelsInside>[0]) => [...levelsInside(f)].sort();

describe('series inside a filter', () => {
  it('keeps a series that names one of each filtered list', () => {
    expect(insideFilter({ provider: 'aws', service: 'EC2' }, { providers: ['aws'] })).toBe(true);
    expect(insideFilter({ provider: 'aws' }, { providers: ['aws'] })).toBe(true);
    expect(insideFilter({}, { providers: ['aws'] })).toBe(false); // the total is wider than AWS
    expect(insideFilter({ provider: 'aws' }, { services: ['EC2'] })).toBe(false);
    expect(insideFilter({ provider: 'aws', account: 'A1' }, { accounts: ['A1', 'A2'] })).toBe(true);
    expect(insideFilter({ tag: { key: 'team', value: 'data' } }, { tags: [{ key: 'team', value: 'data' }] })).toBe(true);
    expect(insideFilter({ tag: { key: 'team', value: 'web' } }, { tags: [{ key: 'team', value: 'data' }] })).toBe(false);
  });

  it('reads only the levels that can hold such a series', () => {
    expect(levels(undefined)).toEqual(['account', 'provider', 'service', 'tag', 'total']);
    expect(levels({ providers: ['aws'] })).toEqual(['account', 'provider', 'service']);
    expect(levels({ accounts: ['A1'] })).toEqual(['account']);
    expect(levels({ providers: ['aws'], services: ['EC2'] })).toEqual(['service']);
    expect(levels({ accounts: ['A1'], services: ['EC2'] })).toEqual([]);
    expect(levels({ tags: [{ key: 'team', value: 'data' }] })).toEqual(['tag']);
    expect(levels({ tags: [{ key: 'team', value: 'data' }], providers: ['aws'] })).toEqual([]);
  });
});
