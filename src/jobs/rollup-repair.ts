/**
 * Rebuilds rollups an interrupted write left incomplete, in the background, so that no person's
 * question has to wait for it. Skips a run while another writer holds the store (that writer
 * repairs them when it finishes), and does nothing when nothing is dirty.
 */
import type { Logger } from '../ports/logger';
import type { Scheduler } from '../ports/scheduler';

export const ROLLUP_REPAIR_JOB = 'rollup-repair';

export interface RollupRepairDeps {
  store: { repairRollups(): Promise<string[]> };
  logger: Logger;
}

export async function scheduleRollupRepair(scheduler: Scheduler, deps: RollupRepairDeps, interval = '1 minute'): Promise<void> {
  scheduler.define(ROLLUP_REPAIR_JOB, async () => {
    const months = await deps.store.repairRollups();
    if (months.length > 0) deps.logger.info({ months }, 'Rebuilt rollups left incomplete by an interrupted write');
  });
  await scheduler.every(interval, ROLLUP_REPAIR_JOB);
}
