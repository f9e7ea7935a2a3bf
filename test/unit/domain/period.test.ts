import { rangeLength } from '../../../src/domain/days';
import { parsePeriod, periodFromBounds, PeriodError, previousPeriod } from '../../../src/domain/period';

const TODAY = '2026-11-21'; // a Saturday

describe('parsePeriod', () => {
  it.each([
    ['today', '2026-11-21', '2026-11-22'],
    ['yesterday', '2026-11-20', '2026-11-21'],
    ['7d', '2026-11-14', '2026-11-21'],
    ['30d', '2026-10-22', '2026-11-21'],
    ['90d', '2026-08-23', '2026-11-21'],
    ['last 14 days', '2026-11-07', '2026-11-21'],
    ['this week', '2026-11-16', '2026-11-22'],
    ['last week', '2026-11-09', '2026-11-16'],
    ['this month', '2026-11-01', '2026-11-22'],
    ['MTD', '2026-11-01', '2026-11-22'],
    ['last month', '2026-10-01', '2026-11-01'],
    ['this quarter', '2026-10-01', '2026-11-22'],
    ['last quarter', '2026-07-01', '2026-10-01'],
    ['last year', '2025-01-01', '2026-01-01'],
    ['2024-09', '2024-09-01', '2024-10-01'],
    ['2024-09-05', '2024-09-05', '2024-09-06'],
    ['2024-09-01..2024-09-15', '2024-09-01', '2024-09-16'],
    ['2024-09-01 to 2024-09-15', '2024-09-01', '2024-09-16'],
    ['Q3 2024', '2024-07-01', '2024-10-01'],
    ['2024-q4', '2024-10-01', '2025-01-01'],
    ['september 2024', '2024-09-01', '2024-10-01'],
    ['Sep 2024', '2024-09-01', '2024-10-01'],
    ['December', '2025-12-01', '2026-01-01'],
    ['november', '2026-11-01', '2026-12-01'],
    ['2024', '2024-01-01', '2025-01-01'],
    ['  Last   Month ', '2026-10-01', '2026-11-01'],
  ])('%s', (text, start, end) => {
    expect(parsePeriod(text, TODAY).range).toEqual({ start, end });
  });

  it('handles leap years and month ends', () => {
    expect(parsePeriod('2024-02', TODAY).range).toEqual({ start: '2024-02-01', end: '2024-03-01' });
    expect(rangeLength(parsePeriod('2024-02', TODAY).range)).toBe(29);
    expect(parsePeriod('last month', '2025-03-31').range).toEqual({ start: '2025-02-01', end: '2025-03-01' });
    expect(parsePeriod('this week', '2027-01-03').range).toEqual({ start: '2026-12-28', end: '2027-01-04' });
  });

  it.each(['lastmonth', '2024-13', '2024-02-30', 'Q5 2024', '0d', '2024-09-15..2024-09-01', 'next week', 'frobuary 2024', ''])(
    'rejects %p with the accepted forms',
    (text) => {
      expect(() => parsePeriod(text, TODAY)).toThrow(PeriodError);
      try {
        parsePeriod(text, TODAY);
      } catch (e) {
        expect((e as Error).message).toContain('last month');
        expect((e as Error).message).toContain('Q3 2024');
        expect((e as PeriodError).code).toBe('PERIOD_INVALID');
      }
    },
  );

  it('explicit bounds are inclusive and checked', () => {
    expect(periodFromBounds('2024-09-01', '2024-09-30').range).toEqual({ start: '2024-09-01', end: '2024-10-01' });
    expect(() => periodFromBounds('2024-09-30', '2024-09-01')).toThrow(PeriodError);
    expect(() => periodFromBounds('2024-9-1', '2024-09-30')).toThrow(PeriodError);
  });
});

