/** The watchdog (issue 10): forecasts, budgets, anomalies and their alerts, built from their ports. */
import type { AlertDeliveries, AlertSubscriptions, AnomalyEvents, SeriesTunings } from '../../ports/alerts';
import type { BudgetFirings, BudgetRepository } from '../../ports/budgets';
import type { Clock } from '../../ports/clock';
import type { Day } from '../../domain/days';
import type { CostStore } from '../../ports/cost-store';
import type { WriteLog } from '../../ports/write-log';
import type { ProjectRepository } from '../../ports/projects';
import type { CostService } from '../cost-service';
import { AlertRouting } from './alert-routing';
import { AlertService } from './alert-service';
import { AnomalyService, type AnomalySettings } from './anomaly-service';
import { BudgetService } from './budget-service';
import { ForecastService } from './forecast-service';
import { SeriesLoader } from './series-loader';
import { createSummary } from './watchdog-summary';
import type { WatchdogSummary } from '../../answers/watchdog';

export interface WatchdogRepositories {
  budgets: BudgetRepository;
  firings: BudgetFirings;
  events: AnomalyEvents;
  tunings: SeriesTunings;
  subscriptions: AlertSubscriptions;
  deliveries: AlertDeliveries;
}

export interface Watchdog {
  /** Today in the reporting zone: the default as-of of every watchdog answer. */
  today(): Day;
  forecast: ForecastService;
  budgets: BudgetService;
  anomalies: AnomalyService;
  alerts: AlertService;
  /** What the App Home and the digest show: forecast, budgets, open anomalies. */
  summary(asOf: Day): Promise<WatchdogSummary>;
}

export interface WatchdogDeps {
  store: CostStore;
  costs: CostService;
  clock: Clock;
  repos: WatchdogRepositories;
  settings: AnomalySettings;
  /** Budget changes are logged here, so cached answers everywhere are dropped. */
  writes: Pick<WriteLog, 'changed'>;
  /** The projects registry: alerts for a project also go to its channel. */
  projects?: Pick<ProjectRepository, 'list'>;
}

export function createWatchdog(deps: WatchdogDeps): Watchdog {
  const { store, costs, clock, repos, writes } = deps;
  // A budget's account is read the way the budget's spend is: a name or billing account stands for its sub-accounts.
  const routing = deps.projects
    ? new AlertRouting({ projects: deps.projects, accountIds: async (account) => (await costs.resolve({ accounts: [account] })).filters.subAccountIds ?? [] })
    : undefined;
  const loader = new SeriesLoader(store);
  const today = () => costs.today();
  const forecast = new ForecastService({ loader, today, defaultCurrency: costs.defaultCurrency });
  const budgets = new BudgetService({ budgets: repos.budgets, firings: repos.firings, costs, loader, forecast, clock, writes });
  const anomalies = new AnomalyService({ loader, events: repos.events, tunings: repos.tunings, clock, settings: deps.settings, defaultCurrency: costs.defaultCurrency });
  return {
    today,
    forecast,
    budgets,
    anomalies,
    alerts: new AlertService({ subscriptions: repos.subscriptions, deliveries: repos.deliveries, events: repos.events, tunings: repos.tunings, clock, today, routing }),
    summary: createSummary({ forecast, budgets, anomalies, coverage: () => costs.coverage() }),
  };
}

export type { AlertRecipient, AlertService } from './alert-service';
export type { AnomalyService } from './anomaly-service';
export type { BudgetService } from './budget-service';
export type { ForecastService } from './forecast-service';
