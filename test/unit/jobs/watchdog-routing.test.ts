/**
 * Project routing in the watchdog job, over in-memory stores and the real services: an alert on a
 * project's account (or mostly driven by it) or tag goes to its channel too, mentioning its owner
 * there only; a channel that is
 * both subscribed and a project's gets one message; two projects get one each; a failed post to a
 * project channel is logged, released and posted on the next run; updates keep the mention.
 *
 * Data: account A1 costs $100 a day, account A2 ("data-acct") $50 a day, from January 1; on
 * March 14 A2 costs $650 (+$600), all of the total's rise. A2's costs carry tag team=data. Budget "data" is $1,000 a month on account "data-acct": by
 * March 14 it has $50 × 13 + $650 = $1,300, past 100%.
 */
import { InMemoryWriteLog } from '../../fakes/in-memory-write-log';
import type { AlertAnswer } from '../../../src/answers/watchdog';
import { daysIn } from '../../../src/domain/days';
import type { Project } from '../../../src/domain/project';
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
// A2's jump is the total's too: the watchdog raises it once, on the total, with A2 as its driver.
const ACCOUNT_ALERT = 'anomaly:total|2026-03-14';
const TAG_ALERT = 'anomaly:tag:team=data|2026-03-14';
const BUDGET_ALERT = 'budget:data|2026-03-01|actual|100';
const SAVED = new Date('2026-03-01T00:00:00Z');
const A2 = { subAccountId: 'A2', subAccountName: 'data-acct', resourceId: 'i-2', tags: { team: 'data' } };

const project = (name: string, owner: string, channel: string, over: Partial<Project> = {}): Project => ({
  name, owner, channel, match: { accounts: ['A2'], tags: [] }, updatedBy: 'U0', updatedAt: SAVED, ...over,
});

async function setup(projects: Project[]) {
  const clock: Clock = { now: () => new Date('2026-03-15T06:00:00Z') };
  const store = new InMemoryCostStore();
  const days = [...daysIn({ start: '2026-01-01', end: '2026-03-15' })];
  await store.writeRecords([...days.map((d) => rec(d, 100n * D)), ...days.map((d) => rec(d, (d === '2026-03-14' ? 650n : 50n) * D, A2))]);
  const costs = new CostService({ store, clock, timeZone: 'UTC', currency: 'USD' });
  const repos = {
    budgets: new InMemoryBudgets(), firings: new InMemoryFirings(), events: new InMemoryAnomalyEvents(), tunings: new InMemorySeriesTunings(),
    subscriptions: new InMemoryAlertSubscriptions(), deliveries: new InMemoryAlertDeliveries(),
  };
  const none = { providers: [], accounts: [], services: [], regions: [], tags: [] };
  await repos.subscriptions.upsert({ channel: 'CALL', filters: none, enabled: true, createdBy: 'U0', since: SAVED });
  await repos.budgets.upsert({ name: 'data', scope: { kind: 'account', value: 'data-acct' }, period: 'month', amount: 1000n * D, actualThresholds: [50, 80, 100], forecastThresholds: [], updatedBy: 'U0', updatedAt: SAVED });
  const watchdog = createWatchdog({ store, costs, clock, repos, settings: { minImpact: 50n * D, minDeviationPct: 20, tagKeys: ['team'] }, writes: new InMemoryWriteLog(), projects: { list: async () => projects } });
  const posts: { channel: string; alert: AlertAnswer }[] = [];
  const updates: { channel: string; alert: AlertAnswer }[] = [];
  const failFor = new Set<string>();
  const logger = recordingLogger();
  const deps: WatchdogJobDeps = {
    watchdog, owner: 'me', logger, coverage: () => costs.coverage(),
    meta: { get: async () => undefined, set: async () => undefined },
    notifier: {
      postAlert: async (channel, alert) => {
        if (failFor.delete(channel)) throw new Error('An API error occurred: not_in_channel');
        posts.push({ channel, alert });
        return { ts: `${posts.length}.0` };
      },
      updateAlert: async (channel, _ts, alert) => void updates.push({ channel, alert }),
      retractAlert: async () => undefined,
    },
  };
  const to = (channel: string) => posts.filter((p) => p.channel === channel).map((p) => [p.alert.alertKey, p.alert.owners]);
  return { deps, store, posts, updates, failFor, logger, to };
}

