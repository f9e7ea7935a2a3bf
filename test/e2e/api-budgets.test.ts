/**
 * /api/v1/budgets through real HTTP into the running app, on the real store: viewers read,
 * finance and admins write; bodies are read as `penny budget set` reads its options; spend is the
 * oracles' (the FOCUS sample read as decimals, the demo generator's own records); the answers are
 * `penny budget status --json`'s; and a change on one instance is seen at once on another.
 */
import { Readable } from 'node:stream';
import { run } from '../../src/cli/main';
import { decimalToNanos, nanosToDecimalString } from '../../src/domain/money';
import type { Role } from '../../src/domain/roles';
import type { Penny } from '../../src/main';
import { exact, oracleKeys, readFocusRows, withinMicro } from '../support/focus-oracle';
import { demoTotal, FOCUS_SAMPLE, focusTotal } from '../support/oracles';
import { API_ENV, apiCall, tokenFor, type ApiReply } from '../support/api-client';
import { baseUrlOf } from '../support/slack-requests';
import { NOW, useE2E } from './harness';
import { cliJson as cliJsonAt } from '../support/cli-json';

const app = useE2E({ env: API_ENV });
const TODAY = NOW.slice(0, 10);
const call = async (method: string, path: string, role: Role, body?: unknown, base = app().base, penny = app().penny): Promise<ApiReply> =>
  apiCall(base, method, `/api/v1${path}`, { token: await tokenFor(penny, role), body });
const near = (decimal: string, nanos: bigint) => withinMicro(decimalToNanos(decimal)!, nanos * 1000n);

const cliJson = (argv: string[]) => cliJsonAt(app().dbUri, argv);

afterEach(async () => {
  for (const b of await app().penny.core.watchdog.budgets.list()) await app().penny.core.watchdog.budgets.delete(b.name);
});

describe('roles', () => {
  it.each(['POST /budgets', 'PUT /budgets/aws', 'DELETE /budgets/aws'])('a viewer may not %s: 403 naming the role it needs', async (route) => {
    const [method, path] = route.split(' ') as [string, string];
    const res = await call(method, path, 'viewer', method === 'DELETE' ? undefined : { name: 'aws', amount: '10' });
    expect(res.status).toBe(403);
    expect(res.json.error).toEqual({ code: 'FORBIDDEN', message: "Managing budgets needs a finance or admin token; this token's role is viewer." });
    expect(await app().penny.core.watchdog.budgets.list()).toEqual([]);
  });

  it('finance and admin may write; a viewer reads', async () => {
    expect((await call('POST', '/budgets', 'finance', { name: 'by finance', amount: '10' })).status).toBe(201);
    expect((await call('POST', '/budgets', 'admin', { name: 'by admin', amount: '10' })).status).toBe(201);
    const list = await call('GET', '/budgets', 'viewer');
    expect(list.status).toBe(200);
    expect(list.json.budgets.map((b: { name: string }) => b.name)).toEqual(['by admin', 'by finance']);
    const saved = await app().penny.core.watchdog.budgets.get('by finance');
    expect(saved?.updatedBy).toBe('api:finance-test');
  });
});