describe('previousPeriod', () => {
  const prev = (text: string, today = TODAY) => previousPeriod(parsePeriod(text, today)).range;
  it('calendar months compare with the previous month', () => {
    expect(prev('last month')).toEqual({ start: '2026-09-01', end: '2026-10-01' });
    expect(prev('2024-03')).toEqual({ start: '2024-02-01', end: '2024-03-01' });
  });
  it('month-to-date compares with the same days last month, clamped', () => {
    expect(prev('this month')).toEqual({ start: '2026-10-01', end: '2026-10-22' });
    expect(prev('this month', '2025-03-31')).toEqual({ start: '2025-02-01', end: '2025-03-01' });
  });
  it('quarters, years and weeks', () => {
    expect(prev('Q1 2025')).toEqual({ start: '2024-10-01', end: '2025-01-01' });
    expect(prev('2024')).toEqual({ start: '2023-01-01', end: '2024-01-01' });
    expect(prev('this week')).toEqual({ start: '2026-11-09', end: '2026-11-15' });
  });
  it('explicit dates covering a calendar unit compare like that unit', () => {
    expect(previousPeriod(periodFromBounds('2024-09-01', '2024-09-30')).range).toEqual({ start: '2024-08-01', end: '2024-09-01' });
    expect(prev('2024-07-01..2024-09-30')).toEqual({ start: '2024-04-01', end: '2024-07-01' });
    expect(prev('2024-09-01..2024-09-29')).toEqual({ start: '2024-08-03', end: '2024-09-01' });
  });
  it('rolling windows compare with the equal-length window before', () => {
    expect(prev('7d')).toEqual({ start: '2026-11-07', end: '2026-11-14' });
    expect(prev('2024-09-10..2024-09-12')).toEqual({ start: '2024-09-07', end: '2024-09-10' });
    expect(prev('yesterday')).toEqual({ start: '2026-11-19', end: '2026-11-20' });
  });
});

describe('parsePeriod: relative forms people say', () => {
  // TODAY is Saturday 2026-11-21.
  it.each([
    ['last 3 months', '2026-08-01', '2026-11-01'],
    ['past 3 months', '2026-08-01', '2026-11-01'],
    ['last three months', '2026-08-01', '2026-11-01'],
    ['last 1 month', '2026-10-01', '2026-11-01'],
    ['last 2 weeks', '2026-11-02', '2026-11-16'],
    ['last 2 quarters', '2026-04-01', '2026-10-01'],
    ['previous month', '2026-10-01', '2026-11-01'],
    ['prior quarter', '2026-07-01', '2026-10-01'],
    ['past 30 days', '2026-10-22', '2026-11-21'],
    ['past week', '2026-11-14', '2026-11-21'],
    ['past month', '2026-10-22', '2026-11-21'],
    ['this week so far', '2026-11-16', '2026-11-22'],
    ['this month to date', '2026-11-01', '2026-11-22'],
    ['2 months ago', '2026-09-01', '2026-10-01'],
    ['a week ago', '2026-11-09', '2026-11-16'],
    ['3 days ago', '2026-11-18', '2026-11-19'],
    ['day before yesterday', '2026-11-19', '2026-11-20'],
    ['the month before last', '2026-09-01', '2026-10-01'],
    ['since monday', '2026-11-16', '2026-11-22'],
    ['since saturday', '2026-11-21', '2026-11-22'],
    ['since sunday', '2026-11-15', '2026-11-22'],
    ['since 2026-11-10', '2026-11-10', '2026-11-22'],
    ['since october', '2026-10-01', '2026-11-22'],
    ['Q3', '2026-07-01', '2026-10-01'],
    ['q4', '2026-10-01', '2027-01-01'],
  ])('%s', (text, start, end) => {
    expect(parsePeriod(text, TODAY).range).toEqual({ start, end });
  });

  it('a bare quarter that has not started yet is last year\'s', () => {
    expect(parsePeriod('Q4', '2026-05-02').range).toEqual({ start: '2025-10-01', end: '2026-01-01' });
  });

  it.each(['since tomorrow', 'since 2027-01-01', 'last 0 months', 'zero weeks ago', 'since since monday', 'last many months'])('rejects %p', (text) => {
    expect(() => parsePeriod(text, TODAY)).toThrow(PeriodError);
  });
});
