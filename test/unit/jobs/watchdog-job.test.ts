/**
 * When the watchdog job runs, and what it sends, over in-memory stores and the real services:
 * after new data or on a new day only; a failed post is tried again on the next tick; a
 * channel gets each alert once.
 */
import type { AlertAnswer } from '../../../src/answers/watchdog';
import { daysIn } from '../../../src/domain/days';
import { runWatchdogIfDue, type WatchdogJobDeps } from '../../../src/jobs/watchdog';
import type { Clock } from '../../../src/ports/clock';
import { CostService } from '../../../src/services/cost-service';
import { createWatchdog } from '../../../src/services/watchdog';
import { rec } from '../../fixtures/records';
import { InMemoryCostStore } from '../../fakes/in-memory-cost-store';
import { InMemoryWriteLog } from '../../fakes/in-memory-write-log';
import {
  InMemoryAlertDeliveries, InMemoryAlertSubscriptions, InMemoryAnomalyEvents, InMemoryBudgets, InMemoryFirings, InMemorySeriesTunings,
} from '../../fakes/in-memory-watchdog';
import { recordingLogger } from '../../support/silent-logger';

const D = 1_000_000_000n;

async function setup() {
  let now = new Date('2026-03-15T06:00:00Z');
  const clock: Clock = { now: () => new Date(now) };
  const store = new InMemoryCostStore();
  await store.writeRecords([...daysIn({ start: '2026-01-01', end: '2026-03-15' })].map((d) => rec(d, (d === '2026-03-14' ? 900n : 100n) * D)));
  const costs = new CostService({ store, clock, timeZone: 'UTC', currency: 'USD' });
  const repos = {
    budgets: new InMemoryBudgets(), firings: new InMemoryFirings(), events: new InMemoryAnomalyEvents(), tunings: new InMemorySeriesTunings(),
    subscriptions: new InMemoryAlertSubscriptions(), deliveries: new InMemoryAlertDeliveries(),
  };
  await repos.subscriptions.upsert({ channel: 'C1', filters: { providers: [], accounts: [], services: [], regions: [], tags: [] }, enabled: true, createdBy: 'U1', since: new Date('2026-03-01T00:00:00Z') });
  const watchdog = createWatchdog({ store, costs, clock, repos, settings: { minImpact: 50n * D, minDeviationPct: 20, tagKeys: [] }, writes: new InMemoryWriteLog() });
  const meta = new Map<string, unknown>();
  let ingested = new Date('2026-03-15T05:00:00Z');
  const posts: { channel: string; key: string }[] = [];
  const failures: string[] = [];
  const deps: WatchdogJobDeps = {
    watchdog, owner: 'me', logger: recordingLogger(),
    coverage: async () => ({ ...(await costs.coverage()), lastIngestedAt: ingested }),
    meta: { get: async <T>(k: string) => meta.get(k) as T | undefined, set: async (k, v) => void meta.set(k, v) },
    notifier: {
      postAlert: async (channel: string, alert: AlertAnswer) => {
        if (failures.shift()) throw new Error('ratelimited');
        posts.push({ channel, key: alert.alertKey });
        return { ts: `${posts.length}.0` };
      },
      updateAlert: async () => undefined,
      retractAlert: async () => undefined,
    },
  };
  return { deps, posts, failures, newData: () => void (ingested = new Date(ingested.getTime() + 60_000)), nextDay: () => void (now = new Date(now.getTime() + 86_400_000)) };
}

it('runs after new data or on a new day, and not otherwise', async () => {
  const t = await setup();
  expect(await runWatchdogIfDue(t.deps)).toEqual({ posted: 1, updated: 0, mailed: 0, failed: 0 });
  expect(t.posts).toEqual([{ channel: 'C1', key: 'anomaly:total|2026-03-14' }]);
  expect(await runWatchdogIfDue(t.deps)).toBeUndefined();
  t.newData();
  expect(await runWatchdogIfDue(t.deps)).toEqual({ posted: 0, updated: 0, mailed: 0, failed: 0 });
  t.nextDay();
  expect(await runWatchdogIfDue(t.deps)).toEqual({ posted: 0, updated: 0, mailed: 0, failed: 0 });
  expect(t.posts).toHaveLength(1);
});

it('a failed post is tried again on the next tick, then the run is done', async () => {
  const t = await setup();
  t.failures.push('once');
  expect(await runWatchdogIfDue(t.deps)).toEqual({ posted: 0, updated: 0, mailed: 0, failed: 1 });
  expect(await runWatchdogIfDue(t.deps)).toEqual({ posted: 1, updated: 0, mailed: 0, failed: 0 });
  expect(await runWatchdogIfDue(t.deps)).toBeUndefined();
  expect(t.posts).toEqual([{ channel: 'C1', key: 'anomaly:total|2026-03-14' }]);
});
