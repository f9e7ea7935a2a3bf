/**
 * Roles in Slack, end to end: workspace admins and owners (users.info on the fake Slack, which
 * holds the app to manifest.yml's scopes), PENNY_ADMINS and PENNY_FINANCE. Restricted commands
 * are politely refused, privately, saying who can; everything else works for everyone.
 */
import { sendEvent, sendSlashCommand } from '../support/slack-requests';
import { blockText, SECRET, useE2E } from './harness';

const app = useE2E({
  env: { PENNY_ADMINS: 'ULISTED', PENNY_FINANCE: 'UMONEY' },
  slack: { users: { UWSADMIN: { isAdmin: true }, UWSOWNER: { isOwner: true } } },
  seed: false,
});

async function ask(user: string, text: string, channel = 'CROLES') {
  const url = app().responses.newUrl();
  const res = await sendSlashCommand(app().base, SECRET, { command: '/cost', text, response_url: url, user_id: user, channel_id: channel });
  expect(res.status).toBe(200);
  const post = await app().responses.waitForPost(url, 20_000);
  return { body: post.body as Record<string, unknown>, text: blockText(post.body) };
}

const ADMIN_ONLY = 'for Penny admins: the workspace admins and owners, and the people listed in PENNY_ADMINS';

it.each([
  ['a workspace admin (users.info)', 'UWSADMIN'],
  ['a workspace owner (users.info)', 'UWSOWNER'],
  ['someone in PENNY_ADMINS', 'ULISTED'],
])('%s manages projects', async (_who, user) => {
  const name = `p-${user.toLowerCase()}`;
  const added = await ask(user, `project add ${name} account:123`);
  expect(added.text).toContain(`*${name}* · owner <@${user}> · alerts in <#CROLES>`);
  expect((await ask(user, `project remove ${name}`)).text).toContain('removed');
  if (user !== 'ULISTED') expect(app().api.callsTo('users.info').some((c) => c.body.user === user && c.response.ok === true)).toBe(true);
});

it.each([
  ['project add nope account:1', ADMIN_ONLY],
  ['project remove anything', ADMIN_ONLY],
  ['sync', 'running a sync is ' + ADMIN_ONLY],
  ['digest on 09:00 <#COTHER|other>', 'sending to another channel is ' + ADMIN_ONLY],
  ['report weekly schedule', 'managing reports and their schedules is for finance users (PENNY_FINANCE) and Penny admins'],
])('a viewer is refused %j, privately and politely', async (text, message) => {
  const { body, text: shown } = await ask('UPLAIN', `${text} public`);
  expect(body.response_type).toBe('ephemeral');
  expect(shown).toContain(`Sorry, `);
  expect(shown).toContain(message);
});

it('finance schedules reports but may not manage projects', async () => {
  expect((await ask('UMONEY', 'report monthly schedule')).text).toContain('The monthly report now goes to <#CROLES>');
  expect((await ask('UMONEY', 'report monthly unschedule')).text).toContain('no longer goes');
  expect((await ask('UMONEY', 'project add nope account:1')).text).toContain(ADMIN_ONLY);
});

it('everyone reads, and sets the digest of their own channel', async () => {
  expect((await ask('UPLAIN', 'project list')).text).toContain('Projects');
  expect((await ask('UPLAIN', 'digest on 08:30 UTC')).text).toMatch(/08:30/);
  expect((await ask('UPLAIN', 'digest show <#COTHER|other>')).text).toContain('There is no daily cost digest in <#COTHER>');
  expect((await ask('UWSADMIN', 'digest on 07:00 UTC <#COTHER|other>')).text).toMatch(/07:00/);
  expect((await app().penny.core.digests.get('COTHER'))).toMatchObject({ time: '07:00', enabled: true });
});

it('a refused mention in a channel is answered only to the asker (ephemeral), not in the thread', async () => {
  app().api.reset();
  const event = { type: 'app_mention', user: 'UPLAIN', text: '<@U1> project add sneaky account:1', ts: '1700000300.000100', channel: 'CMENTION', event_ts: '1700000300.000100' };
  await sendEvent(app().base, SECRET, event, { eventId: 'EvROLES1' });
  const eph = await app().api.waitFor('chat.postEphemeral', (c) => c.body.channel === 'CMENTION', 20_000);
  expect(eph.body.user).toBe('UPLAIN');
  expect(blockText(eph.body)).toContain(ADMIN_ONLY);
  expect(app().api.callsTo('chat.postMessage').filter((c) => c.body.channel === 'CMENTION')).toEqual([]);
});

it('asked Slack only with scopes the manifest grants', () => {
  expect(app().api.calls.filter((c) => c.response.error === 'missing_scope')).toEqual([]);
});
