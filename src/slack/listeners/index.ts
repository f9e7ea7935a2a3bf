import type { App } from '@slack/bolt';
import type { CommandRouter } from '../../commands/command-router';
import type { ChartRenderer } from '../../ports/chart-renderer';
import type { Clock } from '../../ports/clock';
import type { DigestSubscriptions } from '../../ports/digests';
import type { EventReceipts } from '../../ports/event-receipts';
import type { Logger } from '../../ports/logger';
import type { HomePublisher } from '../home-publisher';
import type { Limiter } from '../work-limiter';
import { registerDrillDown } from './actions/drill-down';
import { registerHomeButtons } from './actions/home-buttons';
import { registerCostCommand } from './commands/cost-command';
import { registerAppHomeOpened } from './events/app-home-opened';
import { registerQuestions } from './events/questions';
import { registerDigestSettings } from './views/digest-settings';

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
  /** Runs the work behind acknowledged requests a few at a time. */
  limit: Limiter;
}

export function registerListeners(app: App, deps: ListenerDeps): void {
  registerCostCommand(app, deps);
  registerAppHomeOpened(app, deps);
  registerQuestions(app, deps);
  registerDrillDown(app, deps);
  registerHomeButtons(app, deps);
  registerDigestSettings(app, deps);
}
