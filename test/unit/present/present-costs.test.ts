import { presentCompare, presentDaily, presentSummary, presentTop } from '../../../src/services/present/presenters';
import { answer, FRESH, n, OCTOBER, period, type Row } from './answer-fixtures';

const services: Row[] = [
  ['ec2', '1000.10', 'USD', 'Amazon EC2'],
  ['s3', '200.20', 'USD', 'Amazon S3'],
  ['rds', '300.30', 'USD', 'Amazon RDS'],
  ['lambda', '0.000000001', 'USD', 'AWS Lambda'],
  ['credits', '-50', 'USD', 'Credits'],
];

describe('presentSummary', () => {
  const a = answer({ groupBy: 'service', rows: services, previous: [['ec2', '800', 'USD', 'Amazon EC2'], ['s3', '200.20', 'USD', 'Amazon S3']] });

  it('keeps totals and changes exact in bigint', () => {
    const v = presentSummary(a, FRESH, 'last month', 3);
    expect(v.total).toBe(n('1450.600000001'));
    expect(v.change).toEqual({ previous: n('1000.20'), pct: expect.closeTo(45.0310, 3) });
    expect(v.top.map((r) => r.key)).toEqual(['ec2', 'rds', 's3']);
    expect(v.top[0]).toMatchObject({ amount: n('1000.10'), change: { previous: n('800') } });
    expect(v.top[1]!.change).toEqual({ previous: 0n }); // new: no percentage without a base
    expect(v.moreCount).toBe(2);
    expect(v.periodLabel).toBe('October 2026');
    expect(v.previousLabel).toBe('previous month (Sep 1 – Sep 30, 2026)');
    expect(v.previousPeriodText).toBe('2026-09-01..2026-09-30');
  });

  it('charts the top services plus an exact "Other" bar', () => {
    const v = presentSummary(a, FRESH, 'last month', 3);
    expect(v.chart).toMatchObject({ kind: 'horizontal-bar', title: 'Top services · October 2026', currency: 'USD' });
    expect(v.chart?.labels).toEqual(['Amazon EC2', 'Amazon RDS', 'Amazon S3', 'Other']);
    // Other = 0.000000001 + (-50): computed in bigint, converted once for display.
    expect(v.chart?.series[0]?.values).toEqual([1000.1, 300.3, 200.2, -49.999999999]);
  });

  it('shows the largest currency and names the others, never adding them', () => {
    const mixed = answer({ groupBy: 'service', rows: [['ec2', '100', 'USD'], ['vm', '900', 'EUR'], ['gce', '5', 'GBP']] });
    const v = presentSummary(mixed, FRESH, 'last month');
    expect(v.currency).toBe('EUR');
    expect(v.total).toBe(n('900'));
    expect(v.otherCurrencies).toEqual(['USD', 'GBP']);
  });

  it('is honest about an empty period: zero, no rows, no chart', () => {
    const v = presentSummary(answer({ groupBy: 'service', rows: [], previous: [], currencyFilter: 'EUR' }), FRESH, 'last month');
    expect(v).toMatchObject({ total: 0n, top: [], moreCount: 0, currency: 'EUR', change: { previous: 0n } });
    expect(v.chart).toBeUndefined();
    expect(v.change?.pct).toBeUndefined();
  });
});

describe('presentTop', () => {
  it('ranks the requested dim with shares of the total', () => {
    const rows: Row[] = Array.from({ length: 12 }, (_, i) => [`team-${i}`, String(100 - i)]);
    const v = presentTop(answer({ groupBy: 'tag:team', rows }), 'tag:team', FRESH, 'last month');
    expect(v.dimLabel).toBe('Tag team');
    expect(v.items).toHaveLength(10);
    expect(v.moreCount).toBe(2);
    expect(v.total).toBe(n('1134'));
    expect(v.items[0]!.share).toBeCloseTo(100 / 1134, 5);
    expect(v.chart?.labels.at(-1)).toBe('Other');
    expect(v.chart?.series[0]?.values.at(-1)).toBe(90 + 89);
    expect(v.previousLabel).toBeUndefined();
    expect(v.chart?.title).toBe('Top values of tag “team” · October 2026');
  });

  it('titles its chart in the plural, with every filter as it was matched', () => {
    const applied = [{ dim: 'provider', input: 'aws', matched: ['AWS'] }, { dim: 'account', input: 'prod', matched: ['prod-east (1111)', 'prod-west (2222)'] }];
    const v = presentTop(answer({ groupBy: 'account', rows: [['1111', '10', 'USD', 'prod-east']], applied }), 'account', FRESH, 'last month');
    expect(v.chart).toMatchObject({ kind: 'horizontal-bar', title: 'Top accounts · October 2026 · provider: AWS · account: prod', labels: ['prod-east'] });
    expect(presentTop(answer({ groupBy: 'service', rows: [['ec2', '1']] }), 'service', FRESH, 'last month').chart?.title).toBe('Top services · October 2026');
    expect(presentTop(answer({ groupBy: 'region', rows: [['us-east-1', '1']] }), 'region', FRESH, 'last month').chart?.title).toBe('Top regions · October 2026');
  });

  it('tells apart bars whose names are the same', () => {
    const rows: Row[] = [['1111', '30', 'USD', 'prod'], ['2222', '20', 'USD', 'prod'], ['3333', '10', 'USD', 'staging']];
    expect(presentTop(answer({ groupBy: 'account', rows }), 'account', FRESH, 'last month').chart?.labels).toEqual(['prod (1111)', 'prod (2222)', 'staging']);
  });
});

