/** The fake Slack API refuses methods whose scope manifest.yml lacks, as a real workspace would. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { manifestBotScopes, METHOD_SCOPES } from '../../fakes/slack-scopes';
import { startFakeSlackApi } from '../../fakes/fake-slack-api';

it('reads the bot scopes of the manifest, which cover every method the app calls', () => {
  const scopes = manifestBotScopes();
  for (const [method, scope] of Object.entries(METHOD_SCOPES)) expect([method, scopes.includes(scope)]).toEqual([method, true]);
});

it('a manifest without users:read makes users.info fail with missing_scope', () => {
  const dir = mkdtempSync(join(tmpdir(), 'penny-manifest-'));
  try {
    const text = readFileSync(resolve(__dirname, '../../../manifest.yml'), 'utf8').replace(/^\s+- users:read.*\n/m, '');
    writeFileSync(join(dir, 'manifest.yml'), text);
    expect(manifestBotScopes(join(dir, 'manifest.yml')).includes('users:read')).toBe(false);
    expect(manifestBotScopes(join(dir, 'manifest.yml')).includes('chat:write')).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('users.info tells workspace admins apart', async () => {
  const api = await startFakeSlackApi({ admins: ['UADMIN'] });
  try {
    const call = async (user: string) => (await fetch(`${api.url}users.info`, { method: 'POST', headers: { authorization: 'Bearer xoxb-1', 'content-type': 'application/x-www-form-urlencoded' }, body: `user=${user}` })).json();
    expect(await call('UADMIN')).toMatchObject({ ok: true, user: { id: 'UADMIN', is_admin: true } });
    expect(await call('U2')).toMatchObject({ ok: true, user: { id: 'U2', is_admin: false, is_owner: false } });
  } finally {
    await api.close();
  }
});
