/**
 * Who may change budgets: a Slack workspace admin or owner (users.info), or a user id listed in
 * PENNY_ADMINS. The one seam for roles in this branch; the Slack roles work (PENNY_ADMINS,
 * PENNY_FINANCE, workspace admins) replaces it at merge.
 */
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../ports/logger';

export type AdminCheck = (client: WebClient, userId: string) => Promise<boolean>;

const CACHE_MS = 5 * 60_000;

export function createAdminCheck(admins: readonly string[], logger: Logger): AdminCheck {
  const listed = new Set(admins);
  const cache = new Map<string, { admin: boolean; at: number }>();
  return async (client, userId) => {
    if (listed.has(userId)) return true;
    const hit = cache.get(userId);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.admin;
    try {
      const { user } = await client.users.info({ user: userId });
      const admin = Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
      cache.set(userId, { admin, at: Date.now() });
      return admin;
    } catch (error) {
      // Without an answer from Slack nobody but PENNY_ADMINS may change budgets.
      logger.warn({ err: error, user: userId }, 'could not tell whether a user is a workspace admin');
      return false;
    }
  };
}
