import { AppError } from '../../../src/domain/errors';
import type { SyncIssue } from '../../../src/domain/sync-run';
import type { SyncContext } from '../../../src/ports/cost-source';
import { backoffMs, withRetry, type Fault, type RetryPolicy } from '../../../src/sources/shared/retry';

const policy = (random = 1): RetryPolicy => ({ maxAttempts: 4, baseMs: 1000, maxMs: 5000, random: () => random });
const throttled: Fault = { code: 'SOURCE_THROTTLED', retryable: true, what: 'throttled the request (HTTP 429)' };
const refused: Fault = { code: 'SOURCE_AUTH', retryable: false, what: 'refused the credentials' };

function context() {
  const log = { requests: 0, sleeps: [] as number[], issues: [] as SyncIssue[] };
  const ctx: SyncContext = { beforeRequest: async () => void (log.requests += 1), issue: (i) => void log.issues.push(i), sleep: async (ms) => void log.sleeps.push(ms) };
  return { ctx, log };
}

describe('backoffMs', () => {
  it('grows exponentially up to the cap, jittered below the ceiling', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, policy(1)))).toEqual([1000, 2000, 4000, 5000, 5000]);
    expect(backoffMs(3, policy(0.25))).toBe(1000);
  });
  it('never waits less than the server asked', () => {
    expect(backoffMs(1, policy(0.1), 7000)).toBe(7000);
    expect(backoffMs(3, policy(1), 100)).toBe(4000);
  });
});

describe('withRetry', () => {
  it('counts every attempt, waits between them, and reports what a retry got past', async () => {
    const { ctx, log } = context();
    let calls = 0;
    const result = await withRetry(ctx, 'Test API', () => throttled, async () => {
      calls += 1;
      if (calls < 3) throw new Error('429');
      return 'done';
    }, policy(1));
    expect(result).toBe('done');
    expect(log.requests).toBe(3);
    expect(log.sleeps).toEqual([1000, 2000]);
    expect(log.issues).toHaveLength(2);
    expect(log.issues[0]).toEqual({ code: 'SOURCE_THROTTLED', message: 'Test API throttled the request (HTTP 429); a retry after 1.0 s got through.', recovered: true });
  });

  it('gives up after the last attempt with a coded error that names the cause', async () => {
    const { ctx, log } = context();
    const failing = withRetry(ctx, 'Test API', () => throttled, async () => Promise.reject(new Error('429')), policy(0));
    await expect(failing).rejects.toMatchObject({ code: 'SOURCE_THROTTLED', message: 'Test API throttled the request (HTTP 429) (4 tries).' });
    expect(log.requests).toBe(4);
    expect(log.issues).toEqual([]);
  });

  it('does not retry what cannot get better, nor a request the budget refused', async () => {
    const { ctx, log } = context();
    await expect(withRetry(ctx, 'Test API', () => refused, async () => Promise.reject(new Error('401')), policy())).rejects.toMatchObject({ code: 'SOURCE_AUTH' });
    expect(log.requests).toBe(1);
    const capped: SyncContext = { ...ctx, beforeRequest: async () => Promise.reject(new AppError('SOURCE_REQUEST_CAP', 'Stopped.')) };
    let called = false;
    await expect(withRetry(capped, 'Test API', () => throttled, async () => void (called = true), policy())).rejects.toMatchObject({ code: 'SOURCE_REQUEST_CAP' });
    expect(called).toBe(false);
  });
});
