/** /projects: the registry over HTTP. Everyone reads; admins add, change and remove. */
import { z } from 'zod';
import { projectJson } from '../../answers/project-view';
import type { ProjectService } from '../../services/projects';
import { parseBody } from '../params';
import type { Route, RouteRequest } from '../router';

const match = z
  .object({
    accounts: z.array(z.string().trim().min(1, 'must not be empty')).default([]).describe('Sub-account ids or names (AWS accounts, GCP projects, Azure subscriptions).'),
    tags: z.array(z.string().regex(/^[^=]+=.+$/, 'must be KEY=VALUE, like team=data')).default([]).describe('Tags as KEY=VALUE.'),
  })
  .strict();

const projectFields = {
  owner: z.string().min(1, 'must not be empty').describe('Slack user (U…) or user group (S…) id.'),
  channel: z.string().min(1, 'must not be empty').describe('Slack channel id (C…) for its alerts and reports.'),
  match,
};

export const newProjectSchema = z.object({ name: z.string().min(1, 'must not be empty').describe('Letters, digits, ".", "_" or "-".'), ...projectFields }).strict();
export const projectChangeSchema = z.object(projectFields).strict();

const by = (r: RouteRequest) => `api:${r.principal?.subject ?? 'unknown'}`;

export function projectRoutes(projects: ProjectService): Route[] {
  return [
    {
      method: 'GET', path: '/projects', access: 'read', summary: 'All projects, by name.', response: 'ProjectList',
      handler: async () => ({ json: { projects: (await projects.list()).map(projectJson) } }),
    },
    {
      method: 'POST', path: '/projects', access: 'projects', summary: 'Adds a project (admin).', body: newProjectSchema, response: 'ProjectChange',
      handler: async (r) => {
        const { name, owner, channel, match: m } = parseBody(newProjectSchema, r.body, 'the project');
        const change = await projects.create(name, { owner, channel, accounts: m.accounts, tags: m.tags }, by(r));
        return { status: 201, json: { project: projectJson(change.project), notes: change.notes } };
      },
    },
    {
      method: 'GET', path: '/projects/:name', access: 'read', summary: 'One project.', response: 'Project',
      handler: async (r) => ({ json: projectJson(await projects.get(r.params.name!)) }),
    },
    {
      method: 'PUT', path: '/projects/:name', access: 'projects', summary: 'Replaces a project\'s owner, channel and rules (admin).', body: projectChangeSchema, response: 'ProjectChange',
      handler: async (r) => {
        const { owner, channel, match: m } = parseBody(projectChangeSchema, r.body, 'the project');
        const change = await projects.update(r.params.name!, { owner, channel, accounts: m.accounts, tags: m.tags }, by(r));
        return { json: { project: projectJson(change.project), notes: change.notes } };
      },
    },
    {
      method: 'DELETE', path: '/projects/:name', access: 'projects', summary: 'Removes a project (admin).',
      handler: async (r) => {
        await projects.remove(r.params.name!);
        return { status: 204 };
      },
    },
  ];
}
