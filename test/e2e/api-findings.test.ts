/**
 * GET /api/v1/anomalies and /recommendations through real HTTP into the running app, on the real
 * store: each answer is exactly the CLI's JSON for the same data, period and as-of (face parity),
 * the defaults are the CLI's, and bad parameters get a 400 that says what to fix.
 */
import type { CostRecord } from '../../src/domain/cost-record';
import { decimalToNanos, nanosToDecimalString } from '../../src/domain/money';
import { API_ENV, apiGet } from '../support/api-client';
import { demoTotal } from '../support/oracles';
import { NOW, useE2E } from './harness';
import { cliJson as cliJsonAt } from '../support/cli-json';

const app = useE2E({ env: API_ENV });
const TODAY = NOW.slice(0, 10);
const get = (path: string) => apiGet(app().base, app().penny, `/api/v1${path}`);

const cliJson = (argv: string[]) => cliJsonAt(app().dbUri, argv);

describe('GET /anomalies', () => {
  it.each([
    ['?from=2024-09-01&to=2024-10-01&asOf=2024-10-02', ['anomalies', '--from', '2024-09-01', '--to', '2024-10-01', '--as-of', '2024-10-02']],
    ['?period=last%20month&asOf=2024-10-02', ['anomalies', 'last', 'month', '--as-of', '2024-10-02']],
    ['?asOf=2024-09-28', ['anomalies', '--as-of', '2024-09-28']],
  ])('%s is exactly penny %j', async (query, argv) => {
    const api = await get(`/anomalies${query}`);
    expect(api.status).toBe(200);
    expect(api.json).toEqual(await cliJson(argv));
  });

  it('finds October 1, when the demo clouds join the FOCUS sample: its actual is the demo day\'s usage, exactly', async () => {
    const { json } = await get('/anomalies?from=2024-09-01&to=2024-10-01&asOf=2024-10-02');
    expect(json).toMatchObject({ from: '2024-09-01', to: '2024-10-01' });
    const total = json.anomalies.find((a: { scope: object }) => Object.keys(a.scope).length === 0);
    expect(total).toMatchObject({ day: '2024-10-01', currency: 'USD', status: 'open' });
    // Anomalies are judged on usage only: the demo generator's own October 1 usage records.
    const usage = await demoTotal(TODAY, { start: '2024-10-01', end: TODAY }, (r) => (r as CostRecord).chargeCategory === 'usage');
    expect(total.actual).toBe(nanosToDecimalString(usage));
    expect(decimalToNanos(total.impact)).toBe(usage - decimalToNanos(total.expected)!);
  });

  it('defaults to the 30 days before today, as the CLI does', async () => {
    const { json } = await get('/anomalies');
    // Today is 2024-10-02: 30d is September 2 to October 1.
    expect(json).toMatchObject({ from: '2024-09-02', to: '2024-10-01' });
    expect(json).toEqual(await cliJson(['anomalies', '--as-of', '2024-10-02']));
  });

  it.each([
    ['from=2024-09-01', /"from" and "to" go together/],
    ['period=30d&from=2024-09-01&to=2024-09-30', /either "period" or "from" and "to"/],
    ['asOf=2024-02-30', /Query parameter "asOf" must be a date like 2024-09-01 \(YYYY-MM-DD\); got "2024-02-30"/],
    ['period=fortnight', /can't read the period "fortnight"/],
    ['groupBy=service', /Unknown query parameter "groupBy". This endpoint takes: from, to, period, asOf/],
  ])('%s → 400', async (query, message) => {
    const res = await get(`/anomalies?${query}`);
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(message);
  });
});

describe('GET /recommendations', () => {
  it.each([
    ['?asOf=2024-10-02', ['recommend', '--as-of', '2024-10-02']],
    ['?asOf=2024-10-02&provider=aws&service=ec2', ['recommend', '--as-of', '2024-10-02', '--provider', 'aws', '--service', 'ec2']],
    ['?asOf=2024-10-02&all=true', ['recommend', '--as-of', '2024-10-02', '--all']],
  ])('%s is exactly penny %j', async (query, argv) => {
    const api = await get(`/recommendations${query}`);
    expect(api.status).toBe(200);
    expect(api.json).toEqual(await cliJson(argv));
  });

  it('lists the FOCUS sample\'s previous-generation instance, with an exact monthly saving', async () => {
    const { json } = await get('/recommendations');
    expect(json).toMatchObject({ as_of: '2024-10-02', currency: 'USD', total_monthly_saving: expect.stringMatching(/^\d+(\.\d+)?$/) });
    const m4 = json.recommendations.find((r: { title: string }) => r.title.includes('from m4.10xlarge to m6i.10xlarge'));
    // 2.00 an hour × 730 / 24 hours × 4%: the sample's one m4.10xlarge hour, as in the Slack test.
    expect(m4).toMatchObject({ kind: 'previous-generation', state: 'open', currency: 'USD', source: 'penny' });
    expect(m4.monthly_saving).toBe(nanosToDecimalString((2_000_000_000n * 730n * 4n + 1_200n) / 2_400n));
  });

  it.each([
    ['all=yes', /Query parameter "all" must be true or false; got "yes"/],
    ['asOf=soon', /Query parameter "asOf" must be a date/],
    ['tag=team=data', /Unknown query parameter "tag". This endpoint takes: asOf, all, provider, account, service, region/],
  ])('%s → 400', async (query, message) => {
    const res = await get(`/recommendations?${query}`);
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(message);
  });
});
