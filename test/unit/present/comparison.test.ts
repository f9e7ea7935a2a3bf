/**
 * Comparisons early in the month and over small bases: the amounts and differences stay, the
 * percentage is held back with a note saying why. Expected values are worked out by hand.
 */
import { presentCompare, presentDigest, presentHome, presentSummary, presentTop } from '../../../src/services/present/presenters';
import { digestText, homeText } from '../../../src/console/text/channel-text';
import { monthPeriod, parsePeriod, type Period } from '../../../src/domain/period';
import { clipToData } from '../../../src/services/cost-answers';
import { comparisonNote } from '../../../src/answers/comparison';
import { compareText, summaryText, topText } from '../../../src/console/text/cost-text';
import { compareMessage, digestMessage, homeView, summaryMessage, topMessage } from '../../../src/slack/blocks';
import { answer, FRESH, n } from './answer-fixtures';

/** "this month" on Nov 2 with data up to Nov 1: one day, against Oct 1 (the same day last month). */
const firstDay: Period = clipToData(parsePeriod('this month', '2026-11-02'), { today: '2026-11-02', lastDay: '2026-11-01', settlingDays: 2 });
const oneDay = () =>
  answer({
    period: firstDay,
    groupBy: 'service',
    rows: [['bq', '482.54', 'USD', 'BigQuery'], ['ec2', '120', 'USD', 'Amazon EC2']],
    previous: [['bq', '68.40', 'USD', 'BigQuery'], ['ec2', '100', 'USD', 'Amazon EC2']],
  });
const ONE_DAY_NOTE = 'Covers 1 day of each month. Percentages are left out below 7 days, as a day or two swings too much to mean anything.';

describe('a comparison of the first day of the month', () => {
  it('keeps the exact amounts, holds back every percentage and says the comparison covers 1 day', () => {
    const v = presentSummary(oneDay(), FRESH, 'this month');
    expect(firstDay.range).toEqual({ start: '2026-11-01', end: '2026-11-02' });
    expect(v.coverage).toEqual({ days: 1, previousDays: 1, unit: 'month' });
    // 602.54 vs 168.40 would be "+257.8%".
    expect(v.total).toBe(n('602.54'));
    expect(v.change).toEqual({ previous: n('168.40'), heldBack: 'few-days' });
    expect(v.top.map((r) => r.change)).toEqual([
      { previous: n('68.40'), heldBack: 'few-days' },
      { previous: n('100'), heldBack: 'few-days' },
    ]);
    expect(comparisonNote(v.coverage, [v.change])).toBe(ONE_DAY_NOTE);
  });

  it('shows the differences instead, in the console and in Slack', () => {
    const v = presentSummary(oneDay(), FRESH, 'this month');
    const text = summaryText(v);
    expect(text).toContain('▲ +$434.14 (was $168.40)'); // 602.54 − 168.40
    expect(text).toContain('1. BigQuery — $482.54 · 80% · ▲ +$414.14'); // 482.54 / 602.54 = 80.1%
    expect(text).toContain('2. Amazon EC2 — $120.00 · 20% · ▲ +$20.00');
    expect(text).toContain(ONE_DAY_NOTE);
    expect(text).not.toMatch(/\d%\)|▲ \d/);
    const slack = summaryMessage(v);
    const blocks = JSON.stringify(slack.blocks);
    expect(blocks).toContain('▲ +$434.14 (was $168.40)');
    expect(blocks).toContain('1. BigQuery — *$482.54* · 80% · ▲ +$414.14');
    expect(blocks).toContain(ONE_DAY_NOTE);
    expect(slack.text).toBe('Cloud costs for this month (2026-11, to 2026-11-01): $602.54 (▲ +$434.14 vs same days last month (Oct 1, 2026))');
  });

  it('holds back the compare percentages too, the change stays in money', () => {
    const v = presentCompare(oneDay(), 'this month');
    expect(v.change).toEqual({ previous: n('168.40'), heldBack: 'few-days' });
    const text = compareText(v);
    expect(text).toMatch(/Change\n▲ \+\$434\.14\n/);
    expect(text).toContain('1. BigQuery — +$414.14 · now $482.54');
    expect(text).toContain(ONE_DAY_NOTE);
    const slack = compareMessage(v);
    expect(JSON.stringify(slack.blocks)).toContain('*Change*\\n▲ +$434.14');
    expect(JSON.stringify(slack.blocks)).toContain(ONE_DAY_NOTE);
    expect(slack.text).toBe('this month (2026-11, to 2026-11-01): $602.54 vs $168.40 for same days last month (Oct 1, 2026); ▲ +$434.14');
  });

  it('says so under a top list, whose rows show differences', () => {
    const v = presentTop(oneDay(), 'service', FRESH, 'this month');
    expect(topText(v)).toContain(`Changes are vs same days last month (Oct 1, 2026).\n  ${ONE_DAY_NOTE}`);
    expect(JSON.stringify(topMessage(v).blocks)).toContain(`Changes are vs same days last month (Oct 1, 2026). ${ONE_DAY_NOTE}`);
  });

  it('compares 1 day with a whole month when asked to, and says so', () => {
    const v = presentCompare(answer({ period: firstDay, groupBy: 'service', rows: [['ec2', '120']], previous: [['ec2', '3000']], previousPeriod: monthPeriod('2026-10') }), 'this month vs last month');
    expect(v.coverage).toEqual({ days: 1, previousDays: 31 });
    expect(comparisonNote(v.coverage, [v.change])).toBe('Compares 1 day with 31 days. Percentages are left out below 7 days, as a day or two swings too much to mean anything.');
  });
});

