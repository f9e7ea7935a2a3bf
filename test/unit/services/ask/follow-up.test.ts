/** Thread replies refine the question before them: only what the reply says changes. */
import { parseQuestion, refineIntent, type AskIntent, type ParseResult } from '../../../../src/services/ask';
import { catalog } from './catalog-fixture';

const TODAY = '2024-10-16';
const first = (text: string): AskIntent => {
  const r = parseQuestion(text, { today: TODAY, catalog });
  if (!r.ok) throw new Error(`refused "${text}": ${r.reason}`);
  return r.intent;
};
const refine = (previous: AskIntent, reply: string, bareTags?: (w: string) => { key: string; value: string }[]): ParseResult | undefined =>
  refineIntent(previous, reply, { today: TODAY, catalog, ...(bareTags ? { bareTags } : {}) });
const refined = (previous: AskIntent, reply: string, bareTags?: (w: string) => { key: string; value: string }[]): AskIntent => {
  const r = refine(previous, reply, bareTags);
  if (!r) throw new Error(`"${reply}" was read as a question of its own`);
  if (!r.ok) throw new Error(`refused "${reply}": ${r.reason}`);
  return r.intent;
};
const range = (i: AskIntent) => [i.query.period.range.start, i.query.period.range.end];
const against = (i: AskIntent) => ('against' in i ? [i.against.range.start, i.against.range.end] : undefined);

describe('refineIntent', () => {
  const ec2 = first('what did EC2 cost last month?');

  it('"and the month before?" moves the same query one month back', () => {
    const r = refined(ec2, 'and the month before?');
    expect(r.kind).toBe('totals');
    expect(range(r)).toEqual(['2024-08-01', '2024-09-01']);
    expect(r.query.period.label).toBe('August 2024');
    expect(r.query.filters.services).toEqual(['Amazon Elastic Compute Cloud']);
  });

  it('moves both sides of a comparison back, and "the period before" moves by the period', () => {
    const cmp = first('how did September compare to August?');
    const r = refined(cmp, 'and the month before?');
    expect([range(r), against(r)]).toEqual([['2024-08-01', '2024-09-01'], ['2024-07-01', '2024-08-01']]);
    const week = first('EC2 costs over the last 7 days');
    expect(range(refined(week, 'what about the period before?'))).toEqual(['2024-10-02', '2024-10-09']);
  });

  it('"break that down by region" groups the same query; "top 3" ranks it', () => {
    const r = refined(ec2, 'break that down by region');
    expect(r.query.groupBy).toBe('region');
    expect(range(r)).toEqual(range(ec2));
    expect(r.query.filters.services).toEqual(ec2.query.filters.services);
    expect(refined(r, 'top 3').query).toMatchObject({ groupBy: 'region', top: 3 });
    expect(refined(ec2, 'by day')).toMatchObject({ kind: 'trend', granularity: 'day' });
  });

  it('a name replaces the filter of its kind and keeps the others', () => {
    const inRegion = first('EC2 costs in us-east-1 last month');
    const s3 = refined(inRegion, 'what about S3?');
    expect(s3.query.filters).toMatchObject({ services: ['Amazon Simple Storage Service'], regions: ['us-east-1'] });
    expect(s3.debug.matched.map((m) => m.dim).sort()).toEqual(['region', 'service']);
    expect(refined(inRegion, 'only azure').query.filters).toMatchObject({ providers: ['azure'], services: ['Amazon Elastic Compute Cloud'] });
  });

  it('"only production" finds the tag value the service looked up, and asks when two tags have it', () => {
    const bare = (word: string) => (word === 'production' ? [{ key: 'env', value: 'prod' }] : []);
    expect(refined(ec2, 'only production', bare).query.filters.tags).toEqual([{ key: 'env', value: 'prod' }]);
    const twice = (word: string) => (word === 'production' ? [{ key: 'env', value: 'prod' }, { key: 'team', value: 'prod' }] : []);
    expect(refine(ec2, 'only production', twice)).toMatchObject({ ok: false, code: 'ambiguous', suggestions: ['env=prod', 'team=prod'] });
    expect(refine(ec2, 'only production')).toMatchObject({ ok: false, code: 'unknown-name' });
  });

  it('"why?" explains the change; "without credits" leaves credits out', () => {
    const cmp = first('how did September compare to August?');
    expect(refined(cmp, 'why?')).toMatchObject({ kind: 'why', drivers: ['service', 'account', 'region'] });
    expect(refined(ec2, 'without credits').query.filters.excludeChargeCategories).toEqual(['credit']);
  });

  it('leaves a question of its own to the parser, and says so when a reply changes nothing', () => {
    expect(refine(ec2, 'what did S3 cost last week?')).toBeUndefined();
    expect(refine(ec2, 'hello')).toBeUndefined();
    expect(refine(ec2, 'and?')).toMatchObject({ ok: false, code: 'empty' });
    expect(refine(ec2, 'only floop')).toMatchObject({ ok: false, code: 'unknown-name' });
  });

  it('"last week" alone in a thread is the same question for last week', () => {
    expect(range(refined(ec2, 'last week'))).toEqual(['2024-10-07', '2024-10-14']);
  });
});
