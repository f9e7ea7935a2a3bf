import { generateKeyPairSync } from 'node:crypto';
import { loadConfig } from '../../../src/config/config';

const publicPem = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();

describe('the query cache setting', () => {
  it('defaults to 500 answers; 0 turns it off; anything else is refused by name', () => {
    expect(loadConfig({}).queryCache).toBe(500);
    expect(loadConfig({ PENNY_QUERY_CACHE: '0' }).queryCache).toBe(0);
    expect(() => loadConfig({ PENNY_QUERY_CACHE: 'lots' })).toThrow('PENNY_QUERY_CACHE must be a whole number');
  });
});

describe('email settings', () => {
  it('are off without SMTP_URL, and need addresses with it', () => {
    expect(loadConfig({ SMTP_URL: '' }).email).toBeUndefined();
    expect(loadConfig({ SMTP_URL: 'smtp://mail:25', PENNY_EMAIL_TO: 'a@x.org; b@y.org' }).email).toEqual({ smtpUrl: 'smtp://mail:25', from: 'Penny <penny@localhost>', to: ['a@x.org', 'b@y.org'], alertTo: ['a@x.org', 'b@y.org'] });
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail:25' })).toThrow('PENNY_EMAIL_TO is required when SMTP_URL is set');
    expect(() => loadConfig({ SMTP_URL: 'http://mail' })).toThrow('SMTP_URL must be an smtp:// or smtps:// URL');
    expect(() => loadConfig({ SMTP_URL: 'smtp://m', PENNY_EMAIL_TO: 'nobody' })).toThrow('PENNY_EMAIL_TO must be email addresses');
  });

  it('send alerts to the digest addresses unless PENNY_ALERT_EMAIL_TO names others or says off', () => {
    const smtp = { SMTP_URL: 'smtp://mail:25', PENNY_EMAIL_TO: 'finance@x.org' };
    expect(loadConfig({ ...smtp, PENNY_ALERT_EMAIL_TO: 'oncall@x.org, sre@x.org' }).email).toMatchObject({ to: ['finance@x.org'], alertTo: ['oncall@x.org', 'sre@x.org'] });
    expect(loadConfig({ ...smtp, PENNY_ALERT_EMAIL_TO: 'off' }).email).toMatchObject({ to: ['finance@x.org'], alertTo: [] });
    expect(loadConfig({ ...smtp, PENNY_ALERT_EMAIL_TO: ' ' }).email).toMatchObject({ alertTo: ['finance@x.org'] });
    // Alerts only, no digest email.
    expect(loadConfig({ SMTP_URL: 'smtp://mail:25', PENNY_ALERT_EMAIL_TO: 'oncall@x.org' }).email).toMatchObject({ to: [], alertTo: ['oncall@x.org'] });
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail:25', PENNY_ALERT_EMAIL_TO: 'off' })).toThrow('PENNY_EMAIL_TO is required when SMTP_URL is set');
    expect(() => loadConfig({ ...smtp, PENNY_ALERT_EMAIL_TO: 'oncall' })).toThrow('PENNY_ALERT_EMAIL_TO must be email addresses separated by commas, or off');
  });
});

describe('auth settings', () => {
  it('default to no keys, audience penny and no extra roles; empty values count as unset', () => {
    expect(loadConfig({ PENNY_JWT_SECRET: '', PENNY_ADMINS: ' ', PENNY_JWT_AUDIENCE: '' }).auth).toEqual({
      jwtSecret: undefined, jwtPublicKey: undefined, jwtPrivateKey: undefined, jwtAudience: 'penny', admins: [], finance: [],
    });
  });

  it('read user lists separated by commas or spaces, and PEM keys with escaped newlines', () => {
    const auth = loadConfig({ PENNY_ADMINS: 'U1, U2 U3', PENNY_FINANCE: 'U9', PENNY_JWT_PUBLIC_KEY: publicPem.replace(/\n/g, '\\n') }).auth;
    expect(auth).toMatchObject({ admins: ['U1', 'U2', 'U3'], finance: ['U9'], jwtPublicKey: publicPem.trim() });
  });

  it.each([
    [{ PENNY_JWT_SECRET: 'short' }, 'PENNY_JWT_SECRET must be at least 32 characters'],
    [{ PENNY_JWT_PUBLIC_KEY: 'not a key' }, 'PENNY_JWT_PUBLIC_KEY must be a PEM key'],
    [{ PENNY_JWT_SECRET: 'x'.repeat(32), PENNY_JWT_PUBLIC_KEY: publicPem }, 'PENNY_JWT_PUBLIC_KEY cannot be set together with PENNY_JWT_SECRET'],
  ])('name the bad setting: %p', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
