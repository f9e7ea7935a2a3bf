import { loadConfig } from '../../../src/config/config';

describe('loadConfig', () => {
  it('has defaults and MONGODB_URI is optional', () => {
    expect(loadConfig({})).toMatchObject({ mongodbUri: undefined, timeZone: 'UTC', currency: 'USD', dataDir: '.penny', logLevel: 'info' });
  });
  it.each([
    [{ PENNY_TIMEZONE: 'Mars/Olympus' }, 'PENNY_TIMEZONE must be an IANA time zone'],
    [{ MONGODB_URI: 'http://localhost' }, 'MONGODB_URI must start with mongodb://'],
    [{ PENNY_CURRENCY: 'usd' }, 'PENNY_CURRENCY must be a three-letter ISO currency code'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('names the bad variable: %p', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
  it('accepts a valid time zone', () => {
    expect(loadConfig({ PENNY_TIMEZONE: 'Europe/Berlin', MONGODB_URI: 'mongodb://h:1/x' })).toMatchObject({ timeZone: 'Europe/Berlin', mongodbUri: 'mongodb://h:1/x' });
  });
});
