/** Projects as answers show them. */
import type { Project } from '../domain/project';
import type { ProjectView } from './types';

export function projectView(p: Project): ProjectView {
  return { name: p.name, owner: p.owner, channel: p.channel, accounts: [...p.match.accounts], tags: p.match.tags.map((t) => `${t.key}=${t.value}`) };
}

/** The JSON of a project (the API, `penny project --json`): tags as KEY=VALUE. */
export function projectJson(p: Project): Record<string, unknown> {
  const v = projectView(p);
  return { name: v.name, owner: v.owner, channel: v.channel, match: { accounts: v.accounts, tags: v.tags }, updatedBy: p.updatedBy, updatedAt: p.updatedAt.toISOString() };
}

/** "accounts 123, 456 · tag team=data" */
export function ownsText(p: ProjectView): string {
  const parts: string[] = [];
  if (p.accounts.length > 0) parts.push(`${p.accounts.length === 1 ? 'account' : 'accounts'} ${p.accounts.join(', ')}`);
  for (const tag of p.tags) parts.push(`tag ${tag}`);
  return parts.join(' · ');
}
