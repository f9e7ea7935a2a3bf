/**
 * Costs by project, exactly. A cost may match the rules of two projects (an account of one, a
 * tag of another); it then belongs to the first by name, so the groups never overlap and always
 * add up to the total. Group i is "matches project i and none of the projects before it"; the last
 * group, "(no project)", matches none. One store query per group, each on the smallest collection
 * that can answer it (account rules use rollups; tag rules need the records).
 */
import type { CostQuery, GroupRow } from '../domain/cost-query';
import { matchDimension } from '../domain/dimension-match';
import { AppError } from '../domain/errors';
import type { MatchRule } from '../domain/match-rules';
import { byPrecedence, projectKey, projectRules, type Project } from '../domain/project';
import type { CostStore } from '../ports/cost-store';

export async function projectRows(store: Pick<CostStore, 'groupCosts'>, query: CostQuery, projects: readonly Project[]): Promise<GroupRow[]> {
  const ordered = byPrecedence(projects);
  const { filters } = query;
  const sets = filters.ruleSets ?? [];
  const before: MatchRule[] = [...(filters.noneOf ?? [])];
  const parts: { key: string; filters: CostQuery['filters'] }[] = [];
  for (const project of ordered) {
    const rules = projectRules(project);
    parts.push({ key: project.name, filters: { ...filters, ruleSets: [...sets, rules], noneOf: [...before] } });
    before.push(...rules);
  }
  parts.push({ key: '', filters: { ...filters, ...(before.length > 0 ? { noneOf: before } : {}) } });
  const results = await Promise.all(parts.map((part) => store.groupCosts({ ...query, groupBy: undefined, filters: part.filters })));
  return results.flatMap((rows, i) => rows.map((row) => ({ ...row, key: parts[i]!.key, label: parts[i]!.key })));
}

/** The rules of the named projects as one set (a cost of any of them); notes what was matched. */
export function projectFilter(names: string[], projects: readonly Project[], applied: { dim: string; input: string; matched: string[] }[]): MatchRule[] {
  const rules: MatchRule[] = [];
  for (const name of names) {
    const project = projects.find((p) => projectKey(p.name) === projectKey(name));
    if (!project) {
      const near = matchDimension(name, projects.map((p) => ({ value: p.name, label: '' })));
      const names = near.ok ? near.labels : near.suggestions;
      const hint = names.length > 0 ? ` Did you mean ${names.map((s) => `"${s}"`).join(', ')}?` : projects.length === 0 ? ' No projects are set up yet.' : '';
      throw new AppError('UNKNOWN_DIMENSION_VALUE', `I don't see any project called "${name}".${hint}`, { detail: { noun: 'project', input: name } });
    }
    rules.push(...projectRules(project));
    applied.push({ dim: 'project', input: name, matched: [project.name] });
  }
  return rules;
}
