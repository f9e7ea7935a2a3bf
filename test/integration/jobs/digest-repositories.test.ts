/**
 * The digest repositories on the real test server (FerretDB v1 here, MongoDB where configured).
 */
import type { Connection } from 'mongoose';
import type { Clock } from '../../../src/ports/clock';
import type { DigestSubscription } from '../../../src/ports/digests';
import { connectMongo } from '../../../src/store/connection';
import { deliveryId, MongoDigestDeliveries } from '../../../src/store/digest-deliveries';
import { MongoDigestSubscriptions } from '../../../src/store/digest-subscriptions';
import { dropTestDb, testDbUri } from '../../support/mongo';

function movableClock(iso: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let at = new Date(iso).getTime();
  return { now: () => new Date(at), set: (next) => void (at = new Date(next).getTime()), advance: (ms) => void (at += ms) };
}

const sub = (channel: string, over: Partial<DigestSubscription> = {}): DigestSubscription => ({
  channel, time: '09:00', timeZone: 'Europe/Berlin', providers: [], enabled: true, createdBy: 'U1', updatedAt: new Date('2026-03-01T10:00:00Z'), ...over,
});

let a: Connection;
let b: Connection;

beforeAll(async () => {
  const uri = testDbUri('digestrepo');
  a = await connectMongo(uri, { serverSelectionTimeoutMS: 5000 });
  b = await connectMongo(uri, { serverSelectionTimeoutMS: 5000 });
  await new MongoDigestSubscriptions(a).init();
});

afterAll(async () => {
  await b?.close();
  await dropTestDb(a);
});

describe('MongoDigestSubscriptions', () => {
  it('upserts, reads, lists enabled and disables', async () => {
    const subs = new MongoDigestSubscriptions(a);
    await subs.upsert(sub('CSUB1', { providers: ['aws', 'gcp'] }));
    await subs.upsert(sub('CSUB2', { time: '17:30', timeZone: 'America/New_York' }));
    await subs.upsert(sub('CSUB1', { time: '08:15', providers: ['aws'], updatedAt: new Date('2026-03-02T10:00:00Z') }));

    expect(await subs.get('CSUB1')).toEqual(sub('CSUB1', { time: '08:15', providers: ['aws'], updatedAt: new Date('2026-03-02T10:00:00Z') }));
    expect(await subs.get('CNONE')).toBeUndefined();
    expect((await subs.listEnabled()).map((s) => s.channel)).toEqual(['CSUB1', 'CSUB2']);

    expect(await subs.disable('CSUB2', new Date('2026-03-03T00:00:00Z'))).toBe(true);
    expect(await subs.disable('CNONE')).toBe(false);
    expect((await subs.listEnabled()).map((s) => s.channel)).toEqual(['CSUB1']);
    expect(await subs.get('CSUB2')).toMatchObject({ enabled: false, updatedAt: new Date('2026-03-03T00:00:00Z') });
  });

  it('survives two instances creating the same subscription at once', async () => {
    const fromA = new MongoDigestSubscriptions(a);
    const fromB = new MongoDigestSubscriptions(b);
    await Promise.all([fromA.upsert(sub('CRACE', { time: '07:00' })), fromB.upsert(sub('CRACE', { time: '07:00' })), fromA.upsert(sub('CRACE', { time: '07:00' }))]);
    expect(await fromB.get('CRACE')).toMatchObject({ time: '07:00', enabled: true });
  });

  it('refuses a time that is not HH:MM', async () => {
    await expect(new MongoDigestSubscriptions(a).upsert(sub('CBAD', { time: '9am' }))).rejects.toThrow();
  });
});

