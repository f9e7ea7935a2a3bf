/**
 * Keeps App Home dashboards current: when new cost data has landed since the last refresh
 * (an import, a sync), republish the Home tab of everyone who has opened it.
 */
import type { HomeDashboards } from '../ports/home-dashboards';
import type { Logger } from '../ports/logger';
import type { MetaStore } from '../ports/meta-store';
import type { Scheduler } from '../ports/scheduler';
import type { CostService } from '../services/cost-service';

export const HOME_REFRESH_JOB = 'home-refresh';
const REFRESHED_KEY = 'home.refreshedFor';

export interface HomeRefreshDeps {
  home: HomeDashboards;
  costs: CostService;
  meta: MetaStore;
  logger: Logger;
}

/** One run: refresh if data changed. Returns how many dashboards were republished. */
export async function refreshHomesIfDataChanged(deps: HomeRefreshDeps): Promise<number> {
  const coverage = await deps.costs.coverage();
  const stamp = coverage.lastIngestedAt?.toISOString() ?? '';
  if (!stamp || stamp === (await deps.meta.get<string>(REFRESHED_KEY))) return 0;
  const count = await deps.home.refreshAll();
  await deps.meta.set(REFRESHED_KEY, stamp);
  deps.logger.info({ count, dataAt: stamp }, 'Home tabs refreshed after new cost data');
  return count;
}

export async function scheduleHomeRefresh(scheduler: Scheduler, deps: HomeRefreshDeps, interval = '5 minutes'): Promise<void> {
  scheduler.define(HOME_REFRESH_JOB, async () => {
    await refreshHomesIfDataChanged(deps);
  });
  await scheduler.every(interval, HOME_REFRESH_JOB);
}
