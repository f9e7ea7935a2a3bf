/**
 * The projects registry: who owns which costs. Names people type for accounts are resolved to
 * sub-account ids when the project is saved (a billing account stands for its sub-accounts then);
 * ids not seen in the costs yet are kept as typed, with a note. Every change is logged as a write,
 * so cached answers grouped or filtered by project are dropped on every instance.
 */
import { matchDimension } from '../domain/dimension-match';
import { AppError } from '../domain/errors';
import { byPrecedence, checkProjectName, parseChannel, parseOwner, parseTagRule, type Project } from '../domain/project';
import type { Clock } from '../ports/clock';
import type { CostStore } from '../ports/cost-store';
import type { ProjectRepository } from '../ports/projects';
import type { WriteLog } from '../ports/write-log';

/** What people give: owner and channel as ids or Slack mentions, accounts as ids or names, tags as KEY=VALUE. */
export interface ProjectInput {
  owner: string;
  channel: string;
  accounts: string[];
  tags: string[];
}

export interface ProjectChange {
  project: Project;
  /** Things worth telling, e.g. an account id that has no costs yet. */
  notes: string[];
}

const RAW_ID = /^[\w.:/-]+$/;

export class ProjectService {
  constructor(private readonly deps: { repo: ProjectRepository; store: CostStore; writes: WriteLog; clock: Clock }) {}

  async list(): Promise<Project[]> {
    return byPrecedence(await this.deps.repo.list());
  }

  async get(name: string): Promise<Project> {
    const project = await this.deps.repo.get(name);
    if (!project) throw await this.notFound(name);
    return project;
  }

  async create(name: string, input: ProjectInput, by: string): Promise<ProjectChange> {
    const change = await this.build(checkProjectName(name), input, by);
    await this.deps.repo.create(change.project);
    await this.deps.writes.changed(`project ${change.project.name} added`, this.deps.clock.now());
    return change;
  }

  async update(name: string, input: ProjectInput, by: string): Promise<ProjectChange> {
    const existing = await this.get(name);
    const change = await this.build(existing.name, input, by);
    if (!(await this.deps.repo.replace(change.project))) throw await this.notFound(name);
    await this.deps.writes.changed(`project ${change.project.name} changed`, this.deps.clock.now());
    return change;
  }

  async remove(name: string): Promise<Project> {
    const existing = await this.get(name);
    if (!(await this.deps.repo.remove(name))) throw await this.notFound(name);
    await this.deps.writes.changed(`project ${existing.name} removed`, this.deps.clock.now());
    return existing;
  }

  private async build(name: string, input: ProjectInput, by: string): Promise<ProjectChange> {
    const notes: string[] = [];
    const accounts = await this.resolveAccounts(input.accounts, notes);
    const tags = input.tags.map(parseTagRule);
    if (accounts.length === 0 && tags.length === 0) {
      throw new AppError('QUERY_INVALID', `Project "${name}" needs something to own: at least one account (AWS account, GCP project or Azure subscription) or a tag KEY=VALUE.`);
    }
    const project: Project = {
      name,
      owner: parseOwner(input.owner),
      channel: parseChannel(input.channel),
      match: { accounts, tags: dedupeTags(tags) },
      updatedBy: by,
      updatedAt: this.deps.clock.now(),
    };
    return { project, notes };
  }

  private async resolveAccounts(inputs: string[], notes: string[]): Promise<string[]> {
    if (inputs.length === 0) return [];
    const candidates = await this.deps.store.dimensionValues('account');
    const ids: string[] = [];
    for (const input of inputs.map((i) => i.trim()).filter(Boolean)) {
      if (candidates.some((c) => c.value === input)) {
        ids.push(input);
        continue;
      }
      const found = matchDimension(input, candidates, { byParent: true });
      if (found.ok) ids.push(...found.values);
      else if (RAW_ID.test(input)) {
        ids.push(input);
        notes.push(`Account "${input}" has no costs yet; it is kept as an id.`);
      } else {
        const hint = found.suggestions.length > 0 ? ` Did you mean ${found.suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
        throw new AppError('UNKNOWN_DIMENSION_VALUE', `I don't see any account called "${input}" in your costs.${hint}`);
      }
    }
    return [...new Set(ids)];
  }

  private async notFound(name: string): Promise<AppError> {
    const names = (await this.deps.repo.list()).map((p) => ({ value: p.name, label: '' }));
    const near = matchDimension(name, names);
    const hint = !near.ok && near.suggestions.length > 0 ? ` Did you mean ${near.suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
    return new AppError('NOT_FOUND', `There is no project called "${name}".${hint}`);
  }
}

function dedupeTags(tags: { key: string; value: string }[]): { key: string; value: string }[] {
  const seen = new Map(tags.map((t) => [`${t.key}\u0000${t.value}`, t]));
  return [...seen.values()];
}
