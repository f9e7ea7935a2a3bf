import {
  canonicalTimeZone, isDue, isValidTimeZone, localDateTime, nextRun, parseDigestTime, scheduledInstant,
} from '../../../src/services/digest-schedule';

const at = (iso: string) => new Date(iso);
const sub = (time: string, timeZone: string) => ({ time, timeZone });

describe('parseDigestTime', () => {
  it.each([
    ['9:00', '09:00'], ['09:00', '09:00'], ['17:30', '17:30'], ['0:05', '00:05'], ['23:59', '23:59'], [' 7:45 ', '07:45'],
    ['9am', '09:00'], ['9 AM', '09:00'], ['9a.m.', '09:00'], ['5:30pm', '17:30'], ['5:30 PM', '17:30'],
    ['12am', '00:00'], ['12pm', '12:00'], ['12:15am', '00:15'], ['noon', '12:00'], ['Midnight', '00:00'],
  ])('reads %j as %s', (input, expected) => {
    expect(parseDigestTime(input)).toBe(expected);
  });

  it.each(['', 'nine', '24:00', '9:60', '9:5', '13pm', '0am', '-1:00', '9', '09:00:00', '9.30', '12:00 pmx'])('rejects %j', (input) => {
    expect(parseDigestTime(input)).toBeUndefined();
  });
});

describe('time zones', () => {
  it('knows IANA zones and rejects others', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone('Nowhere/Special')).toBeUndefined();
  });

  it('reads the local date and time of an instant', () => {
    expect(localDateTime(at('2026-03-10T23:30:00Z'), 'Asia/Tokyo')).toEqual({ date: '2026-03-11', time: '08:30', minutes: 510 });
    expect(localDateTime(at('2026-03-10T23:30:00Z'), 'America/Los_Angeles')).toEqual({ date: '2026-03-10', time: '16:30', minutes: 990 });
    expect(localDateTime(at('2026-01-15T00:00:00Z'), 'UTC')).toEqual({ date: '2026-01-15', time: '00:00', minutes: 0 });
    expect(localDateTime(at('2026-01-15T03:29:59Z'), 'Asia/Kolkata')).toEqual({ date: '2026-01-15', time: '08:59', minutes: 539 });
  });
});

