/**
 * A project: a name, an owner (a Slack user or user group), a channel for its alerts and reports,
 * and what it owns: sub-accounts (AWS accounts, GCP projects, Azure subscriptions) and/or tags.
 */
import { AppError } from './errors';
import type { MatchRule } from './match-rules';

export interface ProjectMatch {
  /** Exact sub-account ids. */
  accounts: string[];
  tags: { key: string; value: string }[];
}

export interface Project {
  name: string;
  /** Slack user (U…/W…) or user group (S…) id. */
  owner: string;
  /** Slack channel id (C…/G…). */
  channel: string;
  match: ProjectMatch;
  updatedBy: string;
  updatedAt: Date;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

/** Names are unique regardless of case; this is the key they are stored and found under. */
export function projectKey(name: string): string {
  return name.trim().toLowerCase();
}

export function checkProjectName(name: string): string {
  const trimmed = name.trim();
  if (!NAME.test(trimmed)) throw new AppError('QUERY_INVALID', `"${name}" is not a project name: use letters, digits, ".", "_" or "-" (up to 63, no spaces), like data-platform.`);
  return trimmed;
}

/** `U123`, `<@U123>` or `<@U123|alice>` → U123; `S123` or `<!subteam^S123|@team>` → S123. */
export function parseOwner(text: string): string {
  const t = text.trim();
  const id = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(t)?.[1] ?? /^<!subteam\^(S[A-Z0-9]+)(?:\|[^>]*)?>$/.exec(t)?.[1] ?? t;
  if (!/^[UWS][A-Z0-9]+$/.test(id)) throw new AppError('QUERY_INVALID', `The owner must be a Slack user or user group (a mention like @alice, or an id like U0123ABCD or S0123ABCD), not "${text}".`);
  return id;
}

/** `C123` or `<#C123|name>` → C123. */
export function parseChannel(text: string): string {
  const t = text.trim();
  const id = /^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(t)?.[1] ?? t;
  if (!/^[CG][A-Z0-9]+$/.test(id)) throw new AppError('QUERY_INVALID', `The channel must be a Slack channel (a link like #costs, or an id like C0123ABCD), not "${text}".`);
  return id;
}

export function parseTagRule(text: string): { key: string; value: string } {
  const eq = text.indexOf('=');
  if (eq <= 0 || eq === text.length - 1) throw new AppError('QUERY_INVALID', `A tag rule looks like KEY=VALUE, for example team=data. "${text}" is not.`);
  return { key: text.slice(0, eq).trim(), value: text.slice(eq + 1).trim() };
}

/** What the query engine filters by: its accounts as one rule, each tag as another. */
export function projectRules(project: Pick<Project, 'match'>): MatchRule[] {
  const rules: MatchRule[] = [];
  if (project.match.accounts.length > 0) rules.push({ accounts: [...project.match.accounts] });
  for (const tag of project.match.tags) rules.push({ tag: { ...tag } });
  return rules;
}

/** Projects in the order that decides which one a cost shared by two belongs to: by name. */
export function byPrecedence(projects: readonly Project[]): Project[] {
  return [...projects].sort((a, b) => projectKey(a.name).localeCompare(projectKey(b.name)));
}
