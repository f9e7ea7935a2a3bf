import { createLimiter } from '../../../src/slack/work-limiter';

it('runs at most N pieces of work at once, in order, and survives failures', async () => {
  const limit = createLimiter({ concurrency: 2 });
  let active = 0;
  let peak = 0;
  const order: number[] = [];
  const job = (i: number) => limit(async () => {
    active += 1;
    peak = Math.max(peak, active);
    await new Promise((r) => setTimeout(r, 5));
    active -= 1;
    order.push(i);
    if (i === 3) throw new Error('boom');
    return i;
  });
  const results = await Promise.allSettled([1, 2, 3, 4, 5, 6].map(job));
  expect(peak).toBe(2);
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
  expect(order.sort()).toEqual([1, 2, 3, 4, 5, 6]);
});

describe('settling after a burst of arrivals', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('starts no work while requests keep arriving within quietMs', async () => {
    const limit = createLimiter({ concurrency: 2, quietMs: 40, maxDelayMs: 1000 });
    const started: string[] = [];
    const job = (name: string) => limit(async () => void started.push(name));
    const a = job('a');
    await jest.advanceTimersByTimeAsync(30);
    const b = job('b');
    await jest.advanceTimersByTimeAsync(30);
    expect(started).toEqual([]); // 60 ms after a, but only 30 ms after b
    await jest.advanceTimersByTimeAsync(20);
    expect(started.sort()).toEqual(['a', 'b']);
    await Promise.all([a, b]);
  });

  it('holds work back at most maxDelayMs under a steady stream', async () => {
    const limit = createLimiter({ concurrency: 1, quietMs: 40, maxDelayMs: 100 });
    const started: number[] = [];
    const runs: Promise<void>[] = [];
    const t0 = Date.now();
    for (let i = 0; i < 20; i++) {
      runs.push(limit(async () => void started.push(Date.now())));
      await jest.advanceTimersByTimeAsync(10);
    }
    // Arrivals never paused for 40 ms, yet the first piece of work began by 100 ms.
    expect(started.length).toBeGreaterThan(0);
    expect(started[0]! - t0).toBeLessThanOrEqual(100);
    await jest.advanceTimersByTimeAsync(200);
    await Promise.all(runs);
    expect(started).toHaveLength(20);
  });
});
