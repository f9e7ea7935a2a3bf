/**
 * Slack roles with the real WebClient against the fake Slack API: workspace admins and owners
 * (users.info) and PENNY_ADMINS are admins, PENNY_FINANCE is finance; answers are kept a while;
 * without the users:read scope the fake refuses as Slack does, and only the lists count.
 */
import { WebClient } from '@slack/web-api';
import { SlackRoles } from '../../../src/slack/roles';
import { startFakeSlackApi, type FakeSlackApi } from '../../fakes/fake-slack-api';
import { manifestBotScopes } from '../../fakes/slack-scopes';
import { recordingLogger } from '../../support/silent-logger';

let api: FakeSlackApi;
let narrow: FakeSlackApi;
beforeAll(async () => {
  const users = { UADMIN: { isAdmin: true }, UOWNER: { isOwner: true }, UPRIMARY: { isPrimaryOwner: true } };
  api = await startFakeSlackApi({ users });
  narrow = await startFakeSlackApi({ users, scopes: manifestBotScopes().filter((s) => s !== 'users:read') });
});
afterAll(async () => {
  await api.close();
  await narrow.close();
});

const client = (fake: FakeSlackApi) => new WebClient('xoxb-test', { slackApiUrl: fake.url, retryConfig: { retries: 0 } });

it('asks Slack who is a workspace admin or owner, and keeps the answer a while', async () => {
  let now = 0;
  const web = client(api);
  const roles = new SlackRoles({ admins: ['ULISTED'], finance: ['UMONEY'], client: () => web, now: () => now, ttlMs: 1000 });
  expect(await Promise.all(['UADMIN', 'UOWNER', 'UPRIMARY', 'ULISTED', 'UMONEY', 'UPLAIN'].map((u) => roles.roleOf(u)))).toEqual(['admin', 'admin', 'admin', 'admin', 'finance', 'viewer']);
  const calls = () => api.callsTo('users.info').filter((c) => c.body.user === 'UADMIN').length;
  expect(calls()).toBe(1);
  await roles.roleOf('UADMIN');
  expect(calls()).toBe(1);
  now = 1001;
  await roles.roleOf('UADMIN');
  expect(calls()).toBe(2);
});

it('the manifest asks for users:read; without it Slack says missing_scope and only the lists count', async () => {
  expect(manifestBotScopes()).toContain('users:read');
  const logger = recordingLogger();
  const roles = new SlackRoles({ admins: ['ULISTED'], finance: [], client: () => client(narrow), logger });
  expect(await roles.roleOf('UADMIN')).toBe('viewer');
  expect(await roles.roleOf('ULISTED')).toBe('admin');
  expect(narrow.callsTo('users.info')[0]!.response).toMatchObject({ ok: false, error: 'missing_scope', needed: 'users:read' });
  expect(logger.entries.some((e) => e.level === 'warn' && /workspace admin/.test(e.msg ?? ''))).toBe(true);
});
