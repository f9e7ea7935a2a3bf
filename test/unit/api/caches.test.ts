/** The API's small caches: whole answers per write generation, and tokens already checked. */
import { CheckedTokens } from '../../../src/api/auth';
import { cacheKey, ResponseCache } from '../../../src/api/response-cache';
import type { Principal } from '../../../src/ports/tokens';

it('keeps an answer while the generation is unchanged, and drops everything when it changes', async () => {
  const cache = new ResponseCache();
  let computed = 0;
  const compute = async () => ({ json: { n: ++computed } });
  expect(await cache.get('g1', 'k', compute)).toEqual({ json: { n: 1 } });
  expect(await cache.get('g1', 'k', compute)).toEqual({ json: { n: 1 } });
  expect(await cache.get('g2', 'k', compute)).toEqual({ json: { n: 2 } });
  await expect(cache.get('g2', 'bad', async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
  expect(await cache.get('g2', 'bad', compute)).toEqual({ json: { n: 3 } }); // a failure is not kept
});

it('keys the same question the same way whatever the parameter order, and by day', () => {
  const a = cacheKey('GET', '/costs/summary', new URLSearchParams('groupBy=service&provider=aws&provider=gcp'), '2024-10-02');
  const b = cacheKey('GET', '/costs/summary', new URLSearchParams('provider=aws&groupBy=service&provider=gcp'), '2024-10-02');
  expect(a).toBe(b);
  expect(cacheKey('GET', '/costs/summary', new URLSearchParams('groupBy=service&provider=aws&provider=gcp'), '2024-10-03')).not.toBe(a);
});

it('checks a token once a minute at most, never past its expiry, and never keeps a refused one', async () => {
  let now = 0;
  let checks = 0;
  const verify = async (token: string): Promise<Principal> => {
    checks += 1;
    if (token === 'bad') throw new Error('refused');
    return { subject: token, role: 'viewer', expiresAt: new Date(token === 'short' ? 30_000 : 3_600_000) };
  };
  const tokens = new CheckedTokens({ verify }, () => now);
  await tokens.verify('long');
  await tokens.verify('long');
  expect(checks).toBe(1);
  now = 60_001;
  await tokens.verify('long');
  expect(checks).toBe(2);
  now = 0;
  await tokens.verify('short');
  now = 30_000;
  await tokens.verify('short');
  expect(checks).toBe(4);
  await expect(tokens.verify('bad')).rejects.toThrow('refused');
  await expect(tokens.verify('bad')).rejects.toThrow('refused');
  expect(checks).toBe(6);
});
