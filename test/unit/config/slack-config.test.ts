import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withFileSecrets } from '../../../src/config/secrets';
import { loadSlackConfig } from '../../../src/config/slack-config';

describe('loadSlackConfig', () => {
  it('HTTP mode needs the signing secret; Socket Mode the app token', () => {
    expect(loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' })).toMatchObject({ mode: 'http', port: 3000, chartRenderer: 'quickchart' });
    expect(loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).toMatchObject({ mode: 'socket' });
    expect(() => loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow('SLACK_SIGNING_SECRET is required in HTTP mode');
  });
  it.each([
    [{}, 'SLACK_BOT_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xoxp-user', SLACK_SIGNING_SECRET: 's' }, 'SLACK_BOT_TOKEN must be a bot token'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'nope' }, 'SLACK_APP_TOKEN must be an app-level token'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'localhost' }, 'SLACK_API_URL must be a URL'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', CHART_RENDERER: 'svg' }, 'CHART_RENDERER'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: 'eighty' }, 'PORT'],
  ])('names the bad variable %#', (env, message) => expect(() => loadSlackConfig(env)).toThrow(message));
});

describe('withFileSecrets', () => {
  it('reads secrets from files when the environment lacks them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'penny-secrets-'));
    try {
      writeFileSync(join(dir, 'slack_bot_token'), 'xoxb-from-file\n');
      const env = withFileSecrets({ PENNY_SECRETS_DIR: dir, SLACK_SIGNING_SECRET: 'env' });
      expect(env.SLACK_BOT_TOKEN).toBe('xoxb-from-file');
      expect(withFileSecrets({ PENNY_SECRETS_DIR: dir, SLACK_BOT_TOKEN: 'xoxb-env' }).SLACK_BOT_TOKEN).toBe('xoxb-env');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