describe('MongoDigestDeliveries', () => {
  it('lets exactly one of many concurrent claimers from two connections win', async () => {
    const clock = movableClock('2026-03-10T08:00:00Z');
    const repos = [new MongoDigestDeliveries(a, { clock }), new MongoDigestDeliveries(b, { clock })];
    for (let round = 0; round < 5; round++) {
      const localDate = `2026-03-1${round}`;
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => (repos[i % 2] as MongoDigestDeliveries).claim('CRACE', localDate, `owner-${i}`)));
      expect(results.filter(Boolean)).toHaveLength(1);
    }
  });

  it('records a sent digest and never hands it out again', async () => {
    const clock = movableClock('2026-03-10T08:00:00Z');
    const d = new MongoDigestDeliveries(a, { clock });
    expect(await d.claim('CSENT', '2026-03-10', 'A')).toBe(true);
    expect(await d.get('CSENT', '2026-03-10')).toMatchObject({ state: 'claimed', owner: 'A', attempts: 1 });
    await d.markSent('CSENT', '2026-03-10', { owner: 'A', ts: '1710000000.000100', sentAt: clock.now() });
    expect(await d.get('CSENT', '2026-03-10')).toEqual({
      channel: 'CSENT', localDate: '2026-03-10', state: 'sent', owner: 'A', attempts: 1,
      claimedAt: new Date('2026-03-10T08:00:00Z'), sentAt: new Date('2026-03-10T08:00:00Z'), ts: '1710000000.000100',
    });
    clock.advance(24 * 3_600_000);
    expect(await d.claim('CSENT', '2026-03-10', 'B')).toBe(false);
    expect(await d.claim('CSENT', '2026-03-11', 'B')).toBe(true);
    expect(await d.get('CSENT', '2026-03-09')).toBeUndefined();
  });

  it('hands a released claim out again, as the next attempt', async () => {
    const d = new MongoDigestDeliveries(a, { clock: movableClock('2026-03-10T08:00:00Z') });
    expect(await d.claim('CREL', '2026-03-10', 'A')).toBe(true);
    expect(await d.claim('CREL', '2026-03-10', 'B')).toBe(false);
    await d.release('CREL', '2026-03-10', { owner: 'B', reason: 'not mine to release' });
    expect(await d.claim('CREL', '2026-03-10', 'B')).toBe(false);
    await d.release('CREL', '2026-03-10', { owner: 'A', reason: 'Error: slack said no' });
    expect(await d.get('CREL', '2026-03-10')).toMatchObject({ state: 'released', attempts: 1, lastError: 'Error: slack said no' });
    expect(await d.claim('CREL', '2026-03-10', 'B')).toBe(true);
    expect(await d.get('CREL', '2026-03-10')).toMatchObject({ state: 'claimed', owner: 'B', attempts: 2, lastError: 'Error: slack said no' });
    await expect(d.markSent('CREL', '2026-03-10', { owner: 'A', ts: '1', sentAt: new Date() })).rejects.toThrow(/No open digest claim/);
    await d.markSent('CREL', '2026-03-10', { owner: 'B', ts: '2', sentAt: new Date() });
    expect(await d.get('CREL', '2026-03-10')).toMatchObject({ state: 'sent', owner: 'B', attempts: 2, ts: '2' });
    expect(await d.claim('CREL', '2026-03-10', 'A')).toBe(false);
  });

  it('takes over a claim left unsent for the stale time (the instance died mid-post), once', async () => {
    const clock = movableClock('2026-03-10T08:00:00Z');
    const d = new MongoDigestDeliveries(a, { clock, staleClaimMs: 15 * 60_000 });
    const other = new MongoDigestDeliveries(b, { clock, staleClaimMs: 15 * 60_000 });
    expect(await d.claim('CSTALE', '2026-03-10', 'dead')).toBe(true);
    clock.advance(15 * 60_000 - 1);
    expect(await d.claim('CSTALE', '2026-03-10', 'B')).toBe(false);
    clock.advance(1);
    const racers = await Promise.all([d.claim('CSTALE', '2026-03-10', 'B'), other.claim('CSTALE', '2026-03-10', 'C'), other.claim('CSTALE', '2026-03-10', 'D')]);
    expect(racers.filter(Boolean)).toHaveLength(1);
    expect(await d.get('CSTALE', '2026-03-10')).toMatchObject({ state: 'claimed', attempts: 2 });
  });

  it('lets only its owner take an open claim up again, and only when asked to resume', async () => {
    const d = new MongoDigestDeliveries(a, { clock: movableClock('2026-03-10T08:00:00Z') });
    expect(await d.claim('CRES', '2026-03-10', 'A')).toBe(true);
    expect(await d.claim('CRES', '2026-03-10', 'A')).toBe(false); // a second, overlapping try of the same owner
    expect(await d.claim('CRES', '2026-03-10', 'B', { resume: true })).toBe(false);
    expect(await d.claim('CRES', '2026-03-10', 'A', { resume: true })).toBe(true);
    expect(await d.get('CRES', '2026-03-10')).toMatchObject({ state: 'claimed', owner: 'A', attempts: 1 });
  });

  it('records a post once even when the first record reply was lost (markSent again)', async () => {
    const d = new MongoDigestDeliveries(a, { clock: movableClock('2026-03-10T08:00:00Z') });
    expect(await d.claim('CIDEM', '2026-03-10', 'A')).toBe(true);
    const info = { owner: 'A', ts: '1710000000.000200', sentAt: new Date('2026-03-10T08:00:01Z') };
    await d.markSent('CIDEM', '2026-03-10', info);
    await d.markSent('CIDEM', '2026-03-10', info);
    expect(await d.get('CIDEM', '2026-03-10')).toMatchObject({ state: 'sent', attempts: 1, ts: info.ts });
    await expect(d.markSent('CIDEM', '2026-03-10', { ...info, ts: 'other' })).rejects.toThrow(/No open digest claim/);
  });

  it('stops after the maximum attempts for the day', async () => {
    const d = new MongoDigestDeliveries(a, { clock: movableClock('2026-03-10T08:00:00Z'), maxAttempts: 3 });
    for (let i = 1; i <= 3; i++) {
      expect(await d.claim('CMAX', '2026-03-10', 'A')).toBe(true);
      await d.release('CMAX', '2026-03-10', { owner: 'A', reason: `failure ${i}` });
    }
    expect(await d.claim('CMAX', '2026-03-10', 'A')).toBe(false);
    expect(await d.get('CMAX', '2026-03-10')).toMatchObject({ state: 'released', attempts: 3, lastError: 'failure 3' });
    expect(await d.claim('CMAX', '2026-03-11', 'A')).toBe(true);
  });

  it('keys attempts by channel and local date and refuses ids that could collide', () => {
    expect(deliveryId('C123', '2026-03-10')).toBe('C123:2026-03-10');
    expect(deliveryId('C123', '2026-03-10', 3)).toBe('C123:2026-03-10#3');
    expect(() => deliveryId('C1:2026', '2026-03-10')).toThrow();
    expect(() => deliveryId('C1', '10.03.2026')).toThrow();
  });
});
