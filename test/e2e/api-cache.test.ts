/**
 * The query cache across two app instances on one database, through real HTTP: both answer from
 * memory, and after a write on either one (an import, a project change) neither serves the old
 * number. Expected totals are the oracle's plus exactly what was written.
 */
import type { Penny } from '../../src/main';
import { decimalToNanos, nanosToDecimalString } from '../../src/domain/money';
import { withinMicro } from '../support/focus-oracle';
import { focusTotal } from '../support/oracles';
import { rec } from '../fixtures/records';
import { API_ENV, apiCall, apiGet, tokenFor } from '../support/api-client';
import { baseUrlOf } from '../support/slack-requests';
import { useE2E } from './harness';

const app = useE2E({ env: API_ENV });
let other: Penny;
let otherBase: string;
beforeAll(async () => {
  other = await app().startAnother();
  otherBase = baseUrlOf(other.server!);
}, 60_000);

const SUMMARY = '/api/v1/costs/summary?from=2024-09-01&to=2024-09-30';
const totalAt = async (base: string, penny: Penny, path = SUMMARY) => (await apiGet(base, penny, path)).json.total as string;

it('answers repeated questions from memory on each instance', async () => {
  const first = await totalAt(app().base, app().penny);
  expect(withinMicro(decimalToNanos(first)!, focusTotal() * 1000n)).toBe(true);
  // The repeat is answered from memory: the store is not asked again.
  const misses = app().penny.core.cacheStats()!.misses;
  expect(await totalAt(app().base, app().penny)).toBe(first);
  expect(app().penny.core.cacheStats()!.misses).toBe(misses);
  expect(await totalAt(otherBase, other)).toBe(first);
});

it('never serves a number older than the last write, on either instance', async () => {
  const before = decimalToNanos(await totalAt(app().base, app().penny))!;
  await totalAt(otherBase, other); // both instances hold the old total now
  for (const [i, [writer, amount]] of ([[other, 1_234_567_891n], [app().penny, 7n]] as const).entries()) {
    await writer.core.store.writeRecords([rec(`2024-09-1${i}`, amount, { resourceId: `cache-test-${i}` })], { importId: `cache-${i}` });
    const expected = before + (i === 0 ? 1_234_567_891n : 1_234_567_898n);
    // Right after the write, with no waiting, both instances give the new number.
    expect(await totalAt(app().base, app().penny)).toBe(nanosToDecimalString(expected));
    expect(await totalAt(otherBase, other)).toBe(nanosToDecimalString(expected));
  }
  expect(other.core.cacheStats()!.invalidations).toBeGreaterThanOrEqual(2);
});

it('a project change on one instance shows at once on the other', async () => {
  const grouped = '/api/v1/costs/summary?from=2024-09-01&to=2024-09-30&groupBy=project';
  expect((await apiGet(otherBase, other, grouped)).json.groups.map((g: { key: string }) => g.key)).toEqual(['']);
  const admin = await tokenFor(app().penny, 'admin');
  const made = await apiCall(app().base, 'POST', '/api/v1/projects', { token: admin, body: { name: 'cached', owner: 'U1', channel: 'C1', match: { tags: ['environment=dev'] } } });
  expect(made.status).toBe(201);
  expect((await apiGet(otherBase, other, grouped)).json.groups.map((g: { key: string }) => g.key).sort()).toEqual(['', 'cached']);
});
