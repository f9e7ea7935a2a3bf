import { addDays } from '../../../../src/domain/days';
import { civilOf, dayFromNumber, dayNumber, daysInMonth, weekdayOf } from '../../../../src/domain/timeseries/day-number';
import { sameKeyDayBefore } from '../../../../src/domain/timeseries/monthly-recurring';

describe('day numbers', () => {
  it('round-trips every day from 1999 to 2031 and agrees with Date on the calendar fields', () => {
    for (let day = '1999-12-25'; day < '2031-01-10'; day = addDays(day, 1)) {
      const n = dayNumber(day);
      expect(dayFromNumber(n)).toBe(day);
      const d = new Date(`${day}T00:00:00Z`);
      expect(civilOf(n)).toEqual({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
      expect(weekdayOf(n)).toBe((d.getUTCDay() + 6) % 7);
    }
  });

  it('knows month lengths, leap years included', () => {
    expect([daysInMonth(2024, 2), daysInMonth(2023, 2), daysInMonth(2000, 2), daysInMonth(1900, 2), daysInMonth(2025, 4), daysInMonth(2025, 12)]).toEqual([29, 28, 29, 28, 30, 31]);
  });
});

describe('sameKeyDayBefore', () => {
  const back = (day: string, months: number) => dayFromNumber(sameKeyDayBefore(dayNumber(day), months));
  it('keeps the day of month away from the month end', () => {
    expect(back('2025-05-01', 1)).toBe('2025-04-01');
    expect(back('2025-01-15', 1)).toBe('2024-12-15');
    expect(back('2025-05-01', 3)).toBe('2025-02-01');
  });
  it('matches the last days of months by their distance from the end', () => {
    expect(back('2025-03-31', 1)).toBe('2025-02-28');
    expect(back('2024-03-31', 1)).toBe('2024-02-29');
    expect(back('2025-02-28', 1)).toBe('2025-01-31');
    expect(back('2025-04-29', 1)).toBe('2025-03-30');
  });
});