describe('presentCompare', () => {
  it('ranks risers and fallers by absolute change, counting new and vanished services', () => {
    const a = answer({
      groupBy: 'service',
      rows: [['ec2', '150'], ['new', '30'], ['s3', '10'], ['flat', '5']],
      previous: [['ec2', '100'], ['s3', '40'], ['gone', '20'], ['flat', '5']],
    });
    const v = presentCompare(a, 'last month');
    expect(v.risers.map((r) => r.key)).toEqual(['ec2', 'new']);
    expect(v.fallers.map((r) => r.key)).toEqual(['s3', 'gone']);
    expect(v.fallers[1]).toMatchObject({ amount: 0n, change: { previous: n('20'), pct: -100 } });
    expect(v.total - v.previousTotal).toBe(n('30'));
    expect(v.vsLabel).toBe('previous month (Sep 1 – Sep 30, 2026)');
    expect(v.chart?.series.map((s) => s.name)).toEqual(['previous month', 'October 2026']);
    expect(v.chart).toMatchObject({ kind: 'horizontal-bar', title: 'Biggest changes · October 2026 vs previous month', labels: ['ec2', 'new', 's3', 'gone'] });
  });

  it('compares with an explicit period', () => {
    const a = answer({ groupBy: 'service', rows: [['ec2', '1']], previous: [['ec2', '2']], previousPeriod: period('2026-01') });
    expect(presentCompare(a, 'last month vs 2026-01').vsLabel).toBe('January 2026 (Jan 1 – Jan 31, 2026)');
  });
});

describe('presentDaily', () => {
  const week = period('2026-11-01..2026-11-07');
  const aws = answer({ period: week, groupBy: 'day', rows: [['2026-11-01', '10'], ['2026-11-03', '30.5']], applied: [{ dim: 'provider', input: 'aws', matched: ['AWS'] }] });
  const gcp = answer({ period: week, groupBy: 'day', rows: [['2026-11-03', '1.25'], ['2026-11-07', '1', 'EUR']] });

  it('zero-fills every day and splits it by provider, exactly', () => {
    const v = presentDaily([{ provider: 'aws', answer: aws }, { provider: 'gcp', answer: gcp }], week.label, '2026-11-01..2026-11-07', FRESH, 'USD');
    expect(v.days.map((d) => d.day)).toEqual(['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06', '2026-11-07']);
    expect(v.days[1]).toEqual({ day: '2026-11-02', total: 0n, byProvider: { aws: 0n, gcp: 0n } });
    expect(v.days[2]).toEqual({ day: '2026-11-03', total: n('31.75'), byProvider: { aws: n('30.5'), gcp: n('1.25') } });
    expect(v.total).toBe(n('41.75'));
    expect(v.providers).toEqual(['aws', 'gcp']);
    expect(v.peak).toEqual({ day: '2026-11-03', amount: n('31.75') });
    expect(v.otherCurrencies).toEqual(['EUR']);
    expect(v.previousPeriodText).toBe('2026-10-25..2026-10-31');
    // Each answer carries the provider it was split by: not a filter the person chose.
    expect(v.filters).toEqual([]);
  });

  it('charts one stacked series per provider, coloured by provider id', () => {
    const v = presentDaily([{ provider: 'aws', answer: aws }, { provider: 'gcp', answer: gcp }], week.label, 'x', FRESH, 'USD');
    expect(v.chart).toMatchObject({ kind: 'stacked-bar', currency: 'USD', labels: v.days.map((d) => d.day) });
    expect(v.chart?.title).toBe('Daily cost by provider · 2026-11-01 to 2026-11-07');
    // One provider asked for is a real filter, and the title says so.
    expect(presentDaily([{ provider: 'aws', answer: aws }], week.label, 'x', FRESH, 'USD').chart?.title).toBe('Daily cost by provider · 2026-11-01 to 2026-11-07 · provider: AWS');
    expect(v.chart?.series).toEqual([
      { name: 'AWS', colorKey: 'aws', values: [10, 0, 30.5, 0, 0, 0, 0] },
      { name: 'Google Cloud', colorKey: 'gcp', values: [0, 0, 1.25, 0, 0, 0, 0] },
    ]);
  });

  it('shows nothing made up when there are no costs', () => {
    const empty = answer({ period: week, groupBy: 'day', rows: [] });
    const v = presentDaily([{ provider: 'aws', answer: empty }], week.label, 'x', FRESH, 'USD');
    expect(v.total).toBe(0n);
    expect(v.providers).toEqual([]);
    expect(v.days.every((d) => d.total === 0n)).toBe(true);
    expect(v.peak).toBeUndefined();
    expect(v.chart).toBeUndefined();
    expect(presentDaily([], OCTOBER.label, 'x', FRESH, 'USD').days).toEqual([]);
  });
});
