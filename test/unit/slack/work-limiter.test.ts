import { createLimiter } from '../../../src/slack/work-limiter';

it('runs at most N pieces of work at once, in order, and survives failures', async () => {
  const limit = createLimiter(2);
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
