/**
 * The dispatch handler with a fixed clock, on the real repositories and test server.
 */
import type { Connection } from 'mongoose';
import { makeDigestDispatch } from '../../../src/jobs/digest-dispatch';
import { fixedClock } from '../../../src/ports/clock';
import type { DigestSubscription } from '../../../src/ports/digests';
import { MongoDigestDeliveries } from '../../../src/store/digest-deliveries';
import { MongoDigestSubscriptions } from '../../../src/store/digest-subscriptions';
import { dropTestDb, openTestDb } from '../../support/mongo';
import { recordingLogger } from '../../support/silent-logger';

let conn: Connection;

beforeAll(async () => {
  conn = await openTestDb('digestdispatch');
});

afterAll(async () => {
  await dropTestDb(conn);
});

const sub = (channel: string, time: string, timeZone: string, over: Partial<DigestSubscription> = {}): DigestSubscription => ({
  channel, time, timeZone, providers: [], enabled: true, createdBy: 'U1', updatedAt: new Date('2026-03-01T00:00:00Z'), ...over,
});

/** What the test composes as a digest: the dispatch carries it to the notifier untouched. */
interface TestDigest { text: string; blocks: unknown[]; png?: { filename: string; data: Buffer } }
interface Posted { channel: string; message: TestDigest }

function harness(clockIso: string, options: { composeFails?: Set<string> } = {}) {
  const clock = fixedClock(clockIso);
  const subscriptions = new MongoDigestSubscriptions(conn);
  const deliveries = new MongoDigestDeliveries(conn, { clock });
  const posted: Posted[] = [];
  const composed: Array<{ channel: string; localDate: string; providers: string[] }> = [];
  const logger = recordingLogger();
  let ts = 0;
  const dispatch = makeDigestDispatch({
    subscriptions, deliveries, clock, owner: 'solo', logger,
    compose: async (s, localDate): Promise<TestDigest> => {
      composed.push({ channel: s.channel, localDate, providers: s.providers });
      if (options.composeFails?.has(s.channel)) throw new Error(`no cost data for ${s.channel}`);
      return { text: `Costs for ${localDate}`, blocks: [{ type: 'section' }], png: { filename: 'digest.png', data: Buffer.from([137, 80, 78, 71]) } };
    },
    notifier: {
      postDigest: async (channel, message) => {
        posted.push({ channel, message });
        return { ts: `1773100000.${String(++ts).padStart(6, '0')}` };
      },
    },
  });
  return { dispatch, subscriptions, deliveries, posted, composed, logger };
}

describe('digest dispatch (one instance, fixed clock)', () => {
  beforeAll(async () => {
    const subs = new MongoDigestSubscriptions(conn);
    await subs.init();
    await subs.upsert(sub('CDUE', '09:00', 'Europe/Berlin', { providers: ['aws'] }));
    await subs.upsert(sub('CLATER', '18:00', 'Europe/Berlin'));
    await subs.upsert(sub('CBROKEN', '08:00', 'America/Chicago'));
    await subs.upsert(sub('COFF', '08:00', 'Europe/Berlin', { enabled: false }));
    await subs.upsert(sub('CBADZONE', '08:00', 'Not/AZone'));
  });

  it('posts due digests once, skips the rest, and retries a failed one on the next run', async () => {
    // 2026-03-10 14:00 UTC: Berlin 15:00, Chicago 09:00 CDT.
    const first = harness('2026-03-10T14:00:00Z', { composeFails: new Set(['CBROKEN']) });
    const touches: number[] = [];
    const summary = await first.dispatch({ data: {}, touch: async () => void touches.push(1) });

    expect(summary.outcomes).toEqual([
      { channel: 'CBADZONE', result: 'failed' },
      { channel: 'CBROKEN', localDate: '2026-03-10', result: 'failed' },
      { channel: 'CDUE', localDate: '2026-03-10', result: 'sent', ts: '1773100000.000001' },
      { channel: 'CLATER', localDate: '2026-03-10', result: 'not-due' },
    ]);
    expect(first.posted).toEqual([{ channel: 'CDUE', message: expect.objectContaining({ text: 'Costs for 2026-03-10', png: expect.objectContaining({ filename: 'digest.png' }) }) }]);
    expect(first.composed).toEqual([
      { channel: 'CBROKEN', localDate: '2026-03-10', providers: [] },
      { channel: 'CDUE', localDate: '2026-03-10', providers: ['aws'] },
    ]);
    expect(touches).toHaveLength(2);
    expect(await first.deliveries.get('CDUE', '2026-03-10')).toMatchObject({ state: 'sent', owner: 'solo', ts: '1773100000.000001', attempts: 1 });
    expect(await first.deliveries.get('CBROKEN', '2026-03-10')).toMatchObject({ state: 'released', attempts: 1, lastError: 'Error: no cost data for CBROKEN' });
    expect(first.logger.entries.filter((e) => e.level === 'error').map((e) => e.msg)).toEqual(['Digest not delivered; released it for a retry on the next run']);
    expect(first.logger.entries.filter((e) => e.level === 'warn').map((e) => e.msg)).toEqual(['Digest subscription has an unusable time or time zone']);

    // Next minute: the failed one goes out now, the sent one does not go again.
    const second = harness('2026-03-10T14:01:00Z');
    const again = await second.dispatch();
    expect(again.outcomes.filter((o) => o.result !== 'not-due' && o.channel !== 'CBADZONE')).toEqual([
      { channel: 'CBROKEN', localDate: '2026-03-10', result: 'sent', ts: '1773100000.000001' },
      { channel: 'CDUE', localDate: '2026-03-10', result: 'taken' },
    ]);
    expect(second.posted.map((p) => p.channel)).toEqual(['CBROKEN']);
    expect(await second.deliveries.get('CBROKEN', '2026-03-10')).toMatchObject({ state: 'sent', attempts: 2 });

    // Later the same local day: nothing new except what has become due.
    const evening = harness('2026-03-10T17:30:00Z');
    await evening.dispatch();
    expect(evening.posted.map((p) => p.channel)).toEqual(['CLATER']);
  });

  it('limits a run to the channels in its job data', async () => {
    const h = harness('2026-03-11T14:00:00Z');
    const summary = await h.dispatch({ data: { channels: ['CLATER', 'CDUE'] } });
    expect(summary.outcomes.map((o) => [o.channel, o.result])).toEqual([['CDUE', 'sent'], ['CLATER', 'not-due']]);
    expect(h.posted.map((p) => p.channel)).toEqual(['CDUE']);
  });
});
