import { decimalToNanos } from '../../../../src/domain/money';
import { parseChanges } from '../../../../src/domain/simulation/parse-changes';

const TODAY = '2026-12-02';
const usd = (t: string) => decimalToNanos(t)!;
const one = (text: string) => {
  const [c, ...more] = parseChanges(text, TODAY);
  expect(more).toEqual([]);
  const { text: _t, ...rest } = c!;
  return rest;
};

describe('parseChanges', () => {
  it.each([
    ['EC2 -20% from 2026-12', { kind: 'percent', scope: { kind: 'service', value: 'EC2' }, percent: -20, from: '2026-12-01' }],
    ['service:"Amazon Elastic Compute Cloud" +15.5% from 2027-01-15', { kind: 'percent', scope: { kind: 'service', value: 'Amazon Elastic Compute Cloud' }, percent: 15.5, from: '2027-01-15' }],
    ['cut account:Sandbox by 50%', { kind: 'percent', scope: { kind: 'account', value: 'Sandbox' }, percent: -50, from: TODAY }],
    ['aws −10% from Q1 2027', { kind: 'percent', scope: { kind: 'provider', value: 'aws' }, percent: -10, from: '2027-01-01' }],
    ['add 500/month for service:BigQuery from 2027-01', { kind: 'add', scope: { kind: 'service', value: 'BigQuery' }, monthly: usd('500'), from: '2027-01-01' }],
    ['add $1,500 per month to tag:team=data', { kind: 'add', scope: { kind: 'tag', key: 'team', value: 'data' }, monthly: usd('1500'), from: TODAY }],
    ['remove 1.2k/mo', { kind: 'add', scope: { kind: 'total' }, monthly: usd('-1200'), from: TODAY }],
    ['stop account:Sandbox from next month', { kind: 'stop', scope: { kind: 'account', value: 'Sandbox' }, from: '2027-01-01' }],
    ['apply recommendation rec-1A2B3C4D5E', { kind: 'recommendation', id: 'rec-1a2b3c4d5e', from: TODAY }],
    ['apply rec-1a2b3c4d5e from january 2027', { kind: 'recommendation', id: 'rec-1a2b3c4d5e', from: '2027-01-01' }],
  ])('%s', (text, expected) => expect(one(text)).toEqual(expected));

  it('combines changes with ";", "," or "and", but not inside quotes', () => {
    const changes = parseChanges('EC2 -20% and stop account:"R and D" from next month; add 500/month for service:BigQuery', TODAY);
    expect(changes.map((c) => c.kind)).toEqual(['percent', 'stop', 'add']);
    expect(changes[1]).toMatchObject({ scope: { kind: 'account', value: 'R and D' } });
  });

  it.each([
    ['', /What should change/],
    ['make it cheaper', /can't read the change "make it cheaper"/],
    ['add lots/month', /"lots" is not an amount/],
    ['EC2 -20% from someday', /can't read "someday" as a start/],
  ])('refuses %j with a sentence that helps', (text, message) => {
    expect(() => parseChanges(text, TODAY)).toThrow(message);
  });
});
