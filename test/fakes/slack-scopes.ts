/**
 * The bot scopes manifest.yml grants, and the scope each Web API method needs, so the fake Slack
 * refuses a call the real workspace would refuse with `missing_scope`: the manifest and the code
 * cannot drift apart unnoticed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository's manifest.yml, found upwards from here (tests run from test/, the bench from bench/.build/). */
function findManifest(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'manifest.yml'))) return join(dir, 'manifest.yml');
  throw new Error('manifest.yml not found above test/fakes');
}

export const MANIFEST = findManifest();

/** The scope Slack checks for each method the app calls (from Slack's method docs). */
export const METHOD_SCOPES: Record<string, string> = {
  'chat.postMessage': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'chat.update': 'chat:write',
  'files.getUploadURLExternal': 'files:write',
  'files.completeUploadExternal': 'files:write',
  'conversations.open': 'im:write',
  'conversations.info': 'channels:read',
  'users.info': 'users:read',
};

/** oauth_config.scopes.bot of manifest.yml, read line by line (no YAML library needed for a list). */
export function manifestBotScopes(path = MANIFEST): string[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const start = lines.findIndex((l) => /^\s*bot:\s*$/.test(l));
  if (start < 0) throw new Error('manifest.yml has no oauth_config.scopes.bot');
  const scopes: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const m = /^\s*-\s*([a-z.:_]+)\s*(#.*)?$/.exec(line);
    if (!m) break;
    scopes.push(m[1]!);
  }
  return scopes;
}
