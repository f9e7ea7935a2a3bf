/**
 * Who someone is to Penny in Slack: admins are in PENNY_ADMINS (and, see users.info, the
 * workspace's admins and owners), finance users in PENNY_FINANCE; everyone else is a viewer.
 */
import type { Role } from '../domain/roles';

export interface RoleLookup {
  roleOf(userId: string): Promise<Role>;
}

export interface SlackRolesOptions {
  admins: readonly string[];
  finance: readonly string[];
}

export class SlackRoles implements RoleLookup {
  private readonly admins: Set<string>;
  private readonly finance: Set<string>;

  constructor(options: SlackRolesOptions) {
    this.admins = new Set(options.admins);
    this.finance = new Set(options.finance);
  }

  async roleOf(userId: string): Promise<Role> {
    if (this.admins.has(userId)) return 'admin';
    if (this.finance.has(userId)) return 'finance';
    return 'viewer';
  }
}
