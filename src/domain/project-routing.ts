/**
 * Which projects an alert belongs to, for sending it to their channels. Unlike costs (one project
 * per cost, the first by name), an alert goes to every project that owns it: each owner should
 * hear about spend that is theirs.
 */
import type { Nanos } from './money';
import { byPrecedence, type Project } from './project';

/** What an alert is about, as far as ownership goes. */
export interface OwnedScope {
  /** The sub-accounts its spend is in (an anomaly's account, a budget's account resolved to ids). */
  accounts?: readonly string[];
  tag?: { key: string; value: string };
  /**
   * For an anomaly in a wider series (the total, a provider, a service): its whole change and what
   * each account added to it. The watchdog raises an account's spike as the total's when the
   * total jumps too, so the drivers are what tells whose it was.
   */
  change?: { impact: Nanos; byAccount: readonly { account: string; impact: Nanos }[] };
}

/**
 * A project owns an alert when all of the scope's accounts are the project's (the spend is wholly
 * the project's), when the scope's tag is one of the project's tags (key in any case, value
 * exact, as alert filters compare tags), or when the project's accounts added more than half of
 * a wider anomaly's rise. Otherwise totals, providers and services belong to no project.
 */
export function projectsOwning(projects: readonly Project[], scope: OwnedScope): Project[] {
  return byPrecedence(projects).filter((p) => ownsAccounts(p, scope.accounts ?? []) || ownsTag(p, scope.tag) || drove(p, scope.change));
}

function ownsAccounts(p: Project, accounts: readonly string[]): boolean {
  return accounts.length > 0 && accounts.every((a) => p.match.accounts.includes(a));
}

function ownsTag(p: Project, tag: OwnedScope['tag']): boolean {
  return tag !== undefined && p.match.tags.some((t) => t.key.toLowerCase() === tag.key.toLowerCase() && t.value === tag.value);
}

function drove(p: Project, change: OwnedScope['change']): boolean {
  if (!change || change.impact <= 0n) return false;
  const mine = change.byAccount.filter((d) => d.impact > 0n && p.match.accounts.includes(d.account)).reduce((sum, d) => sum + d.impact, 0n);
  return 2n * mine > change.impact;
}
