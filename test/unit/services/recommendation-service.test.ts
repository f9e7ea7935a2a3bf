/**
 * The recommendation service over in-memory adapters: the list and its total, decisions and how
 * they resolve, --as-of, the cache, and cloud advisers counted against the request cap.
 */
import { DEFAULT_ADVICE_SETTINGS } from '../../../src/domain/advice/advice-settings';
import { emptyScope, type Recommendation } from '../../../src/domain/advice/recommendation';
import { serviceKey } from '../../../src/domain/advice/advice-data';
import { daysIn, type DateRange } from '../../../src/domain/days';
import { decimalToNanos } from '../../../src/domain/money';
import type { Clock } from '../../../src/ports/clock';
import type { AnomalyLookup, RecommendationAdviser } from '../../../src/ports/advisers';
import { RecommendationService } from '../../../src/services/advice/recommendation-service';
import { InMemoryCostStore } from '../../fakes/in-memory-cost-store';
import { InMemoryMetaStore } from '../../fakes/in-memory-meta-store';
import { InMemoryRecommendationMarks } from '../../fakes/in-memory-recommendation-marks';
import { InMemoryRequestCounts } from '../../fakes/in-memory-sync-stores';
import { rec } from '../../fixtures/records';
import { recordingLogger } from '../../support/silent-logger';

const usd = (t: string) => decimalToNanos(t)!;
const NAT = { resourceId: 'nat-0abc1234', service: 'Amazon Virtual Private Cloud', serviceCategory: 'Networking' };
const DEV = { resourceId: 'i-0dev00000001', tags: { env: 'dev' } };

function days(range: DateRange, amount: string, over: Parameters<typeof rec>[2], ingestedAt = '2026-11-30T05:00:00Z') {
  return [...daysIn(range)].map((d) => ({ ...rec(d, usd(amount), over), effective: usd(amount), ingestedAt: new Date(ingestedAt) }));
}

class MovableClock implements Clock {
  constructor(public at: Date) {}
  now(): Date {
    return new Date(this.at);
  }
}

function setup(advisers: RecommendationAdviser[] = [], cap?: number, anomalies?: AnomalyLookup) {
  const store = new InMemoryCostStore();
  const marks = new InMemoryRecommendationMarks();
  const meta = new InMemoryMetaStore();
  const counts = new InMemoryRequestCounts();
  const clock = new MovableClock(new Date('2026-11-30T12:00:00Z'));
  const service = new RecommendationService({
    store, scanner: store, marks, meta, clock, timeZone: 'UTC', currency: 'USD', settings: DEFAULT_ADVICE_SETTINGS, logger: recordingLogger(),
    advisers, requestCounts: counts, caps: cap === undefined ? {} : { aws: { limit: cap, setting: 'PENNY_AWS_CE_MONTHLY_REQUEST_CAP', api: 'Cost Explorer' } },
    sleep: async () => undefined, anomalies,
  });
  return { store, marks, meta, counts, clock, service };
}

async function withFixture() {
  const t = setup();
  await t.store.writeRecords([
    ...days({ start: '2026-11-10', end: '2026-11-30' }, '1.08', NAT),
    ...days({ start: '2026-11-02', end: '2026-11-30' }, '4.80', DEV).map((r) => ({ ...r, effective: (r.billed * 9n) / 10n })), // commitment-covered: no commitment advice
  ]);
  return t;
}

