import { matchDimension, distance } from '../../../src/domain/dimension-match';

const services = [
  { value: 'Amazon Elastic Compute Cloud', label: '' },
  { value: 'Amazon Simple Storage Service', label: '' },
  { value: 'Storage Accounts', label: '' },
  { value: 'Amazon Relational Database Service', label: '' },
  { value: 'BigQuery', label: '' },
];

describe('matchDimension', () => {
  it('matches exact names case-insensitively', () => {
    expect(matchDimension('bigquery', services)).toEqual({ ok: true, values: ['BigQuery'], labels: ['BigQuery'] });
  });
  it('knows short names when asked to', () => {
    expect(matchDimension('EC2', services, { aliases: true })).toMatchObject({ ok: true, values: ['Amazon Elastic Compute Cloud'] });
    expect(matchDimension('s3', services, { aliases: true })).toMatchObject({ ok: true, values: ['Amazon Simple Storage Service'] });
  });
  it('matches parts of names, possibly several', () => {
    expect(matchDimension('storage', services)).toMatchObject({ ok: true, values: ['Amazon Simple Storage Service', 'Storage Accounts'] });
  });
  it('suggests the closest names when nothing matches', () => {
    const result = matchDimension('BigQeury', services);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.suggestions[0]).toBe('BigQuery');
  });
  it('suggests what a mistyped short name stands for', () => {
    const result = matchDimension('ec3', services, { aliases: true });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.suggestions[0]).toBe('Amazon Elastic Compute Cloud');
  });
  it('matches accounts by label and by billing account (parent)', () => {
    const accounts = [
      { value: '111', label: 'prod-core', parent: 'B1' },
      { value: '222', label: 'staging', parent: 'B1' },
      { value: '333', label: 'other', parent: 'B2' },
    ];
    expect(matchDimension('Prod-Core', accounts)).toMatchObject({ ok: true, values: ['111'] });
    expect(matchDimension('b1', accounts, { byParent: true })).toMatchObject({ ok: true, values: ['111', '222'] });
  });
  it('distance', () => {
    expect(distance('kitten', 'sitting')).toBe(3);
    expect(distance('', 'abc')).toBe(3);
  });
});
