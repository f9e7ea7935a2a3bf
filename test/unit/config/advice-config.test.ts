import { loadConfig } from '../../../src/config/config';

describe('recommendation settings', () => {
  it('defaults: env/environment tags, 25% discount, a refresh an hour after the sync, weekly to the digest channels on Mondays', () => {
    const { advice } = loadConfig({});
    expect(advice.settings.nonProduction.tag).toEqual({ keys: ['env', 'environment'], values: ['dev', 'development', 'test', 'testing', 'qa', 'staging', 'sandbox'] });
    expect(advice.settings.commitment.discountPct).toBe(25);
    expect(advice).toMatchObject({ refreshTime: '07:00', weekly: 'digest', weekday: 'monday' });
    expect(advice.channel).toBeUndefined();
    expect(loadConfig({ PENNY_SYNC_TIME: '23:30' }).advice.refreshTime).toBe('00:30');
  });

  it('reads what people tune', () => {
    const { advice } = loadConfig({
      PENNY_NONPROD_TAG: 'stage=dev|qa', PENNY_COMMITMENT_DISCOUNT: '30', PENNY_OFFICE_HOURS_PER_WEEK: '50', PENNY_RECOMMEND_MIN_SAVING: '5.50',
      PENNY_COST_RISE_PCT: '40', PENNY_COST_RISE_MIN: '250', PENNY_RECOMMEND_TIME: '08:15', PENNY_RECOMMEND_WEEKLY: 'off', PENNY_RECOMMEND_CHANNEL: 'C0123456789', PENNY_RECOMMEND_WEEKDAY: 'Friday',
    });
    expect(advice.settings.nonProduction).toMatchObject({ tag: { keys: ['stage'], values: ['dev', 'qa'] }, scheduledHoursPerWeek: 50 });
    expect(advice.settings.commitment.discountPct).toBe(30);
    expect(advice.settings.minMonthlySaving).toBe(5_500_000_000n);
    expect(advice.settings.costRise).toEqual({ minPct: 40, minIncrease: 250_000_000_000n });
    expect(advice).toMatchObject({ refreshTime: '08:15', weekly: 'off', channel: 'C0123456789', weekday: 'friday' });
  });

  it.each([
    ['PENNY_NONPROD_TAG', 'dev', /PENNY_NONPROD_TAG must be KEY/],
    ['PENNY_COMMITMENT_DISCOUNT', '95', /PENNY_COMMITMENT_DISCOUNT/],
    ['PENNY_RECOMMEND_MIN_SAVING', 'lots', /PENNY_RECOMMEND_MIN_SAVING must be an amount/],
    ['PENNY_RECOMMEND_TIME', '7am', /PENNY_RECOMMEND_TIME must be a 24-hour time/],
    ['PENNY_RECOMMEND_WEEKLY', 'daily', /PENNY_RECOMMEND_WEEKLY must be digest or off/],
    ['PENNY_RECOMMEND_CHANNEL', '#costs', /PENNY_RECOMMEND_CHANNEL must be a channel id/],
  ])('names a bad %s', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});
