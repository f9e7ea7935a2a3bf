/**
 * The dispatch handler's failure handling, with in-memory repositories (the real ones are covered
 * in test/integration/jobs).
 */
import { makeDigestDispatch, type DigestDispatchDeps } from '../../../src/jobs/digest-dispatch';
import { fixedClock } from '../../../src/ports/clock';
import type { ClaimOptions, DigestDeliveries, DigestDelivery, DigestSubscription, SentInfo } from '../../../src/ports/digests';
import { recordingLogger } from '../../support/silent-logger';

const NOW = '2026-03-10T12:00:00Z';
const sub = (channel: string): DigestSubscription => ({
  channel, time: '09:00', timeZone: 'Europe/Berlin', providers: [], enabled: true, createdBy: 'U1', updatedAt: new Date('2026-03-01T00:00:00Z'),
});

class MemoryDeliveries implements DigestDeliveries {
  readonly rows = new Map<string, DigestDelivery>();
  readonly calls: string[] = [];
  failClaim = new Set<string>();
  markSentFailures = 0;
  failRelease = false;

  async claim(channel: string, localDate: string, owner: string, options: ClaimOptions = {}): Promise<boolean> {
    this.calls.push(`claim ${channel}${options.resume ? ' (resume)' : ''}`);
    if (this.failClaim.has(channel)) throw new Error('db down');
    const key = `${channel}:${localDate}`;
    const row = this.rows.get(key);
    if (options.resume && row?.state === 'claimed' && row.owner === owner) return true;
    if (row && row.state !== 'released') return false;
    this.rows.set(key, { channel, localDate, owner, state: 'claimed', claimedAt: new Date(NOW), attempts: (row?.attempts ?? 0) + 1 });
    return true;
  }

  async markSent(channel: string, localDate: string, info: SentInfo): Promise<void> {
    this.calls.push(`markSent ${channel}`);
    if (this.markSentFailures-- > 0) throw new Error('write failed');
    const row = this.rows.get(`${channel}:${localDate}`)!;
    Object.assign(row, { state: 'sent', ts: info.ts, sentAt: info.sentAt });
  }

  async release(channel: string, localDate: string, options: { owner?: string; reason?: string } = {}): Promise<void> {
    this.calls.push(`release ${channel}`);
    if (this.failRelease) throw new Error('db down');
    const row = this.rows.get(`${channel}:${localDate}`)!;
    Object.assign(row, { state: 'released', lastError: options.reason });
  }

  async get(channel: string, localDate: string): Promise<DigestDelivery | undefined> {
    return this.rows.get(`${channel}:${localDate}`);
  }
}

function setup(channels: string[], over: Partial<DigestDispatchDeps<{ text: string }>> = {}, failPost = new Set<string>()) {
  const deliveries = new MemoryDeliveries();
  const logger = recordingLogger();
  const posted: string[] = [];
  const dispatch = makeDigestDispatch({
    subscriptions: { listEnabled: async () => channels.map(sub) },
    deliveries,
    clock: fixedClock(NOW),
    owner: 'me',
    logger,
    compose: async (s) => ({ text: s.channel }),
    notifier: {
      postDigest: async (channel) => {
        if (failPost.has(channel)) throw new Error('channel_not_found');
        posted.push(channel);
        return { ts: `ts-${channel}` };
      },
    },
    ...over,
  });
  return { dispatch, deliveries, logger, posted };
}