describe('RecommendationService', () => {
  it('lists what the rules find, best first, with the exact total', async () => {
    const { service } = await withFixture();
    const answer = await service.list();
    expect(answer.asOf).toBe('2026-11-30');
    expect(answer.items.map((r) => [r.kind, r.monthlySaving, r.state])).toEqual([
      ['non-production-schedule', usd('93.857142857'), 'open'],
      ['idle-resource', usd('32.85'), 'open'],
    ]);
    // 93.857142857 + 32.85
    expect(answer.total).toBe(usd('126.707142857'));
    expect([answer.openCount, answer.hiddenCount, answer.moreCount]).toEqual([2, 0, 0]);
  });

  it('narrows by account, service (short names too) and provider', async () => {
    const { service } = await withFixture();
    expect((await service.list({ filters: { services: ['vpc'] } })).items.map((r) => r.kind)).toEqual(['idle-resource']);
    expect((await service.list({ filters: { accounts: ['prod'], services: ['ec2'] } })).items.map((r) => r.kind)).toEqual(['non-production-schedule']);
    expect((await service.list({ filters: { providers: ['gcp'] } })).items).toEqual([]);
    await expect(service.list({ filters: { tags: ['env=dev'] } })).rejects.toThrow(/not by tag/);
  });

  it('keeps a dismissed one out until its evidence changes materially, and says who dismissed it', async () => {
    const { service, store, clock } = await withFixture();
    const idle = (await service.list()).items[1]!;
    const notice = await service.decide(idle.id, 'dismiss', 'U42');
    expect(notice).toBe('Dismissed “Delete the idle NAT gateway nat-0abc1234”. It comes back only if its evidence changes materially.');
    let answer = await service.list();
    expect(answer.items.map((r) => r.kind)).toEqual(['non-production-schedule']);
    expect([answer.hiddenCount, answer.total]).toEqual([1, usd('93.857142857')]);
    expect((await service.list({ includeClosed: true })).items[1]).toMatchObject({ id: idle.id, state: 'dismissed', decidedBy: 'U42' });
    // A day later the gateway costs 10% more every day: not material. A week later, 40% more: it is.
    clock.at = new Date('2026-12-01T12:00:00Z');
    await store.writeRecords(days({ start: '2026-11-30', end: '2026-12-01' }, '1.08', NAT, '2026-12-01T05:00:00Z'));
    await store.writeRecords(days({ start: '2026-11-10', end: '2026-12-01' }, '1.188', NAT, '2026-12-01T06:00:00Z'));
    expect((await service.list()).items.find((r) => r.id === idle.id)).toBeUndefined();
    await store.writeRecords(days({ start: '2026-11-10', end: '2026-12-01' }, '1.512', NAT, '2026-12-01T07:00:00Z'));
    answer = await service.list();
    expect(answer.items.find((r) => r.id === idle.id)).toMatchObject({ state: 'open', reopened: 'evidence-changed' });
  });

  it('snoozes for 30 days, then shows it again', async () => {
    const { service, clock } = await withFixture();
    const top = (await service.list()).items[0]!;
    expect(await service.decide(top.id, 'snooze', 'U7')).toMatch(/until 2026-12-30\.$/);
    expect((await service.list({ includeClosed: true })).items[0]).toMatchObject({ state: 'snoozed', snoozedUntil: '2026-12-30' });
    clock.at = new Date('2026-12-30T00:00:00Z');
    expect((await service.list({ asOf: '2026-11-30' })).items[0]).toMatchObject({ id: top.id, state: 'open', reopened: 'snooze-over' });
  });

  it('reads only days before --as-of', async () => {
    const { service } = await withFixture();
    // Before 2026-11-24 the gateway has 14 flat days (11-10..11-23), the dev instance 22 days.
    expect((await service.list({ asOf: '2026-11-24' })).items.map((r) => r.kind)).toEqual(['non-production-schedule', 'idle-resource']);
    expect((await service.list({ asOf: '2026-11-23' })).items.map((r) => r.kind)).toEqual(['non-production-schedule']);
    expect((await service.list({ asOf: '2026-11-01' })).items).toEqual([]);
  });

  it('refuses a decision about an id it does not know', async () => {
    const { service } = await withFixture();
    await expect(service.decide('rec-0000000000', 'dismiss', 'U1')).rejects.toMatchObject({ code: 'QUERY_INVALID' });
  });

  it('uses an anomaly seam when one is connected', async () => {
    const svc = 'BigQuery';
    const seam: AnomalyLookup = { impactByService: async () => new Map([[serviceKey('gcp', svc), usd('1000')]]) };
    const [plain, seamed] = [setup(), setup([], undefined, seam)];
    for (const t of [plain, seamed]) {
      await t.store.writeRecords([
        ...days({ start: '2026-09-01', end: '2026-10-01' }, '100', { provider: 'gcp', service: svc, resourceId: '' }),
        ...days({ start: '2026-10-01', end: '2026-11-01' }, '150', { provider: 'gcp', service: svc, resourceId: '' }),
      ]);
    }
    // October against September: 150 a day against 100; anomalies explain 1000 of the 1550 rise.
    expect((await plain.service.list()).items.map((r) => r.kind)).toEqual(['cost-rise']);
    expect((await seamed.service.list()).items).toEqual([]);
  });
});

