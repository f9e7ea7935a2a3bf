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

describe('database limits', () => {
  it('default to production sizes, and an empty value counts as unset', () => {
    const limits = { connectMs: 10_000, queryMs: 30_000, writeMs: 120_000, leaseMs: 30_000, writeWaitMs: 600_000 };
    expect(loadConfig({}).db).toEqual(limits);
    expect(loadConfig({ PENNY_DB_QUERY_TIMEOUT_MS: '', PENNY_WRITE_LEASE_MS: '  ' }).db).toEqual(limits);
  });
  it('are read in milliseconds', () => {
    expect(loadConfig({ PENNY_DB_CONNECT_TIMEOUT_MS: '2000', PENNY_DB_QUERY_TIMEOUT_MS: '5000', PENNY_DB_WRITE_TIMEOUT_MS: '15000', PENNY_WRITE_LEASE_MS: '3000', PENNY_WRITE_WAIT_MS: '0' }).db)
      .toEqual({ connectMs: 2000, queryMs: 5000, writeMs: 15000, leaseMs: 3000, writeWaitMs: 0 });
  });
  it.each([
    [{ PENNY_DB_QUERY_TIMEOUT_MS: 'soon' }, 'PENNY_DB_QUERY_TIMEOUT_MS must be a whole number of milliseconds'],
    [{ PENNY_DB_WRITE_TIMEOUT_MS: '1.5' }, 'PENNY_DB_WRITE_TIMEOUT_MS must be a whole number of milliseconds'],
    [{ PENNY_WRITE_LEASE_MS: '10' }, 'PENNY_WRITE_LEASE_MS must be at least 1000 ms'],
  ])('name the bad variable: %p', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
