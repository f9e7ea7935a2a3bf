/** The polite "not you" that every face shows when a role may not do something. */
import { leastRoleFor, PERMISSION_TEXT, type Permission } from '../domain/roles';

const WHO = {
  admin: 'Penny admins: the workspace admins and owners, and the people listed in PENNY_ADMINS',
  finance: 'finance users (PENNY_FINANCE) and Penny admins (workspace admins and owners, and PENNY_ADMINS)',
} as const;

export function refusalText(permission: Permission): string {
  const least = leastRoleFor(permission);
  const who = least === 'viewer' ? 'everyone' : WHO[least];
  return `Sorry, ${PERMISSION_TEXT[permission].toLowerCase()} is for ${who}. One of them can do it for you, or give you the role.`;
}
