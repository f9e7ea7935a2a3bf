/** What every listener is given: the router, renderers and repositories it may call. */
import type { CommandRouter } from '../../commands/command-router';
import type { ChartRenderer } from '../../ports/chart-renderer';
import type { Clock } from '../../ports/clock';
import type { DigestSubscriptions } from '../../ports/digests';
import type { EventReceipts } from '../../ports/event-receipts';
import type { Logger } from '../../ports/logger';
import type { Watchdog } from '../../services/watchdog';
import type { HomePublisher } from '../home-publisher';
import type { RoleLookup } from '../roles';
import type { Limiter } from '../work-limiter';

import type { CloudSyncRunner } from '../sync-runner';

export interface ListenerDeps {
  router: CommandRouter;
  charts: ChartRenderer;
  home: HomePublisher;
  digests: DigestSubscriptions;
  /** Guards mentions and DMs against Slack's redeliveries. */
  receipts: EventReceipts;
  clock: Clock;
  logger: Logger;
  defaultTimeZone: string;
  defaultDigestTime: string;
  /** The asker's role, for commands only some may run (projects, budgets, other channels). */
  roles: RoleLookup;
  /** Runs the work behind acknowledged requests a few at a time. */
  limit: Limiter;
  /** Budgets, anomalies, forecasts and alert feedback. */
  watchdog?: Watchdog;
  /** Finance users and admins may create and change budgets. */
  mayManageBudgets(userId: string): Promise<boolean>;
  /** Runs `/cost sync` (absent when no cloud source is enabled). */
  cloudSync?: CloudSyncRunner;
}