describe('the Home tab and the digest on the 2nd of the month', () => {
  const byDay = answer({ period: parsePeriod('30d', '2026-11-02'), groupBy: 'day', rows: [['2026-11-01', '602.54']] });
  const home = () => presentHome({ mtd: oneDay(), byProvider: oneDay(), byAccount: oneDay(), last30: byDay, freshness: FRESH });

  it('show month to date as a difference, and say why there is no percentage', () => {
    const v = home();
    expect(v.mtd).toEqual({ total: n('602.54'), change: { previous: n('168.40'), heldBack: 'few-days' }, previousLabel: 'same days last month (Oct 1, 2026)', coverage: { days: 1, previousDays: 1, unit: 'month' } });
    expect(homeText(v)).toContain(`▲ +$434.14 (was $168.40)\n\n  ${ONE_DAY_NOTE}`);
    expect(JSON.stringify(homeView(v).blocks)).toContain(ONE_DAY_NOTE);
    const digest = presentDigest({ localDate: '2026-11-02', yesterday: oneDay(), week: oneDay(), mtd: oneDay(), freshness: FRESH });
    expect(digestText(digest)).toContain(ONE_DAY_NOTE);
    expect(JSON.stringify(digestMessage(digest).blocks)).toContain(ONE_DAY_NOTE);
  });

  it('say nothing more when every percentage is shown', () => {
    const v = presentHome({ mtd: answer({ period: parsePeriod('this month', '2026-11-20'), groupBy: 'service', rows: [['ec2', '110']], previous: [['ec2', '100']] }), byProvider: oneDay(), byAccount: oneDay(), last30: byDay, freshness: FRESH });
    expect(v.mtd.change).toEqual({ previous: n('100'), pct: 10 });
    expect(homeText(v)).not.toContain('Covers');
  });
});

describe('how many days hold back a percentage', () => {
  const mtdOn = (day: string) => clipToData(parsePeriod('this month', day), { today: day, lastDay: day, settlingDays: 2 });
  const change = (p: Period) => presentSummary(answer({ period: p, groupBy: 'service', rows: [['ec2', '110']], previous: [['ec2', '100']] }), FRESH, 'this month').change;

  it('holds it back for 6 days, shows it from 7 (a week has every weekday once)', () => {
    expect(change(mtdOn('2026-11-06'))).toEqual({ previous: n('100'), heldBack: 'few-days' });
    expect(change(mtdOn('2026-11-07'))).toEqual({ previous: n('100'), pct: 10 });
  });

  it('adds no note to whole months of different lengths', () => {
    const v = presentSummary(answer({ groupBy: 'service', rows: [['ec2', '110']], previous: [['ec2', '100']] }), FRESH, 'last month');
    expect(v.coverage).toEqual({ days: 31, previousDays: 30, wholeUnits: true });
    expect(comparisonNote(v.coverage, [v.change])).toBe('');
  });
});

describe('a rise from a small base', () => {
  // October vs September, whole months: only the base rule can apply.
  const v = presentSummary(
    answer({
      groupBy: 'service',
      rows: [['s3', '900', 'USD', 'Amazon S3'], ['ec2', '1000', 'USD', 'Amazon EC2'], ['rds', '500', 'USD', 'Amazon RDS']],
      previous: [['s3', '40', 'USD', 'Amazon S3'], ['ec2', '800', 'USD', 'Amazon EC2'], ['rds', '50', 'USD', 'Amazon RDS']],
    }),
    FRESH,
    'last month',
  );

  it('shows the difference where the earlier amount was under a tenth of the current one', () => {
    const [ec2, s3, rds] = v.top;
    expect(ec2!.change).toEqual({ previous: n('800'), pct: 25 }); // 1000 / 800
    expect(s3!.change).toEqual({ previous: n('40'), heldBack: 'small-base' }); // 40 × 10 = 400 < 900
    expect(rds!.change).toEqual({ previous: n('50'), pct: 900 }); // 50 × 10 = 500: exactly a tenth still counts
    // 2400 vs 890: (2400 − 890) / 890 = 169.66%
    expect(v.change?.pct).toBeCloseTo(169.6629, 3);
    const text = summaryText(v);
    expect(text).toContain('2. Amazon S3 — $900.00 · 38% · ▲ +$860.00'); // 900 / 2400 = 37.5% → 38%
    expect(text).toContain('3. Amazon RDS — $500.00 · 21% · ▲ 900.0%');
    expect(text).toContain('Where the earlier amount was under a tenth of the current one, the difference is shown instead of a percentage.');
  });

  it('never holds back a fall for its base', () => {
    const fall = presentSummary(answer({ groupBy: 'service', rows: [['ec2', '5']], previous: [['ec2', '100']] }), FRESH, 'last month');
    expect(fall.change).toEqual({ previous: n('100'), pct: -95 });
  });
});
