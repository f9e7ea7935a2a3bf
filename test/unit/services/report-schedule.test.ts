/** When scheduled reports go out: the first day of the new week or month, at the set time, or later that period. */
import { reportDue } from '../../../src/services/report-schedule';

describe('when a scheduled report is due', () => {
  const at = { time: '09:00', timeZone: 'Europe/Berlin' };
  it.each([
    ['weekly', '2024-09-30T06:59:00Z', false, '2024-09-23'], // Monday 08:59 in Berlin
    ['weekly', '2024-09-30T07:00:00Z', true, '2024-09-23'], // Monday 09:00
    ['weekly', '2024-10-02T03:00:00Z', true, '2024-09-23'], // Wednesday early: late, but that week's report is still due
    ['monthly', '2024-10-01T06:00:00Z', false, '2024-09-01'],
    ['monthly', '2024-10-01T07:30:00Z', true, '2024-09-01'],
    ['monthly', '2024-10-15T00:00:00Z', true, '2024-09-01'],
  ] as const)('%s at %s: due %s, for the period from %s', (cadence, iso, due, periodStart) => {
    expect(reportDue(cadence, new Date(iso), at)).toMatchObject({ due, periodStart });
  });
});
