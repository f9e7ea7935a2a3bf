/**
 * PENNY_ADMINS: Slack user ids (comma or space separated) who may change budgets besides the
 * workspace admins and owners. An empty value counts as unset. (The Slack roles work replaces
 * this at merge.)
 */
import { isSet } from './settings';

export function loadAdminIds(env: NodeJS.ProcessEnv): string[] {
  const value = env.PENNY_ADMINS;
  if (!isSet(value)) return [];
  return [...new Set(value.split(/[\s,]+/).map((s) => s.trim()).filter((s) => /^[UW][A-Z0-9]+$/.test(s)))];
}
