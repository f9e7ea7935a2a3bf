import { freshnessLine } from '../../../src/answers/freshness';
import { presentDigest, presentHome } from '../../../src/services/present/presenters';
import { answer, FRESH, n, NO_DATA, period, type Row } from './answer-fixtures';

const mtdPeriod = period('this month');
const last30 = period('30d');

function home(rows: { mtd: Row[]; previous: Row[]; providers: Row[]; accounts: Row[]; days: Row[] }) {
  return presentHome({
    mtd: answer({ period: mtdPeriod, groupBy: 'service', rows: rows.mtd, previous: rows.previous }),
    byProvider: answer({ period: mtdPeriod, groupBy: 'provider', rows: rows.providers }),
    byAccount: answer({ period: mtdPeriod, groupBy: 'account', rows: rows.accounts }),
    last30: answer({ period: last30, groupBy: 'day', rows: rows.days }),
    freshness: FRESH,
    digests: [{ channel: 'C1', time: '09:00', timeZone: 'Europe/Berlin' }],
  });
}

describe('presentHome', () => {
  it('summarises the month with movers, providers, accounts and a 30-day chart', () => {
    const v = home({
      mtd: [['ec2', '500'], ['s3', '20'], ['new', '70']],
      previous: [['ec2', '400'], ['s3', '120'], ['old', '5']],
      providers: [['aws', '560'], ['gcp', '30']],
      accounts: Array.from({ length: 7 }, (_, i): Row => [`acct-${i}`, String(70 - i)]),
      days: [['2026-11-02', '12.5'], ['2026-11-19', '3']],
    });
    expect(v.mtd).toMatchObject({ total: n('590'), change: { previous: n('525') } });
    expect(v.mtd.previousLabel).toBe('same days last month (Oct 1 – Oct 20, 2026)');
    expect(v.movers.map((r) => r.key)).toEqual(['ec2', 's3', 'new', 'old']);
    expect(v.byProvider.map((r) => [r.label, r.share])).toEqual([['AWS', expect.closeTo(560 / 590, 5)], ['Google Cloud', expect.closeTo(30 / 590, 5)]]);
    expect(v.byAccount).toHaveLength(5);
    expect(v.chart?.labels).toHaveLength(30);
    expect(v.chart?.series[0]?.values.filter((x) => x !== 0)).toEqual([12.5, 3]);
    expect(v.empty).toBe(false);
    expect(v.digest).toEqual([{ channel: 'C1', time: '09:00', timeZone: 'Europe/Berlin' }]);
  });

  it('is empty, with no chart and no invented numbers, when there is no data', () => {
    const v = home({ mtd: [], previous: [], providers: [], accounts: [], days: [] });
    expect(v).toMatchObject({ empty: true, movers: [], byProvider: [], byAccount: [], mtd: { total: 0n } });
    expect(v.chart).toBeUndefined();
  });
});

describe('presentDigest', () => {
  const day = (d: string) => period(`${d}..${d}`);
  const input = (yesterday: Row[], week: Row[]) => ({
    localDate: '2026-11-20',
    yesterday: answer({ period: day('2026-11-19'), groupBy: 'service', rows: yesterday }),
    week: answer({ period: period('2026-11-12..2026-11-18'), groupBy: 'service', rows: week }),
    mtd: answer({ period: period('2026-11-01..2026-11-19'), groupBy: 'service', rows: [['ec2', '1000']], previous: [['ec2', '800']] }),
    last14: answer({ period: period('2026-11-06..2026-11-19'), groupBy: 'day', rows: [['2026-11-19', '80']] }),
    freshness: FRESH,
  });

  it('compares yesterday with the 7-day average, rounded half-even in nanos', () => {
    // 0.000000011 over 7 days is 1.571… nanos a day: rounds to 2.
    const v = presentDigest(input([['ec2', '70'], ['s3', '10']], [['ec2', '490'], ['s3', '0.000000011']]));
    expect(v.yesterday).toEqual({ day: '2026-11-19', total: n('80'), avg7: n('70.000000002'), change: { previous: n('70.000000002'), pct: expect.closeTo(14.2857, 3) } });
    expect(v.top[0]).toMatchObject({ key: 'ec2', change: { previous: n('70'), pct: 0 } });
    expect(v.top[1]).toMatchObject({ key: 's3', change: { previous: 2n } });
    expect(v.mtd).toMatchObject({ total: n('1000'), change: { previous: n('800'), pct: 25 } });
    expect(v.chart?.labels).toHaveLength(14);
  });

  it('makes no comparison when the week before has no data', () => {
    const v = presentDigest(input([['ec2', '70']], []));
    expect(v.yesterday.change).toBeUndefined();
    expect(v.top[0]?.change).toBeUndefined();
    expect(v.yesterday.avg7).toBe(0n);
  });
});

describe('freshnessLine', () => {
  it('says how far the data goes and what may still change', () => {
    expect(freshnessLine(FRESH)).toBe('Costs up to Nov 19 (UTC days); the last 2 days may still change.');
    expect(freshnessLine({ ...FRESH, settlingDays: 1 })).toBe('Costs up to Nov 19 (UTC days); the last day may still change.');
    expect(freshnessLine({ ...FRESH, lastDay: '2025-12-31', settlingDays: 0 })).toBe('Costs up to Dec 31, 2025 (UTC days).');
    expect(freshnessLine(NO_DATA)).toBe('No cost data yet — run `penny import` or `npm run demo`.');
  });
});
