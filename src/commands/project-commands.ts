/**
 * `/cost project list|show|add|remove`: the registry from Slack and the console. Adding and
 * removing are for admins; listing is for everyone. Accounts and tags come from the command's
 * filters (account:…, tag:KEY=VALUE), the owner and channel default to the asker and the channel.
 */
import { projectView } from '../answers/project-view';
import type { ProjectsAnswer } from '../answers/types';
import type { ProjectService } from '../services/projects';
import type { CommandFilters, ProjectIntent } from './parse-command';

export interface ProjectContext {
  channelId: string;
  userId: string;
}

export async function runProjectCommand(intent: ProjectIntent, filters: CommandFilters, ctx: ProjectContext, projects: ProjectService): Promise<ProjectsAnswer> {
  switch (intent.action) {
    case 'list':
      return { kind: 'projects', projects: (await projects.list()).map(projectView), notes: [] };
    case 'show':
      return { kind: 'projects', projects: [projectView(await projects.get(intent.name))], notes: [] };
    case 'remove': {
      const removed = await projects.remove(intent.name);
      return { kind: 'projects', projects: [], change: { action: 'removed', name: removed.name }, notes: [] };
    }
    case 'add': {
      const input = { owner: intent.owner ?? ctx.userId, channel: intent.channel ?? ctx.channelId, accounts: filters.accounts, tags: filters.tags };
      const { project, notes } = await projects.create(intent.name, input, ctx.userId);
      return { kind: 'projects', projects: [projectView(project)], change: { action: 'added', name: project.name }, notes };
    }
  }
}
