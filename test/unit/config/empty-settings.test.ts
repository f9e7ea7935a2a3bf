/**
 * An empty setting counts as unset (an `.env` line like `CHART_RENDERER=`): for every variable
 * the config modules read, an empty or blank value gives exactly what leaving it out gives.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADVICE_VARIABLES } from '../../../src/config/advice-config';
import { CORE_VARIABLES, loadConfig } from '../../../src/config/config';
import { withFileSecrets } from '../../../src/config/secrets';
import { loadSlackConfig, SLACK_VARIABLES } from '../../../src/config/slack-config';
import { WATCHDOG_VARIABLES } from '../../../src/config/watchdog-config';

const BLANKS = ['', '   '];

describe('an empty setting counts as unset', () => {
  it('reads the variables it is tested for', () => {
    expect(CORE_VARIABLES).toEqual(expect.arrayContaining(['MONGODB_URI', 'PENNY_DATA_DIR', 'PENNY_TIMEZONE', 'PENNY_CURRENCY', 'PENNY_FERRETDB_BIN', 'PENNY_DIGEST_TIME', 'LOG_LEVEL']));
    expect(SLACK_VARIABLES).toEqual(expect.arrayContaining(['SLACK_APP_TOKEN', 'PORT', 'CHART_RENDERER', 'QUICKCHART_HOST']));
  });

  it.each(CORE_VARIABLES.flatMap((name) => BLANKS.map((blank) => [name, blank])))('core: %s=%j is the default', (name, blank) => {
    expect(loadConfig({ [name]: blank })).toEqual(loadConfig({}));
  });

  it.each(WATCHDOG_VARIABLES.flatMap((name) => BLANKS.map((blank) => [name, blank])))('watchdog: %s=%j is the default', (name, blank) => {
    expect(loadConfig({ [name]: blank })).toEqual(loadConfig({}));
  });

  it('watchdog settings: defaults, decimals and a bad value named', () => {
    expect(loadConfig({}).watchdog).toEqual({ minImpact: 50_000_000_000n, minDeviationPct: 20, tagKeys: [] });
    expect(loadConfig({ PENNY_ANOMALY_MIN_IMPACT: '12.5', PENNY_ANOMALY_MIN_PCT: '35', PENNY_ANOMALY_TAG_KEYS: 'team, env,team' }).watchdog).toEqual({ minImpact: 12_500_000_000n, minDeviationPct: 35, tagKeys: ['team', 'env'] });
    expect(() => loadConfig({ PENNY_ANOMALY_MIN_IMPACT: '$50' })).toThrow('PENNY_ANOMALY_MIN_IMPACT must be an amount');
  });

  it.each(ADVICE_VARIABLES.flatMap((name) => BLANKS.map((blank) => [name, blank])))('recommendations: %s=%j is the default', (name, blank) => {
    expect(loadConfig({ [name]: blank })).toEqual(loadConfig({}));
  });

  // The bot token is required, and the signing secret is required when there is no app token.
  const base = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' };
  const optional = SLACK_VARIABLES.filter((name) => !(name in base));
  it.each(optional.flatMap((name) => BLANKS.map((blank) => [name, blank])))('slack: %s=%j is the default', (name, blank) => {
    expect(loadSlackConfig({ ...base, [name]: blank })).toEqual(loadSlackConfig(base));
  });

  it('slack: a blank required variable is reported as missing, not as malformed', () => {
    expect(() => loadSlackConfig({ SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: 's' })).toThrow('SLACK_BOT_TOKEN is required');
    expect(() => loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: ' ' })).toThrow('SLACK_SIGNING_SECRET is required in HTTP mode');
  });

  it('the CLI default log level applies when LOG_LEVEL is blank, and LOG_LEVEL wins when set', () => {
    expect(loadConfig({ LOG_LEVEL: '' }, { logLevel: 'warn' }).logLevel).toBe('warn');
    expect(loadConfig({ LOG_LEVEL: 'debug' }, { logLevel: 'warn' }).logLevel).toBe('debug');
    expect(loadConfig({}).logLevel).toBe('info');
  });

  describe('secrets', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'penny-secrets-'));
      writeFileSync(join(dir, 'MONGODB_URI'), 'mongodb://from-file:27017/penny\n');
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it.each(BLANKS)('a blank variable (%j) is taken from its secret file', (blank) => {
      expect(withFileSecrets({ PENNY_SECRETS_DIR: dir, MONGODB_URI: blank }).MONGODB_URI).toBe('mongodb://from-file:27017/penny');
    });
  });
});
