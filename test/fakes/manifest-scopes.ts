/**
 * The bot scopes manifest.yml grants, and the scope each Web API method the app calls needs, so
 * the fake Slack API answers `missing_scope` as Slack would when the two drift apart.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Methods that need a bot scope (from api.slack.com/methods); methods not listed need none. */
export const METHOD_SCOPES: Record<string, string> = {
  'chat.postMessage': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'chat.update': 'chat:write',
  'conversations.open': 'im:write',
  'conversations.info': 'channels:read',
  'files.getUploadURLExternal': 'files:write',
  'files.completeUploadExternal': 'files:write',
  'users.info': 'users:read',
};

/** The `oauth_config.scopes.bot` list of the manifest (a plain reading of its YAML). */
export function manifestBotScopes(path = resolve(__dirname, '../../manifest.yml')): Set<string> {
  const lines = readFileSync(path, 'utf8').split('\n');
  const start = lines.findIndex((l) => /^\s{4}bot:\s*$/.test(l));
  const scopes = new Set<string>();
  for (const line of lines.slice(start + 1)) {
    const item = /^\s{6}-\s*([\w:.]+)/.exec(line);
    if (!item) break;
    scopes.add(item[1]!);
  }
  return scopes;
}