describe('create, read, replace, delete', () => {
  it('round-trips a budget, keeping the amount exact', async () => {
    const body = { name: 'AWS', amount: '12345678.123456789', period: 'quarter', scope: 'provider:aws', thresholds: [80, 50], forecast_thresholds: [90, 100] };
    const made = await call('POST', '/budgets', 'finance', body);
    expect(made.status).toBe(201);
    // The saved budget: the body with thresholds in order.
    expect(made.json).toEqual({ ...body, thresholds: [50, 80], forecast_thresholds: [90, 100] });
    expect((await app().penny.core.watchdog.budgets.get('aws'))?.amount).toBe(12_345_678_123_456_789n);

    const got = await call('GET', '/budgets/aws', 'viewer');
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({ name: 'AWS', scope: 'provider:aws', period: 'quarter', from: '2024-10-01', to: '2024-12-31', amount: '12345678.123456789' });

    const put = await call('PUT', '/budgets/aws', 'admin', { amount: '500', scope: 'tag:team=data' });
    expect(put.status).toBe(200);
    // Fields left out take their defaults, as with penny budget set; the stored name stays.
    expect(put.json).toEqual({ name: 'AWS', amount: '500', period: 'month', scope: 'tag:team=data', thresholds: [50, 80, 100], forecast_thresholds: [100] });
    expect((await call('GET', '/budgets/AWS', 'viewer')).json).toMatchObject({ scope: 'tag:team=data', period: 'month', amount: '500' });

    const del = await call('DELETE', '/budgets/Aws', 'finance');
    expect([del.status, del.text]).toEqual([204, '']);
    expect((await call('GET', '/budgets/aws', 'viewer')).status).toBe(404);
    expect((await call('GET', '/budgets', 'viewer')).json.budgets).toEqual([]);
  });

  it('refuses a name already taken (in any case) with 400 ALREADY_EXISTS, changing nothing', async () => {
    await call('POST', '/budgets', 'finance', { name: 'Cloud', amount: '100' });
    const again = await call('POST', '/budgets', 'finance', { name: 'cloud', amount: '999' });
    expect(again.status).toBe(400);
    expect(again.json.error).toEqual({ code: 'ALREADY_EXISTS', message: 'There is already a budget called "Cloud". Change it instead, or pick another name.' });
    expect((await app().penny.core.watchdog.budgets.get('cloud'))?.amount).toBe(100_000_000_000n);
  });

  it('says 404 NOT_FOUND with a sentence for a budget that does not exist', async () => {
    await call('POST', '/budgets', 'finance', { name: 'Production', amount: '100' });
    const expected = { code: 'NOT_FOUND', message: 'There is no budget called "Producton". Did you mean "Production"?' };
    for (const [method, body] of [['GET'], ['PUT', { amount: '5' }], ['DELETE']] as const) {
      const res = await call(method, '/budgets/Producton', 'finance', body);
      expect([method, res.status, res.json.error]).toEqual([method, 404, expected]);
    }
    // Path segments are decoded.
    expect((await call('GET', '/budgets/nothing%20here', 'viewer')).json.error.message).toMatch(/^There is no budget called "nothing here"\./);
  });

  it('a PUT naming another budget in its body is refused: a budget keeps its name', async () => {
    await call('POST', '/budgets', 'finance', { name: 'a', amount: '1' });
    const res = await call('PUT', '/budgets/a', 'finance', { name: 'b', amount: '2' });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(/^The body names "b" but the path names "a"\. A budget keeps its name/);
    expect((await call('PUT', '/budgets/a', 'finance', { name: 'A', amount: '2' })).status).toBe(200);
  });
});

describe('bad bodies: 400 with a sentence that says what to fix, and nothing saved', () => {
  it.each([
    [undefined, 'QUERY_INVALID', 'Send the budget as a JSON object in the request body.'],
    [{ amount: '5' }, 'QUERY_INVALID', 'In the budget, "name" is required.'],
    [{ name: 'x' }, 'QUERY_INVALID', 'In the budget, "amount" is required.'],
    [{ name: 'x', amount: 5000.1 }, 'QUERY_INVALID', 'In the budget, "amount" must be a decimal string such as "5000.00" (amounts are sent as strings, since a JSON number may lose digits).'],
    [{ name: 'x', amount: '5', colour: 'red' }, 'QUERY_INVALID', 'The budget has unknown field(s) "colour".'],
    [{ name: 'x', amount: '5', thresholds: ['50'] }, 'QUERY_INVALID', 'In the budget, "thresholds[0]" must be a number (a percentage, such as 80).'],
    [{ name: 'x', amount: 'lots' }, 'BUDGET_INVALID', '"amount" takes a number such as 5000 or 1250.50, not "lots".'],
    [{ name: 'x', amount: '1e6' }, 'BUDGET_INVALID', '"amount" takes a number such as 5000 or 1250.50, not "1e6".'],
    [{ name: 'x', amount: '0' }, 'BUDGET_INVALID', "That budget doesn't work: the amount must be more than zero."],
    [{ name: 'x', amount: '1.0000000001' }, 'BUDGET_INVALID', "That budget doesn't work: the amount has more than 9 decimal places."],
    [{ name: ' ', amount: '5' }, 'BUDGET_INVALID', "That budget doesn't work: it needs a name."],
    [{ name: 'x', amount: '5', period: 'week' }, 'BUDGET_INVALID', '"period" takes month, quarter or year, not "week".'],
    [{ name: 'x', amount: '5', scope: 'planet:mars' }, 'BUDGET_INVALID', 'I can\'t read the scope "planet:mars"; try total, provider aws, account prod-core, service EC2 or tag team=data.'],
    [{ name: 'x', amount: '5', thresholds: [50, 2000] }, 'BUDGET_INVALID', "That budget doesn't work: a threshold must be a percentage above 0 and at most 1000, not 2000."],
  ])('%j → %s', async (body, code, message) => {
    const res = await call('POST', '/budgets', 'finance', body);
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: { code, message: expect.stringContaining(message) } });
    expect(await app().penny.core.watchdog.budgets.list()).toEqual([]);
  });

  it('takes asOf as a day only', async () => {
    const res = await call('GET', '/budgets?asOf=yesterday', 'viewer');
    expect(res.status).toBe(400);
    expect(res.json.error.message).toBe('Query parameter "asOf" must be a date like 2024-09-01 (YYYY-MM-DD); got "yesterday".');
  });
});