describe('makeDigestDispatch', () => {
  it('never releases a posted digest when recording it fails; it retries the record, then logs', async () => {
    const { dispatch, deliveries, logger, posted } = setup(['C1']);
    deliveries.markSentFailures = 5;
    const summary = await dispatch();
    expect(posted).toEqual(['C1']);
    expect(summary.outcomes).toEqual([{ channel: 'C1', localDate: '2026-03-10', result: 'sent', ts: 'ts-C1' }]);
    expect(deliveries.calls).toEqual(['claim C1', 'markSent C1', 'markSent C1', 'markSent C1']);
    expect(logger.entries.find((e) => e.level === 'error')?.msg).toMatch(/posted but not recorded/);
  });

  it('records the post when a retry of the record succeeds', async () => {
    const { dispatch, deliveries } = setup(['C1']);
    deliveries.markSentFailures = 1;
    await dispatch();
    expect((await deliveries.get('C1', '2026-03-10'))?.state).toBe('sent');
  });

  it('keeps going when one channel cannot be claimed or released', async () => {
    const { dispatch, deliveries, logger, posted } = setup(['C1', 'C2', 'C3'], {}, new Set(['C2']));
    deliveries.failClaim.add('C1');
    deliveries.failRelease = true;
    const summary = await dispatch();
    expect(summary.outcomes.map((o) => [o.channel, o.result])).toEqual([['C1', 'failed'], ['C2', 'failed'], ['C3', 'sent']]);
    expect(posted).toEqual(['C3']);
    expect(logger.entries.filter((e) => e.level === 'error').map((e) => e.msg)).toEqual([
      'Could not claim a digest delivery',
      'Digest not delivered; released it for a retry on the next run',
      'Could not release a failed digest claim; this instance takes it up again on its next run',
    ]);
  });

  it('after MongoDB comes back, takes up its own claim whose release was lost, and posts once', async () => {
    const failPost = new Set(['C1']);
    const { dispatch, deliveries, posted } = setup(['C1'], {}, failPost);
    deliveries.failRelease = true;
    expect((await dispatch()).outcomes[0]?.result).toBe('failed');
    expect((await deliveries.get('C1', '2026-03-10'))?.state).toBe('claimed'); // stuck open, ours
    failPost.clear();
    deliveries.failRelease = false;
    expect((await dispatch()).outcomes[0]?.result).toBe('sent');
    expect(deliveries.calls).toContain('claim C1 (resume)');
    expect(await dispatch()).toMatchObject({ outcomes: [{ result: 'taken' }] });
    expect(posted).toEqual(['C1']);
  });

  it('after a lost claim reply, takes the claim up again instead of waiting for it to go stale', async () => {
    const { dispatch, deliveries, posted } = setup(['C1']);
    const claim = deliveries.claim.bind(deliveries);
    let lose = true;
    deliveries.claim = async (...args) => {
      const won = await claim(...args);
      if (lose) {
        lose = false;
        throw new Error('connection closed before the reply');
      }
      return won;
    };
    expect((await dispatch()).outcomes[0]?.result).toBe('failed');
    expect((await dispatch()).outcomes[0]?.result).toBe('sent');
    expect(posted).toEqual(['C1']);
  });

  it('records a digest posted but not recorded on later runs, and never posts it again', async () => {
    const { dispatch, deliveries, posted } = setup(['C1']);
    deliveries.markSentFailures = 3;
    await dispatch();
    expect((await deliveries.get('C1', '2026-03-10'))?.state).toBe('claimed');
    expect((await dispatch()).outcomes[0]?.result).toBe('sent');
    expect((await deliveries.get('C1', '2026-03-10'))?.state).toBe('sent');
    await dispatch();
    expect(posted).toEqual(['C1']);
  });

  it('never delivers one digest twice when runs of the same instance overlap', async () => {
    const { dispatch, deliveries, posted } = setup(['C1']);
    deliveries.failRelease = true; // would leave an open claim a second run could resume
    await Promise.all([dispatch(), dispatch(), dispatch()]);
    expect(posted).toEqual(['C1']);
  });

  it('renews the job lock after each delivery and stops when the lock is lost', async () => {
    const { dispatch, posted } = setup(['C1', 'C2']);
    let touches = 0;
    await expect(dispatch({ data: {}, touch: async () => {
      touches++;
      throw new Error("execution of 'digest-dispatch' canceled");
    } })).rejects.toThrow(/canceled/);
    expect(touches).toBe(1);
    expect(posted).toEqual(['C1']);
  });

  it('lets a failure to list subscriptions fail the run (Agenda logs it and runs again next tick)', async () => {
    const { dispatch } = setup([], { subscriptions: { listEnabled: async () => { throw new Error('db down'); } } });
    await expect(dispatch()).rejects.toThrow('db down');
  });
});
