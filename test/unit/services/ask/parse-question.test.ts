import { parseQuestion, type AskIntent, type ParseResult } from '../../../../src/services/ask';
import { catalog } from './catalog-fixture';

const TODAY = '2024-10-16'; // a Wednesday
const parse = (text: string, today = TODAY): ParseResult => parseQuestion(text, { today, catalog });
const intent = (text: string, today = TODAY): AskIntent => {
  const r = parse(text, today);
  if (!r.ok) throw new Error(`refused "${text}": ${r.reason}`);
  return r.intent;
};
const range = (i: AskIntent) => [i.query.period.range.start, i.query.period.range.end];
const against = (i: AskIntent) => ('against' in i ? [i.against.range.start, i.against.range.end] : undefined);

describe('parseQuestion: what is asked', () => {
  it.each([
    ['what did EC2 cost us last week?', 'totals'],
    ['costs by region last month', 'totals'],
    ['how did September compare to August?', 'compare'],
    ['which service grew most vs last month?', 'movers'],
    ['daily costs over the last 90 days', 'trend'],
    ['why is Azure up this month?', 'why'],
    ['what will we spend this month?', 'forecast'],
    ['are we over budget?', 'budget'],
    ['any spikes?', 'anomalies'],
    ['how can we save on S3?', 'recommendations'],
  ])('%s → %s', (text, kind) => {
    expect(intent(text).kind).toBe(kind);
  });

  it('reads periods the shared parser knows and the spoken ones, and ends them before today', () => {
    expect(range(intent('costs in October'))).toEqual(['2024-10-01', '2024-10-16']);
    expect(range(intent('spend since Monday'))).toEqual(['2024-10-14', '2024-10-16']);
    expect(range(intent('last 3 months'))).toEqual(['2024-07-01', '2024-10-01']);
    expect(range(intent('Q3 costs'))).toEqual(['2024-07-01', '2024-10-01']);
    expect(range(intent('this week so far'))).toEqual(['2024-10-14', '2024-10-16']);
    expect(range(intent('yesterday'))).toEqual(['2024-10-15', '2024-10-16']);
    expect(range(intent('what did we spend over the last 90 days'))).toEqual(['2024-07-18', '2024-10-16']);
    expect(range(intent('in September 2024'))).toEqual(['2024-09-01', '2024-10-01']);
    expect(range(intent('EC2 from sep 10 to sep 20'))).toEqual(['2024-09-10', '2024-09-21']);
  });

  it('compares with the period before, like for like when the first is still running', () => {
    const mtd = intent('how is this month going compared to last month');
    expect([range(mtd), against(mtd)]).toEqual([['2024-10-01', '2024-10-16'], ['2024-09-01', '2024-09-16']]);
    const months = intent('last month vs the month before');
    expect([range(months), against(months)]).toEqual([['2024-09-01', '2024-10-01'], ['2024-08-01', '2024-09-01']]);
    const fromTo = intent('how did costs change from July to August');
    expect([range(fromTo), against(fromTo)]).toEqual([['2024-08-01', '2024-09-01'], ['2024-07-01', '2024-08-01']]);
  });

  it('resolves names, aliases and tags to stored values', () => {
    const f = intent('what did EC2 and cloudwatch cost in N. Virginia for prod-core, team=data, last month').query.filters;
    expect(f).toMatchObject({ services: ['Amazon Elastic Compute Cloud', 'AmazonCloudWatch'], regions: ['us-east-1'], accounts: ['111111111111'], tags: [{ key: 'team', value: 'data' }] });
    expect(intent('ECS costs').query.filters.services).toEqual(['Amazon Elastic Container Service']);
    expect(intent('Corp-IT spend in West Europe').query.filters).toMatchObject({ accounts: ['/subscriptions/5f1c2a9e-1111-4c2b-9d1e-0a1b2c3d4e5f'], regions: ['westeurope'] });
    expect(intent('costs tagged env production').query.filters.tags).toEqual([{ key: 'env', value: 'production' }]);
    expect(intent('microsoft spend').query.filters.providers).toEqual(['azure']);
    expect(intent('costs for /subscriptions/5F1C2A9E-1111-4c2b-9d1e-0a1b2c3d4e5f in Sept').query.filters.accounts).toEqual(['/subscriptions/5f1c2a9e-1111-4c2b-9d1e-0a1b2c3d4e5f']);
    expect(intent('AWS/Azure spend').query.filters.providers).toEqual(['aws', 'azure']);
  });

  it('reads group-by, top N, metrics and charge categories', () => {
    expect(intent('top 5 services last month').query).toMatchObject({ groupBy: 'service', top: 5 });
    expect(intent('which account spent the most?').query).toMatchObject({ groupBy: 'account', top: 1 });
    expect(intent('spend per team').query.groupBy).toBe('tag:team');
    expect(intent('amortized cost of EC2').query.metric).toBe('effective');
    expect(intent('on-demand price of S3').query.metric).toBe('list');
    expect(intent('what did we spend excluding credits').query.filters.excludeChargeCategories).toEqual(['credit']);
    expect(intent('our tax last month').query.filters.chargeCategories).toEqual(['tax']);
  });

  it('ignores politeness, Slack markup, casing and smart quotes, and fixes grammar-word typos', () => {
    const noisy = intent('*Hey* <@U123ABC> could you pls tell me what \u201cEC2\u201d cost us in _September_?? thanks :pray:');
    expect(noisy.query.filters.services).toEqual(['Amazon Elastic Compute Cloud']);
    expect(range(noisy)).toEqual(['2024-09-01', '2024-10-01']);
    const typos = intent('waht did we spnd yesterdy');
    expect(range(typos)).toEqual(['2024-10-15', '2024-10-16']);
    expect(typos.debug.confidence).toBeLessThan(1);
    expect(typos.debug.why).toContain('read "spnd" as "spend"');
  });
});