describe('spend, against the oracles', () => {
  it('a year budget counts the FOCUS September and the demo October 1, exactly', async () => {
    await call('POST', '/budgets', 'finance', { name: 'year', amount: '100000', period: 'year' });
    const line = (await call('GET', '/budgets/year', 'viewer')).json;
    const expected = focusTotal() + (await demoTotal(TODAY, { start: '2024-10-01', end: TODAY }));
    expect(line).toMatchObject({ from: '2024-01-01', to: '2024-12-31', forecast: expect.stringMatching(/^\d+\.\d+$/) });
    expect([line.actual, near(line.actual, expected)]).toEqual([line.actual, true]);
  });

  it('a provider budget as of September 30 counts AWS on the 1st to the 29th only', async () => {
    await call('POST', '/budgets', 'finance', { name: 'aws', amount: '5000.00', scope: 'provider:aws' });
    const rows = readFocusRows(FOCUS_SAMPLE).filter((r) => oracleKeys.provider(r) === 'aws' && oracleKeys.day(r) < '2024-09-30');
    const oracle = rows.reduce((sum, r) => sum + exact(r.BilledCost!), 0n);
    const status = (await call('GET', '/budgets?asOf=2024-09-30', 'viewer')).json;
    expect(status).toMatchObject({ as_of: '2024-09-30', currency: 'USD' });
    const [line] = status.budgets;
    expect(line).toMatchObject({ name: 'aws', from: '2024-09-01', to: '2024-09-30', amount: '5000' });
    expect([line.actual, withinMicro(decimalToNanos(line.actual)!, oracle)]).toEqual([line.actual, true]);
  });

  it('GET /budgets is exactly `penny budget status --json`, and GET /budgets/{name} its entry', async () => {
    await call('POST', '/budgets', 'finance', { name: 'total', amount: '20' });
    await call('POST', '/budgets', 'finance', { name: 'gcp', amount: '3.5', scope: 'provider:gcp', thresholds: [10] });
    const api = (await call('GET', '/budgets?asOf=2024-10-02', 'viewer')).json;
    expect(api).toEqual(await cliJson(['budget', 'status', '--as-of', '2024-10-02']));
    for (const entry of api.budgets) expect((await call('GET', `/budgets/${entry.name}?asOf=2024-10-02`, 'viewer')).json).toEqual(entry);
  });
});

describe('two instances, one database, the cache on', () => {
  let other: Penny;
  let otherBase: string;
  beforeAll(async () => {
    other = await app().startAnother();
    otherBase = baseUrlOf(other.server!);
  }, 60_000);
  const summary = () => call('GET', '/costs/summary?from=2024-09-01&to=2024-09-30', 'viewer', undefined, otherBase, other);

  it('a budget written through the API on one is seen at once on the other, and its cached answers are dropped', async () => {
    expect((await call('GET', '/budgets/shared', 'viewer', undefined, otherBase, other)).status).toBe(404);
    await summary();
    await summary(); // kept in memory now
    const { invalidations } = other.core.cacheStats()!;
    const generation = await other.core.generation!();

    expect((await call('POST', '/budgets', 'finance', { name: 'shared', amount: '42.42' })).status).toBe(201);
    expect(await other.core.generation!()).not.toBe(generation);
    const seen = await call('GET', '/budgets/shared', 'viewer', undefined, otherBase, other);
    expect([seen.status, seen.json.amount]).toEqual([200, '42.42']);
    await summary();
    expect(other.core.cacheStats()!.invalidations).toBeGreaterThan(invalidations);

    await call('PUT', '/budgets/shared', 'finance', { amount: '7' });
    expect((await call('GET', '/budgets', 'viewer', undefined, otherBase, other)).json.budgets[0].amount).toBe('7');
    await call('DELETE', '/budgets/shared', 'finance');
    expect((await call('GET', '/budgets/shared', 'viewer', undefined, otherBase, other)).status).toBe(404);
  });

  it('so do budgets set and deleted with `penny budget`', async () => {
    const generation = await other.core.generation!();
    const penny = async (argv: string[]) => run(argv, {
      out: () => undefined, err: () => undefined, isTTY: false, env: { MONGODB_URI: app().dbUri, PENNY_TIMEZONE: 'UTC' }, exit: () => undefined, stdin: Readable.from([]), stdinIsTTY: false,
    });
    expect(await penny(['budget', 'set', 'from-cli', '--amount', '1250.50'])).toBe(0);
    const afterSet = await other.core.generation!();
    expect(afterSet).not.toBe(generation);
    expect((await call('GET', '/budgets/from-cli', 'viewer', undefined, otherBase, other)).json.amount).toBe(nanosToDecimalString(1_250_500_000_000n));
    expect(await penny(['budget', 'delete', 'from-cli'])).toBe(0);
    expect(await other.core.generation!()).not.toBe(afterSet);
  });
});