describe('isDue', () => {
  const berlin9 = sub('09:00', 'Europe/Berlin');

  it('is due from the local time until the local day ends, keyed by the local date', () => {
    expect(isDue(berlin9, at('2026-01-15T07:59:59Z'))).toEqual({ due: false, localDate: '2026-01-15' });
    expect(isDue(berlin9, at('2026-01-15T08:00:00Z'))).toEqual({ due: true, localDate: '2026-01-15' });
    // The app was down all morning: the digest still goes out the same local day, late.
    expect(isDue(berlin9, at('2026-01-15T14:00:00Z'))).toEqual({ due: true, localDate: '2026-01-15' });
    expect(isDue(berlin9, at('2026-01-15T22:59:59Z'))).toEqual({ due: true, localDate: '2026-01-15' });
    // Local midnight: a new day, not due until 09:00 again (yesterday's is not sent "late" today).
    expect(isDue(berlin9, at('2026-01-15T23:00:00Z'))).toEqual({ due: false, localDate: '2026-01-16' });
  });

  it('uses the local date, not the UTC date', () => {
    const tokyo = sub('08:00', 'Asia/Tokyo');
    expect(isDue(tokyo, at('2026-03-10T23:30:00Z'))).toEqual({ due: true, localDate: '2026-03-11' });
    const la = sub('17:00', 'America/Los_Angeles');
    // 2026-03-10 is already PDT (UTC-7): 17:00 local is 00:00 UTC the next day.
    expect(isDue(la, at('2026-03-10T23:59:00Z'))).toEqual({ due: false, localDate: '2026-03-10' });
    expect(isDue(la, at('2026-03-11T00:00:00Z'))).toEqual({ due: true, localDate: '2026-03-10' });
  });

  it('handles half-hour offsets and midnight digests', () => {
    expect(isDue(sub('09:00', 'Asia/Kolkata'), at('2026-01-15T03:29:00Z')).due).toBe(false);
    expect(isDue(sub('09:00', 'Asia/Kolkata'), at('2026-01-15T03:30:00Z')).due).toBe(true);
    expect(isDue(sub('00:00', 'Europe/Berlin'), at('2026-01-15T23:00:00Z'))).toEqual({ due: true, localDate: '2026-01-16' });
  });

  describe('Europe/Berlin DST', () => {
    it('spring forward (2026-03-29, 02:00 → 03:00): a time in the gap is due when the gap ends', () => {
      const gap = sub('02:30', 'Europe/Berlin');
      expect(scheduledInstant('2026-03-29', '02:30', 'Europe/Berlin')).toEqual(at('2026-03-29T01:00:00Z'));
      expect(isDue(gap, at('2026-03-29T00:59:00Z'))).toEqual({ due: false, localDate: '2026-03-29' });
      expect(isDue(gap, at('2026-03-29T01:00:00Z'))).toEqual({ due: true, localDate: '2026-03-29' });
      // Ordinary times move one hour earlier in UTC.
      expect(scheduledInstant('2026-03-28', '09:00', 'Europe/Berlin')).toEqual(at('2026-03-28T08:00:00Z'));
      expect(scheduledInstant('2026-03-29', '09:00', 'Europe/Berlin')).toEqual(at('2026-03-29T07:00:00Z'));
    });

    it('fall back (2026-10-25, 03:00 → 02:00): a repeated time is due at its first occurrence and stays due', () => {
      const twice = sub('02:30', 'Europe/Berlin');
      expect(scheduledInstant('2026-10-25', '02:30', 'Europe/Berlin')).toEqual(at('2026-10-25T00:30:00Z'));
      expect(isDue(twice, at('2026-10-25T00:29:00Z')).due).toBe(false);
      expect(isDue(twice, at('2026-10-25T00:30:00Z'))).toEqual({ due: true, localDate: '2026-10-25' });
      // 01:10Z is 02:10 CET, the repeated hour: the clock reads earlier than 02:30, still due.
      expect(isDue(twice, at('2026-10-25T01:10:00Z'))).toEqual({ due: true, localDate: '2026-10-25' });
      expect(scheduledInstant('2026-10-25', '09:00', 'Europe/Berlin')).toEqual(at('2026-10-25T08:00:00Z'));
    });

    it('nextRun crosses the transitions in local time, not in fixed 24 h steps', () => {
      expect(nextRun(sub('09:00', 'Europe/Berlin'), at('2026-03-28T09:00:00Z'))).toEqual(at('2026-03-29T07:00:00Z'));
      expect(nextRun(sub('02:30', 'Europe/Berlin'), at('2026-03-28T12:00:00Z'))).toEqual(at('2026-03-29T01:00:00Z'));
      expect(nextRun(sub('09:00', 'Europe/Berlin'), at('2026-10-24T08:00:00Z'))).toEqual(at('2026-10-25T08:00:00Z'));
    });
  });

  describe('America/New_York DST', () => {
    it('spring forward (2026-03-08, 02:00 → 03:00)', () => {
      expect(scheduledInstant('2026-03-07', '09:00', 'America/New_York')).toEqual(at('2026-03-07T14:00:00Z'));
      expect(scheduledInstant('2026-03-08', '09:00', 'America/New_York')).toEqual(at('2026-03-08T13:00:00Z'));
      expect(scheduledInstant('2026-03-08', '02:15', 'America/New_York')).toEqual(at('2026-03-08T07:00:00Z'));
      expect(isDue(sub('02:15', 'America/New_York'), at('2026-03-08T06:59:00Z')).due).toBe(false);
      expect(isDue(sub('02:15', 'America/New_York'), at('2026-03-08T07:00:00Z'))).toEqual({ due: true, localDate: '2026-03-08' });
    });

    it('fall back (2026-11-01, 02:00 → 01:00)', () => {
      expect(scheduledInstant('2026-11-01', '01:30', 'America/New_York')).toEqual(at('2026-11-01T05:30:00Z'));
      expect(isDue(sub('01:30', 'America/New_York'), at('2026-11-01T06:10:00Z'))).toEqual({ due: true, localDate: '2026-11-01' });
      expect(scheduledInstant('2026-11-01', '09:00', 'America/New_York')).toEqual(at('2026-11-01T14:00:00Z'));
      // Saturday 10:00 EDT → Sunday 09:00 EST is 24 h of wall clock but 24 h + 1 h of real time.
      expect(nextRun(sub('09:00', 'America/New_York'), at('2026-10-31T14:00:00Z'))).toEqual(at('2026-11-01T14:00:00Z'));
    });

    it('the evening before a transition still belongs to that local day', () => {
      expect(isDue(sub('21:00', 'America/New_York'), at('2026-03-08T01:30:00Z'))).toEqual({ due: false, localDate: '2026-03-07' });
      expect(isDue(sub('21:00', 'America/New_York'), at('2026-03-08T02:00:00Z'))).toEqual({ due: true, localDate: '2026-03-07' });
    });
  });
});

describe('nextRun', () => {
  it("is today's time while it is ahead, else tomorrow's", () => {
    const s = sub('09:00', 'Europe/Berlin');
    expect(nextRun(s, at('2026-01-15T07:00:00Z'))).toEqual(at('2026-01-15T08:00:00Z'));
    expect(nextRun(s, at('2026-01-15T08:00:00Z'))).toEqual(at('2026-01-16T08:00:00Z'));
    expect(nextRun(s, at('2026-01-15T22:30:00Z'))).toEqual(at('2026-01-16T08:00:00Z'));
  });

  it('skips a local day that does not exist', () => {
    // Samoa jumped from 2011-12-29 23:59 (UTC-10) to 2011-12-31 00:00 (UTC+14).
    expect(nextRun(sub('09:00', 'Pacific/Apia'), at('2011-12-29T20:00:00Z'))).toEqual(at('2011-12-30T19:00:00Z'));
  });
});
