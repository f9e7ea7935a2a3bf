/**
 * Secrets may come from the environment or from files (Docker/Kubernetes secrets in
 * /run/secrets). The environment wins. Values are never logged.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSet } from './settings';

export const SECRET_NAMES = ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'MONGODB_URI', 'OPENAI_API_KEY', 'PENNY_JWT_SECRET', 'PENNY_JWT_PRIVATE_KEY', 'SMTP_URL'];

export function withFileSecrets(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const dir = isSet(env.PENNY_SECRETS_DIR) ? env.PENNY_SECRETS_DIR.trim() : '/run/secrets';
  const out = { ...env };
  for (const name of SECRET_NAMES) {
    if (isSet(out[name])) continue;
    for (const file of [name, name.toLowerCase()]) {
      const path = join(dir, file);
      if (existsSync(path)) {
        out[name] = readFileSync(path, 'utf8').trim();
        break;
      }
    }
  }
  return out;
}