it("sends a project's alerts to its channel with the owner, and to subscribers without", async () => {
  const t = await setup([project('data', 'UDATA', 'CDATA')]);
  expect((await runWatchdog(t.deps)).failed).toBe(0);
  const owners = [{ project: 'data', owner: 'UDATA' }];
  expect(t.to('CDATA')).toEqual([[BUDGET_ALERT, owners], [ACCOUNT_ALERT, owners]]);
  expect(t.to('CALL')).toEqual([[BUDGET_ALERT, undefined], [ACCOUNT_ALERT, undefined], [TAG_ALERT, undefined]]);
  await runWatchdog(t.deps);
  expect(t.posts).toHaveLength(5);
});

it('a project owning a tag gets the alerts of that tag only', async () => {
  const t = await setup([project('tagged', 'UTAG', 'CTAG', { match: { accounts: [], tags: [{ key: 'team', value: 'data' }] } })]);
  await runWatchdog(t.deps);
  expect(t.to('CTAG')).toEqual([[TAG_ALERT, [{ project: 'tagged', owner: 'UTAG' }]]]);
});

it('a subscribed channel that is also a project channel gets one message, with the mention; two projects get theirs each', async () => {
  const t = await setup([project('data', 'UDATA', 'CDATA'), project('apex', 'SAPEX', 'CALL'), project('ml', 'UML', 'CML')]);
  await runWatchdog(t.deps);
  expect(t.to('CDATA').map(([k]) => k)).toEqual([BUDGET_ALERT, ACCOUNT_ALERT]);
  expect(t.to('CML')).toEqual([[BUDGET_ALERT, [{ project: 'ml', owner: 'UML' }]], [ACCOUNT_ALERT, [{ project: 'ml', owner: 'UML' }]]]);
  const account = t.posts.filter((p) => p.channel === 'CALL' && p.alert.alertKey === ACCOUNT_ALERT);
  expect(account.map((p) => p.alert.owners)).toEqual([[{ project: 'apex', owner: 'SAPEX' }]]);
  expect(t.posts.filter((p) => p.channel === 'CALL' && p.alert.owners === undefined).length).toBeGreaterThan(0);
});

it('a post that fails in a project channel is logged, released and posted on the next run', async () => {
  const t = await setup([project('data', 'UDATA', 'CDATA')]);
  t.failFor.add('CDATA');
  expect((await runWatchdog(t.deps)).failed).toBe(1);
  expect(t.to('CDATA')).toEqual([[ACCOUNT_ALERT, [{ project: 'data', owner: 'UDATA' }]]]);
  const logged = t.logger.entries.find((e) => e.level === 'error');
  expect(logged?.msg).toContain('is Penny in the channel of project data?');
  expect(logged?.obj).toMatchObject({ channel: 'CDATA', alert: BUDGET_ALERT, projects: ['data'] });
  expect((await runWatchdog(t.deps)).failed).toBe(0);
  expect(t.to('CDATA').map(([k]) => k)).toEqual([ACCOUNT_ALERT, BUDGET_ALERT]);
});

it('a project saved after an alert was raised does not get that alert', async () => {
  const t = await setup([project('late', 'ULATE', 'CLATE', { updatedAt: new Date('2026-03-16T00:00:00Z') })]);
  await runWatchdog(t.deps);
  expect(t.to('CLATE')).toEqual([]);
});

it("a revised alert is updated in place, the project channel's copy keeping its mention", async () => {
  const t = await setup([project('data', 'UDATA', 'CDATA')]);
  await runWatchdog(t.deps);
  await t.store.writeRecords([rec('2026-03-14', 1250n * D, A2)]);
  await runWatchdog(t.deps);
  const updated = t.updates.filter((u) => u.alert.alertKey === ACCOUNT_ALERT);
  expect(updated.map((u) => [u.channel, u.alert.owners])).toEqual([['CALL', undefined], ['CDATA', [{ project: 'data', owner: 'UDATA' }]]]);
  expect(t.to('CDATA')).toHaveLength(2);
});