describe('parseQuestion: when unsure, it says so', () => {
  it('never drops an unknown word: it refuses with the closest names', () => {
    const r = parse('how much did lambdda cost last month');
    expect(r).toMatchObject({ ok: false, code: 'unknown-name', suggestions: expect.arrayContaining(['AWS Lambda']) });
    if (!r.ok) expect(r.examples[0]).toBe('How much did AWS Lambda cost last month?');
    expect(parse('costs for prod-kore')).toMatchObject({ ok: false, code: 'unknown-name', suggestions: expect.arrayContaining(['prod-core (111111111111)']) });
  });

  it('names Penny knows but the data lacks are not answered as zero', () => {
    expect(parse('what did bigquery cost')).toMatchObject({ ok: false, code: 'not-in-data' });
    expect(parse('GCP spend last month')).toMatchObject({ ok: false, code: 'not-in-data' });
  });

  it('declines what it cannot answer exactly', () => {
    for (const text of ['egress costs last month', 'average daily spend', 'costs by service and region', 'EC2 spend excluding prod-core', 'what did compute cost', 'daily costs by account']) {
      expect(parse(text)).toMatchObject({ ok: false, code: 'unsupported' });
    }
    expect(parse('costs for team data and team web')).toMatchObject({ ok: false, code: 'unsupported' });
  });

  it('refuses periods with no complete day, and questions with nothing to answer', () => {
    expect(parse('what did we spend today')).toMatchObject({ ok: false, code: 'no-days' });
    expect(parse('costs this month', '2024-10-01')).toMatchObject({ ok: false, code: 'no-days' });
    expect(parse('what did we spend next month')).toMatchObject({ ok: true, intent: { kind: 'forecast' } });
    expect(parse('will you tell me what we spent last month?')).toMatchObject({ ok: true, intent: { kind: 'totals' } });
    expect(parse('hello there')).toMatchObject({ ok: false, code: 'empty' });
    expect(parse('')).toMatchObject({ ok: false, code: 'empty' });
  });

  it('a bare "not" negates only the name right after it', () => {
    expect(parse('costs not EC2')).toMatchObject({ ok: false, code: 'unsupported' });
    expect(intent('why did AWS not go down?').kind).toBe('why');
  });
});
