/**
 * GET /costs/summary and /costs/daily through real HTTP into the running app (HTTP mode, beside
 * /slack/events), on the real store: the numbers are the FOCUS oracle's, the JSON is exactly
 * `penny cost --json`'s, and bad parameters get a 400 that says what to fix.
 */
import { decimalToNanos } from '../../src/domain/money';
import { exact, readFocusRows, sumBy, oracleKeys, withinMicro } from '../support/focus-oracle';
import { FOCUS_SAMPLE, focusGroups, focusTotal } from '../support/oracles';
import { API_ENV, apiGet, type ApiReply } from '../support/api-client';
import { useE2E } from './harness';
import { cliJson as cliJsonAt } from '../support/cli-json';

const app = useE2E({ env: API_ENV });
const get = (path: string) => apiGet(app().base, app().penny, path);
const near = (decimal: string, nanos: bigint) => withinMicro(decimalToNanos(decimal)!, nanos * 1000n);
const SEPTEMBER = 'from=2024-09-01&to=2024-09-30';

const cliJson = (argv: string[]) => cliJsonAt(app().dbUri, argv);

describe('GET /api/v1/costs/summary', () => {
  it.each(['service', 'account', 'provider', 'region'] as const)('by %s: the oracle total and groups, in order, to a millionth', async (by) => {
    const res = await get(`/api/v1/costs/summary?${SEPTEMBER}&groupBy=${by}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const oracle = focusGroups(by);
    expect(res.json).toMatchObject({ from: '2024-09-01', to: '2024-09-30', metric: 'billed', currency: 'USD', groupBy: by });
    expect(near(res.json.total, focusTotal())).toBe(true);
    expect(res.json.groups.map((g: { key: string }) => g.key)).toEqual(oracle.map((g) => g.key));
    res.json.groups.forEach((g: { key: string; cost: string }, i: number) => expect([g.key, near(g.cost, oracle[i]!.amount)]).toEqual([g.key, true]));
  });

  it('is exactly the JSON of penny cost --json, whatever the parameters', async () => {
    const api = await get(`/api/v1/costs/summary?period=2024-09&groupBy=service&provider=aws&metric=effective&compare=true`);
    const cli = await cliJson(['cost', '2024-09', '--by', 'service', '--provider', 'aws', '--metric', 'effective', '--compare']);
    expect(api.json).toEqual(cli);
    expect(api.json.filters).toEqual([{ dim: 'provider', input: 'aws', matched: ['AWS'] }]);
  });

  it('takes the effective metric and filters, matching the oracle', async () => {
    const res = await get(`/api/v1/costs/summary?${SEPTEMBER}&metric=effective`);
    expect(near(res.json.total, focusTotal('EffectiveCost'))).toBe(true);
    const aws = await get(`/api/v1/costs/summary?${SEPTEMBER}&provider=aws&provider=azure`);
    const expected = focusGroups('provider').filter((g) => g.key === 'aws' || g.key === 'azure').reduce((s, g) => s + g.amount, 0n);
    expect(near(aws.json.total, expected)).toBe(true);
  });

  it('defaults to this month, with amounts as exact decimal strings', async () => {
    const res = await get('/api/v1/costs/summary');
    expect(res.json).toMatchObject({ from: '2024-10-01', to: '2024-10-02', groupBy: null });
    expect(res.json.total).toMatch(/^\d+\.\d+$/);
  });
});

describe('GET /api/v1/costs/daily', () => {
  const rows = readFocusRows(FOCUS_SAMPLE);

  it('gives each day of the period as a group, matching the oracle', async () => {
    const res = await get(`/api/v1/costs/daily?${SEPTEMBER}`);
    expect(res.status).toBe(200);
    const oracle = sumBy(rows, oracleKeys.day);
    expect(res.json.groupBy).toBe('day');
    expect(res.json.groups.map((g: { key: string }) => g.key)).toEqual([...oracle.keys()].sort());
    for (const g of res.json.groups) expect([g.key, withinMicro(decimalToNanos(g.cost)!, oracle.get(g.key)!)]).toEqual([g.key, true]);
  });

  it('splits each day by provider in `series` (for Grafana), from one exact query', async () => {
    const res = await get(`/api/v1/costs/daily?${SEPTEMBER}&groupBy=provider`);
    const oracle = sumBy(rows, (r) => `${oracleKeys.day(r)}|${oracleKeys.provider(r)}`);
    expect(res.json.series.groupBy).toBe('provider');
    expect(res.json.series.rows).toHaveLength(oracle.size);
    for (const r of res.json.series.rows) {
      expect([r.day, r.key, withinMicro(decimalToNanos(r.cost)!, oracle.get(`${r.day}|${r.key}`)!)]).toEqual([r.day, r.key, true]);
    }
    expect(res.json.series.rows[0]).toMatchObject({ day: '2024-09-01', currency: 'USD', label: expect.any(String) });
    expect(near(res.json.total, focusTotal())).toBe(true);
  });

  it('defaults to the last 30 days', async () => {
    const res = await get('/api/v1/costs/daily');
    expect(res.json).toMatchObject({ from: '2024-09-02', to: '2024-10-01' });
  });

  it('does not take compare', async () => {
    const res = await get(`/api/v1/costs/daily?${SEPTEMBER}&compare=true`);
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(/Unknown query parameter "compare"/);
  });
});

describe('malformed parameters: 400 with a message that says what to fix', () => {
  it.each([
    ['from=2024-13-01&to=2024-09-30', 'QUERY_INVALID', /Query parameter "from" must be a date like 2024-09-01 \(YYYY-MM-DD\); got "2024-13-01"/],
    ['from=2024-09-01', 'QUERY_INVALID', /"from" and "to" go together/],
    ['from=2024-09-01&to=2024-09-30&period=2024-09', 'QUERY_INVALID', /either "period" or "from" and "to"/],
    ['from=2024-09-30&to=2024-09-01', 'PERIOD_INVALID', /ends before it starts/],
    ['period=fortnight', 'PERIOD_INVALID', /can't read the period "fortnight". Try one of: today/],
    ['groupBy=colour', 'QUERY_INVALID', /Query parameter "groupBy" must be service, account, region, provider, day/],
    ['metric=amortized', 'QUERY_INVALID', /Query parameter "metric" must be billed, effective or list; got "amortized"/],
    ['service=ec3&period=2024-09', 'UNKNOWN_DIMENSION_VALUE', /don't see any service called "ec3"/],
    ['tag=nokey', 'QUERY_INVALID', /Query parameter "tag" must be KEY=VALUE, like team=data; got "nokey"/],
    ['colour=red', 'QUERY_INVALID', /Unknown query parameter "colour". This endpoint takes: from, to, period, groupBy/],
    ['metric=list&metric=billed', 'QUERY_INVALID', /Give the query parameter "metric" only once/],
    ['currency=dollars', 'QUERY_INVALID', /three-letter currency code/],
  ])('%s', async (query, code, message) => {
    const res = await get(`/api/v1/costs/summary?${query}`);
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: { code, message: expect.stringMatching(message) } });
  });
});

describe('the rest of /api/v1', () => {
  it('serves the OpenAPI 3.1 document without auth, listing every endpoint', async () => {
    const res = await fetch(`${app().base}/api/v1/openapi.json`);
    const doc = (await res.json()) as ApiReply['json'];
    expect(res.status).toBe(200);
    expect(doc.openapi).toBe('3.1.0');
    const paths = Object.keys(doc.paths).sort();
    expect(paths).toEqual(expect.arrayContaining(['/costs/summary', '/costs/daily', '/anomalies', '/budgets', '/budgets/{name}', '/recommendations', '/healthz', '/openapi.json']));
    const groupBy = doc.paths['/costs/summary'].get.parameters.find((p: { name: string }) => p.name === 'groupBy');
    expect(groupBy).toMatchObject({ in: 'query', schema: { type: 'string' }, description: expect.stringContaining('tag:KEY') });
    expect(doc.paths['/costs/summary'].get.responses['400'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
    expect(doc.paths['/budgets'].post['x-penny-role']).toBe('finance');
  });

  it('answers /healthz and /api/v1/healthz without auth: the database and the last write per source', async () => {
    for (const path of ['/healthz', '/api/v1/healthz']) {
      const res = await fetch(`${app().base}${path}`);
      const json = (await res.json()) as ApiReply['json'];
      expect(res.status).toBe(200);
      expect(json).toMatchObject({ ok: true, database: { up: true }, data: { firstDay: '2024-09-01', lastDay: '2024-10-01' } });
      expect(json.sources.map((s: { source: string }) => s.source)).toEqual(['demo', 'focus']);
      expect(json.sources[1]).toMatchObject({ lastSyncAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), records: expect.any(Number) });
    }
  });

  it('documents the budget body and the findings answers, with their roles', async () => {
    const doc = (await (await fetch(`${app().base}/api/v1/openapi.json`)).json()) as ApiReply['json'];
    const post = doc.paths['/budgets'].post;
    const body = post.requestBody.content['application/json'].schema;
    expect(body).toMatchObject({ type: 'object', required: ['name', 'amount'], additionalProperties: false });
    expect(body.properties.amount).toMatchObject({ type: 'string', pattern: expect.any(String) });
    expect(body.properties.period.enum).toEqual(['month', 'quarter', 'year']);
    expect(Object.keys(body.properties).sort()).toEqual(['amount', 'forecast_thresholds', 'name', 'period', 'scope', 'thresholds']);
    expect(post.responses['201'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Budget' });
    expect(doc.paths['/budgets/{name}'].put['x-penny-role']).toBe('finance');
    expect(doc.paths['/budgets/{name}'].delete['x-penny-role']).toBe('finance');
    expect(doc.paths['/budgets/{name}'].get.responses['404']).toBeDefined();
    for (const [path, schema] of [['/budgets', 'BudgetStatus'], ['/anomalies', 'Anomalies'], ['/recommendations', 'Recommendations']] as const) {
      expect([path, doc.paths[path].get['x-penny-role'], doc.paths[path].get.responses['200'].content['application/json'].schema]).toEqual([path, 'viewer', { $ref: `#/components/schemas/${schema}` }]);
      expect(doc.components.schemas[schema]).toBeDefined();
    }
    expect(doc.paths['/anomalies'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['from', 'to', 'period', 'asOf']);
    expect(JSON.stringify(doc)).not.toContain('not set up yet');
  });

  it('answers an unknown path or method with a 404 in the same shape', async () => {
    const res = await get('/api/v1/costs/weekly');
    expect(res.status).toBe(404);
    expect(res.json.error).toEqual({ code: 'NOT_FOUND', message: expect.stringContaining('/api/v1/openapi.json') });
    const del = await fetch(`${app().base}/api/v1/costs/summary`, { method: 'DELETE' });
    expect(del.status).toBe(404);
    expect(((await del.json()) as ApiReply['json']).error.message).toMatch(/answers GET, not DELETE/);
  });

  it('still serves Slack at /slack/events on the same port', async () => {
    const res = await fetch(`${app().base}/slack/events`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(401); // unsigned: Bolt refuses it
  });
});

// The oracle reads cents exactly too.
it('the oracle itself is exact', () => {
  expect(exact('0.00001605990')).toBe(16_059_900n);
});
