/**
 * AskService with its forecast, budget, anomaly and recommendation answerers wired as
 * composition.ts wires them, over a store the test chooses: in-memory repositories by default,
 * or the real MongoDB ones (pass `repos`, `marks`, `meta`).
 */
import { DEFAULT_ADVICE_SETTINGS } from '../../src/domain/advice/advice-settings';
import type { Clock } from '../../src/ports/clock';
import type { CostStore } from '../../src/ports/cost-store';
import type { MetaStore } from '../../src/ports/meta-store';
import type { RecommendationMarks } from '../../src/ports/recommendation-marks';
import type { WriteLog } from '../../src/ports/write-log';
import type { CostRecordScanner } from '../../src/ports/record-scanner';
import { RecommendationService } from '../../src/services/advice/recommendation-service';
import { AskService } from '../../src/services/ask';
import { laterAnswerers } from '../../src/services/ask/later-answers';
import { CostService } from '../../src/services/cost-service';
import { createWatchdog, type WatchdogRepositories } from '../../src/services/watchdog';
import { watchdogAnomalyLookup } from '../../src/services/watchdog/anomaly-lookup';
import type { AnomalySettings } from '../../src/services/watchdog/anomaly-service';
import { InMemoryMetaStore } from '../fakes/in-memory-meta-store';
import { InMemoryRecommendationMarks } from '../fakes/in-memory-recommendation-marks';
import { InMemoryWriteLog } from '../fakes/in-memory-write-log';
import {
  InMemoryAlertDeliveries, InMemoryAlertSubscriptions, InMemoryAnomalyEvents, InMemoryBudgets, InMemoryFirings, InMemorySeriesTunings,
} from '../fakes/in-memory-watchdog';
import { recordingLogger } from './silent-logger';

/** The defaults of PENNY_ANOMALY_MIN_IMPACT (50) and PENNY_ANOMALY_MIN_PCT (20). */
export const ANOMALY_DEFAULTS: AnomalySettings = { minImpact: 50_000_000_000n, minDeviationPct: 20, tagKeys: [] };

export function inMemoryWatchdogRepos(): WatchdogRepositories {
  return {
    budgets: new InMemoryBudgets(), firings: new InMemoryFirings(), events: new InMemoryAnomalyEvents(), tunings: new InMemorySeriesTunings(),
    subscriptions: new InMemoryAlertSubscriptions(), deliveries: new InMemoryAlertDeliveries(),
  };
}

export interface WatchAskOptions {
  store: CostStore & CostRecordScanner;
  clock: Clock;
  repos?: WatchdogRepositories;
  marks?: RecommendationMarks;
  meta?: MetaStore;
  settings?: AnomalySettings;
  writes?: Pick<WriteLog, 'changed'>;
}

export function watchAsk(o: WatchAskOptions) {
  const costs = new CostService({ store: o.store, clock: o.clock, timeZone: 'UTC', currency: 'USD' });
  const watchdog = createWatchdog({
    store: o.store, costs, clock: o.clock, repos: o.repos ?? inMemoryWatchdogRepos(), settings: o.settings ?? ANOMALY_DEFAULTS, writes: o.writes ?? new InMemoryWriteLog(),
  });
  const advice = new RecommendationService({
    store: o.store, scanner: o.store, marks: o.marks ?? new InMemoryRecommendationMarks(), meta: o.meta ?? new InMemoryMetaStore(), clock: o.clock,
    anomalies: watchdogAnomalyLookup(watchdog.anomalies),
    timeZone: 'UTC', currency: 'USD', settings: DEFAULT_ADVICE_SETTINGS, logger: recordingLogger(),
  });
  const later = laterAnswerers({ forecast: watchdog.forecast, budgets: watchdog.budgets, anomalies: watchdog.anomalies, advice, costs, defaultCurrency: 'USD' });
  const ask = new AskService({ costs, names: o.store, clock: o.clock, later, budgetNames: async () => (await watchdog.budgets.list()).map((b) => b.name) });
  return { costs, watchdog, advice, ask };
}
