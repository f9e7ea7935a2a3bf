/**
 * Who someone is to Penny in Slack. Admins: the workspace's admins and owners (users.info, which
 * needs the users:read scope) and the people in PENNY_ADMINS. Finance: the people in
 * PENNY_FINANCE. Everyone else reads. Answers from Slack are kept a few minutes per person.
 */
import type { WebClient } from '@slack/web-api';
import type { Role } from '../domain/roles';
import type { Logger } from '../ports/logger';

export interface RoleLookup {
  roleOf(userId: string): Promise<Role>;
}

export interface SlackRolesOptions {
  admins: readonly string[];
  finance: readonly string[];
  /** The Web API client (once the app has one); without it, only the lists count. */
  client?: () => WebClient | undefined;
  logger?: Logger;
  /** How long a workspace admin answer is kept. Default 5 minutes. */
  ttlMs?: number;
  now?: () => number;
}

export class SlackRoles implements RoleLookup {
  private readonly admins: Set<string>;
  private readonly finance: Set<string>;
  private readonly cache = new Map<string, { admin: boolean; at: number }>();

  constructor(private readonly options: SlackRolesOptions) {
    this.admins = new Set(options.admins);
    this.finance = new Set(options.finance);
  }

  async roleOf(userId: string): Promise<Role> {
    if (this.admins.has(userId) || (await this.isWorkspaceAdmin(userId))) return 'admin';
    if (this.finance.has(userId)) return 'finance';
    return 'viewer';
  }

  private async isWorkspaceAdmin(userId: string): Promise<boolean> {
    const client = this.options.client?.();
    const { logger } = this.options;
    if (!client) return false;
    const now = (this.options.now ?? Date.now)();
    const cached = this.cache.get(userId);
    if (cached && now - cached.at < (this.options.ttlMs ?? 5 * 60_000)) return cached.admin;
    try {
      const { user } = await client.users.info({ user: userId });
      const admin = Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
      this.cache.set(userId, { admin, at: now });
      return admin;
    } catch (error) {
      // Not knowing means not an admin: the lists still count, and nobody gains a role by an error.
      logger?.warn({ err: error, user: userId }, 'could not tell whether a user is a workspace admin (users.info)');
      return false;
    }
  }
}
