/**
 * Who may do what, the same in Slack, the API and the CLI. Viewers read; finance also manages
 * budgets and reports; admins do everything, including projects, sources, sync and alerts.
 */
export const ROLES = ['viewer', 'finance', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type Permission =
  | 'read'
  | 'budgets'
  | 'reports'
  | 'projects'
  | 'sources'
  | 'sync'
  | 'alerts'
  /** Digests, reports or alerts sent to a channel other than the one asked in. */
  | 'other-channels';

const GRANTS: Record<Role, readonly Permission[]> = {
  viewer: ['read'],
  finance: ['read', 'budgets', 'reports'],
  admin: ['read', 'budgets', 'reports', 'projects', 'sources', 'sync', 'alerts', 'other-channels'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** The least role that may do it. */
export function leastRoleFor(permission: Permission): Role {
  return ROLES.find((role) => can(role, permission)) ?? 'admin';
}

export function parseRole(text: string): Role | undefined {
  const lower = text.trim().toLowerCase();
  return (ROLES as readonly string[]).includes(lower) ? (lower as Role) : undefined;
}

/** "Managing budgets", for refusals: what the permission lets someone do. */
export const PERMISSION_TEXT: Record<Permission, string> = {
  read: 'Reading costs',
  budgets: 'Managing budgets',
  reports: 'Managing reports and their schedules',
  projects: 'Managing projects',
  sources: 'Changing source settings',
  sync: 'Running a sync',
  alerts: 'Changing alert settings',
  'other-channels': 'Sending to another channel',
};
