import { parsePeriod } from '../../../src/domain/period';
import { clipToData } from '../../../src/services/cost-answers';

const fresh = (lastDay?: string) => ({ today: '2026-11-22', lastDay, settlingDays: 2 });

describe('clipToData', () => {
  it('ends month-to-date at the last day with data, so the comparison is like for like', () => {
    const mtd = parsePeriod('this month', '2026-11-22');
    expect(clipToData(mtd, fresh('2026-11-21')).range).toEqual({ start: '2026-11-01', end: '2026-11-22' });
  });
  it('leaves calendar periods, periods without data, and data beyond the period alone', () => {
    expect(clipToData(parsePeriod('last month', '2026-11-22'), fresh('2026-11-21')).range).toEqual({ start: '2026-10-01', end: '2026-11-01' });
    expect(clipToData(parsePeriod('this month', '2026-11-22'), fresh(undefined)).range.end).toBe('2026-11-23');
    expect(clipToData(parsePeriod('this month', '2026-11-22'), fresh('2026-10-30')).range.end).toBe('2026-11-23');
    expect(clipToData(parsePeriod('this month', '2026-11-22'), fresh('2026-11-22')).range.end).toBe('2026-11-23');
  });
});
