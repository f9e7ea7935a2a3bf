/**
 * Alert email in the watchdog job, over in-memory stores and the real services: each alert goes
 * to each address once; a failed send is released, logged and sent on the next run; a revision
 * sends nothing more (an email cannot be changed); an address added later gets no older alerts.
 *
 * Data: $100 a day from January 1, $900 on March 14 (a spike of +$800 in the total). Budget "all"
 * is $1,000 a month: $100 × 13 + $900 = $2,200 by March 14, past 100%.
 */
import { InMemoryWriteLog } from '../../fakes/in-memory-write-log';
import type { AlertAnswer } from '../../../src/answers/watchdog';
import { daysIn } from '../../../src/domain/days';
import type { AlertEmailDeps } from '../../../src/jobs/alert-email';
import { runWatchdog, type WatchdogJobDeps } from '../../../src/jobs/watchdog';
import type { Clock } from '../../../src/ports/clock';
import { CostService } from '../../../src/services/cost-service';
import { createWatchdog } from '../../../src/services/watchdog';
import { rec } from '../../fixtures/records';
import { InMemoryCostStore } from '../../fakes/in-memory-cost-store';
import {
  InMemoryAlertDeliveries, InMemoryAlertSubscriptions, InMemoryAnomalyEvents, InMemoryBudgets, InMemoryFirings, InMemorySeriesTunings,
} from '../../fakes/in-memory-watchdog';
import { recordingLogger } from '../../support/silent-logger';

const D = 1_000_000_000n;
const NOW = new Date('2026-03-15T06:00:00Z');
const ANOMALY = 'anomaly:total|2026-03-14';
const BUDGET = 'budget:all|2026-03-01|actual|100';

async function setup(options: { emailNow?: Date } = {}) {
  const clock: Clock = { now: () => NOW };
  const store = new InMemoryCostStore();
  await store.writeRecords([...daysIn({ start: '2026-01-01', end: '2026-03-15' })].map((d) => rec(d, (d === '2026-03-14' ? 900n : 100n) * D)));
  const costs = new CostService({ store, clock, timeZone: 'UTC', currency: 'USD' });
  const repos = {
    budgets: new InMemoryBudgets(), firings: new InMemoryFirings(), events: new InMemoryAnomalyEvents(), tunings: new InMemorySeriesTunings(),
    subscriptions: new InMemoryAlertSubscriptions(), deliveries: new InMemoryAlertDeliveries(),
  };
  await repos.budgets.upsert({ name: 'all', scope: { kind: 'total' }, period: 'month', amount: 1000n * D, actualThresholds: [100], forecastThresholds: [], updatedBy: 'U0', updatedAt: NOW });
  const watchdog = createWatchdog({ store, costs, clock, repos, settings: { minImpact: 50n * D, minDeviationPct: 20, tagKeys: [] }, writes: new InMemoryWriteLog() });
  const mails: { address: string; alert: AlertAnswer }[] = [];
  const failFor = new Set<string>();
  const meta = new Map<string, unknown>();
  const logger = recordingLogger();
  const email: AlertEmailDeps = {
    addresses: ['oncall@example.com', 'finance@example.com'],
    deliveries: new InMemoryAlertDeliveries(),
    now: () => options.emailNow ?? NOW,
    mailer: {
      mailAlert: async (address, alert) => {
        if (failFor.delete(address)) throw new Error('421 try again later');
        mails.push({ address, alert });
        return { id: `<${mails.length}@example.com>` };
      },
    },
  };
  const deps: WatchdogJobDeps = {
    watchdog, owner: 'me', logger, coverage: () => costs.coverage(), email,
    meta: { get: async <T>(k: string) => meta.get(k) as T | undefined, set: async (k, v) => void meta.set(k, v) },
    notifier: { postAlert: async () => ({ ts: '1.0' }), updateAlert: async () => undefined, retractAlert: async () => undefined },
  };
  const sent = () => mails.map((m) => `${m.address} ${m.alert.alertKey}`).sort();
  return { deps, store, mails, failFor, logger, sent };
}

const EVERY = [`finance@example.com ${ANOMALY}`, `finance@example.com ${BUDGET}`, `oncall@example.com ${ANOMALY}`, `oncall@example.com ${BUDGET}`];

it('mails each alert to each address once', async () => {
  const t = await setup();
  expect(await runWatchdog(t.deps)).toEqual({ posted: 0, updated: 0, mailed: 4, failed: 0 });
  expect(t.sent()).toEqual(EVERY);
  expect((await runWatchdog(t.deps)).mailed).toBe(0);
  expect(t.mails).toHaveLength(4);
});

it('a failed send is logged, released and sent on the next run, to that address only', async () => {
  const t = await setup();
  t.failFor.add('oncall@example.com');
  expect(await runWatchdog(t.deps)).toEqual({ posted: 0, updated: 0, mailed: 3, failed: 1 });
  expect(t.logger.entries.find((e) => e.level === 'error')).toMatchObject({ msg: 'Alert email not sent; released for the next run', obj: { address: 'oncall@example.com', alert: BUDGET } });
  expect(await runWatchdog(t.deps)).toEqual({ posted: 0, updated: 0, mailed: 1, failed: 0 });
  expect(t.sent()).toEqual(EVERY);
});

it('a revised anomaly is not mailed again', async () => {
  const t = await setup();
  await runWatchdog(t.deps);
  await t.store.writeRecords([rec('2026-03-14', 1500n * D)]);
  const again = await runWatchdog(t.deps);
  expect(again.mailed).toBe(0);
  expect(t.mails).toHaveLength(4);
});

it('addresses configured after an alert was raised do not get it', async () => {
  const t = await setup({ emailNow: new Date('2026-03-16T00:00:00Z') });
  expect((await runWatchdog(t.deps)).mailed).toBe(0);
  expect(t.mails).toEqual([]);
});
