import { canonicalProvider, naturalKey, normalizeTags, type CostDimensions } from '../../../src/domain/cost-record';

const dims: CostDimensions = {
  source: 'focus', provider: 'aws', providerName: 'AWS', billingAccountId: '1', billingAccountName: 'B', subAccountId: '2', subAccountName: 'S',
  service: 'Amazon EC2', serviceCategory: 'Compute', regionId: 'us-east-1', regionName: 'US East', chargeCategory: 'usage', resourceId: 'i-1',
  currency: 'USD', tags: { env: 'prod' },
};

describe('normalizeTags', () => {
  it('trims keys and merges duplicates like " org" next to "org"', () => {
    expect(normalizeTags({ env: 'prod', org: 'trey', ' org': 'trey', Project: 'Foo' })).toEqual({ Project: 'Foo', env: 'prod', org: 'trey' });
  });
  it('keeps the untrimmed spelling when two spellings disagree, whatever the order', () => {
    expect(normalizeTags({ ' team': 'a', team: 'b' })).toEqual({ team: 'b' });
    expect(normalizeTags({ team: 'b', ' team ': 'a' })).toEqual({ team: 'b' });
  });
  it('drops empty keys and stringifies odd values', () => {
    expect(normalizeTags({ '  ': 'x', n: 3, b: true, z: null, o: { a: 1 } })).toEqual({ b: 'true', n: '3', o: '{"a":1}', z: '' });
  });
});

describe('naturalKey', () => {
  it('is stable and ignores names and tag order', () => {
    const a = naturalKey(dims, '2024-09-01');
    expect(naturalKey({ ...dims, subAccountName: 'renamed', tags: { env: 'prod' } }, '2024-09-01')).toBe(a);
    expect(a).toHaveLength(24);
  });
  it('differs by day, tags, resource and source', () => {
    const a = naturalKey(dims, '2024-09-01');
    expect(naturalKey(dims, '2024-09-02')).not.toBe(a);
    expect(naturalKey({ ...dims, tags: { env: 'dev' } }, '2024-09-01')).not.toBe(a);
    expect(naturalKey({ ...dims, resourceId: 'i-2' }, '2024-09-01')).not.toBe(a);
    expect(naturalKey({ ...dims, source: 'demo' }, '2024-09-01')).not.toBe(a);
  });
});

describe('canonicalProvider', () => {
  it.each([
    ['AWS', 'aws'], ['Amazon Web Services, Inc.', 'aws'], ['Microsoft', 'azure'], ['Google Cloud', 'gcp'], ['Oracle', 'oci'], ['Some Cloud Co', 'some-cloud-co'], ['???', 'unknown'],
  ])('%s -> %s', (name, id) => expect(canonicalProvider(name)).toBe(id));
});
