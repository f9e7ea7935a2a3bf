/**
 * Project routing of alerts: which projects own an alert (anomaly series of an account or a tag,
 * or a wider anomaly their accounts mostly drove; budgets on an account or a tag), and so whose
 * channels it also goes to, mentioning whom. The rule itself is domain/project-routing.ts; this reads the registry and turns a
 * budget's account (a name or a billing account) into the sub-account ids it stands for.
 */
import { isAppError } from '../../domain/errors';
import { projectsOwning, type OwnedScope } from '../../domain/project-routing';
import type { Project } from '../../domain/project';
import type { AlertAnswer, AlertOwner } from '../../answers/watchdog';
import type { ProjectRepository } from '../../ports/projects';

export interface AlertRoutingDeps {
  projects: Pick<ProjectRepository, 'list'>;
  /** The sub-account ids an account as typed in a budget stands for (as the budget's spend is read). */
  accountIds(account: string): Promise<string[]>;
}

export class AlertRouting {
  constructor(private readonly deps: AlertRoutingDeps) {}

  /** The projects owning the alert's scope, by name. */
  async projectsOf(alert: AlertAnswer): Promise<Project[]> {
    const projects = await this.deps.projects.list();
    if (projects.length === 0) return [];
    return projectsOwning(projects, await this.ownedScope(alert));
  }

  /** Each project channel of the alert with the owners to mention there (two projects may share one). */
  async ownersByChannel(alert: AlertAnswer, raisedAt?: Date): Promise<Map<string, AlertOwner[]>> {
    const byChannel = new Map<string, AlertOwner[]>();
    for (const p of await this.projectsOf(alert)) {
      // As with subscriptions: a project's channel gets alerts raised since it was saved, not older ones.
      if (raisedAt && p.updatedAt.getTime() > raisedAt.getTime()) continue;
      byChannel.set(p.channel, [...(byChannel.get(p.channel) ?? []), { project: p.name, owner: p.owner }]);
    }
    return byChannel;
  }

  private async ownedScope(alert: AlertAnswer): Promise<OwnedScope> {
    if (alert.subject === 'anomaly') {
      const { scope, impact, drivers } = alert.anomaly;
      if (scope.account !== undefined) return { accounts: [scope.account] };
      if (scope.tag) return { tag: scope.tag };
      const byAccount = drivers.filter((d) => d.dimension === 'account').map((d) => ({ account: d.key, impact: d.impact }));
      return { change: { impact, byAccount } };
    }
    const scope = alert.budget.scope;
    if (scope.kind === 'tag') return { tag: { key: scope.key, value: scope.value } };
    if (scope.kind === 'account') return { accounts: await this.accountIds(scope.value) };
    return {};
  }

  private async accountIds(account: string): Promise<string[]> {
    try {
      return await this.deps.accountIds(account);
    } catch (error) {
      // A budget on an account with no costs yet never fires; nothing to route.
      if (isAppError(error) && error.code === 'UNKNOWN_DIMENSION_VALUE') return [];
      throw error;
    }
  }
}