describe('RecommendationService with a cloud adviser', () => {
  const awsRec = (saving: string): Recommendation => ({
    id: 'rec-aws0000001', kind: 'rightsizing', origin: 'aws', title: 'Rightsize i-0dev00000001', scope: { ...emptyScope('aws'), resourceId: 'i-0dev00000001' },
    currency: 'USD', monthlySaving: usd(saving), savingMethod: 'AWS', evidence: { summary: '', facts: [] }, materialKey: 't3.small',
  });
  const adviser = (saving: string, requests = 2): RecommendationAdviser & { calls: number } => ({
    id: 'aws',
    calls: 0,
    async recommendations(ctx) {
      this.calls += 1;
      for (let i = 0; i < requests; i++) await ctx.beforeRequest();
      return [awsRec(saving)];
    },
  });

  it('asks advisers only on refresh, counts their requests, and merges their advice', async () => {
    const a = adviser('150');
    const t = setup([a]);
    await t.store.writeRecords(days({ start: '2026-11-02', end: '2026-11-30' }, '4.80', DEV).map((r) => ({ ...r, effective: (r.billed * 9n) / 10n })));
    const before = await t.service.list();
    expect([a.calls, before.items.length]).toEqual([0, 1]);
    expect(before.adviserNotes).toEqual(["AWS's own recommendations are fetched by the daily refresh; none yet."]);
    const refreshed = await t.service.refresh();
    expect(refreshed).toMatchObject({ count: 1, adviserErrors: [] });
    expect(await t.counts.total('aws', '2026-11-30', '2026-11-30')).toBe(2);
    const after = await t.service.list();
    // AWS's rightsizing (150) and Penny's schedule (93.86) are about the same instance: counted once.
    expect(after.items.map((r) => [r.kind, r.monthlySaving])).toEqual([['rightsizing', usd('150')]]);
    expect(after.items[0]!.alsoSuggested?.map((s) => s.kind)).toEqual(['non-production-schedule']);
    expect(after.total).toBe(usd('150'));
    // Advice fetched today rests on today's data: an earlier --as-of leaves it out.
    expect((await t.service.list({ asOf: '2026-11-29' })).adviserNotes[0]).toMatch(/left out/);
  });

  it('stops at the request cap and keeps the earlier advice', async () => {
    const a = adviser('150', 3);
    const t = setup([a], 4);
    expect((await t.service.refresh()).adviserErrors).toEqual([]);
    const second = await t.service.refresh();
    expect(second.adviserErrors[0]).toMatch(/^aws: Stopped before the next Cost Explorer request: this month's cap of 4 requests/);
    expect(await t.counts.total('aws', '2026-11-01', '2026-11-30')).toBe(4);
    expect((await t.service.list()).items.map((r) => r.id)).toEqual(['rec-aws0000001']);
  });

  it('records when each recommendation was first seen, for the weekly list', async () => {
    const t = setup([adviser('150')]);
    expect((await t.service.refresh()).newIds).toEqual(['rec-aws0000001']);
    t.clock.at = new Date('2026-12-08T12:00:00Z');
    expect((await t.service.refresh()).newIds).toEqual([]);
    expect((await t.service.newSince('2026-12-01')).items).toEqual([]);
    expect((await t.service.newSince('2026-11-24')).items.map((r) => [r.id, r.firstSeen])).toEqual([['rec-aws0000001', '2026-11-30']]);
  });
});
