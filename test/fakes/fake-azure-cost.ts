/**
 * A local Azure over HTTPS (a test CA): the Entra ID token endpoint and its OpenID
 * configuration for DefaultAzureCredential, and the Cost Management Query API
 * (POST {scope}/providers/Microsoft.CostManagement/query) with daily rows, up to two
 * groupings, a ChargeType filter, pages chained by nextLink (the same body re-POSTed), and
 * costs written as bare JSON numbers, as Azure writes them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { addDaysText, sumText, type FakeCostRow } from './fake-cost-rows';
import { FaultBook, hold, send, startFake, type RunningFake } from './http-fake';
import { testTls } from './test-tls';

const CHARGE_TYPES: Record<FakeCostRow['category'], string> = { usage: 'Usage', purchase: 'Purchase', credit: 'Refund', tax: 'Tax', adjustment: 'Adjustment' };
const DIMENSIONS: Record<string, (r: FakeCostRow) => string> = { ServiceName: (r) => r.service, ResourceLocation: (r) => r.region, ChargeType: (r) => CHARGE_TYPES[r.category] };
const API_VERSION = '2022-10-01';

interface QueryBody {
  type: 'ActualCost' | 'AmortizedCost';
  timeframe: string;
  timePeriod: { from: string; to: string };
  dataset: { granularity: string; grouping?: { type: string; name: string }[]; filter?: { dimensions?: { name: string; operator: string; values: string[] } } };
}

export class FakeAzureCost extends FaultBook {
  rows: FakeCostRow[] = [];
  readonly tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
  readonly clientId = '00000000-1111-2222-3333-444444444444';
  readonly clientSecret = 'test-secret';
  /** Retry-After style headers a throttle answers with (seconds). */
  throttleHeaders: Record<string, string> = {
    'x-ms-ratelimit-microsoft.costmanagement-qpu-retry-after': '3',
    'x-ms-ratelimit-microsoft.costmanagement-entity-retry-after': '7',
    'retry-after': '5',
  };
  tokensIssued = 0;
  /** Where nextLinks point (this fake unless a test says otherwise). */
  nextLinkBase?: string;
  private readonly token = 'eyJ0eXAiOiJKV1QifQ.test.token';
  private running?: RunningFake;

  get url(): string {
    return this.running!.url;
  }

  get ca(): string {
    return testTls().ca;
  }

  async start(): Promise<this> {
    const { key, cert } = testTls();
    this.running = await startFake((req, body, res) => this.handle(req, body, res), { key, cert });
    return this;
  }

  close(): Promise<void> {
    return this.running?.close() ?? Promise.resolve();
  }

  private async handle(req: IncomingMessage, body: string, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    if (url.pathname === `/${this.tenant}/v2.0/.well-known/openid-configuration`) return send(res, 200, this.openIdConfiguration());
    if (req.method === 'POST' && url.pathname === `/${this.tenant}/oauth2/v2.0/token`) return this.issueToken(body, res);
    const m = /^\/(subscriptions\/[^/]+)\/providers\/Microsoft\.CostManagement\/query$/.exec(url.pathname);
    if (req.method !== 'POST' || !m || url.searchParams.get('api-version') !== API_VERSION) return send(res, 404, { error: { code: 'NotFound', message: `${req.method} ${url.pathname}` } });
    if (req.headers.authorization !== `Bearer ${this.token}`) return send(res, 401, { error: { code: 'AuthenticationFailed', message: 'Authentication failed.' } });
    const scope = m[1]!;
    const query = JSON.parse(body) as QueryBody;
    const grouping = (query.dataset.grouping ?? []).map((g) => g.name);
    if (grouping.length > 2 || grouping.some((g) => !(g in DIMENSIONS)) || query.dataset.granularity !== 'Daily' || query.timeframe !== 'Custom') {
      return send(res, 400, { error: { code: 'BadRequest', message: 'Invalid query definition.' } });
    }
    const from = query.timePeriod.from.slice(0, 10);
    const to = addDaysText(query.timePeriod.to.slice(0, 10), 1);
    const offset = Number(url.searchParams.get('$skiptoken') ?? '0');
    const filter = query.dataset.filter?.dimensions;
    const fault = this.take({ from, to, page: Math.floor(offset / this.pageSize) + 1, kind: `${scope} ${query.type} ${grouping.join('+')} ${filter?.values.join(',') ?? ''}` });
    if (fault === 'throttle') return send(res, 429, { error: { code: '429', message: 'Too many requests. Please retry.' } }, this.throttleHeaders);
    if (fault === 'server-error') return send(res, 500, { error: { code: 'InternalServerError', message: 'An internal error occurred.' } });
    if (fault === 'expired-credential') {
      return send(res, 401, { error: { code: 'ExpiredAuthenticationToken', message: "The access token expiry UTC time '10/20/2024 05:00:00' is earlier than current UTC time '10/20/2024 06:00:00'." } });
    }
    if (fault === 'timeout') return hold(res, this.timeoutDelayMs);
    if (fault === 'malformed') return send(res, 200, '{"properties": {"columns": [{"name": "Cost", "type": "Number"}], "rows": [[12.5');

    const rows = this.answer(scope, query, grouping, from, to);
    const page = rows.slice(offset, offset + this.pageSize);
    const next = offset + this.pageSize < rows.length ? `${this.nextLinkBase ?? this.url}/${scope}/providers/Microsoft.CostManagement/query?api-version=${API_VERSION}&$skiptoken=${offset + this.pageSize}` : null;
    const columns = [{ name: 'Cost', type: 'Number' }, { name: 'UsageDate', type: 'Number' }, ...grouping.map((name) => ({ name, type: 'String' })), { name: 'Currency', type: 'String' }];
    // Built by hand: costs must go out as the bare decimal numbers Azure writes, not via JSON.stringify.
    const rowText = page.map((r) => `[${r.cost},${r.date},${r.keys.map((k) => JSON.stringify(k)).join(',')}${r.keys.length ? ',' : ''}${JSON.stringify(r.currency)}]`).join(',');
    const text = `{"id":"${scope}/providers/Microsoft.CostManagement/query/q1","name":"q1","type":"Microsoft.CostManagement/query","location":null,"sku":null,"eTag":null,"tags":null,`
      + `"properties":{"nextLink":${JSON.stringify(next)},"columns":${JSON.stringify(columns)},"rows":[${rowText}]}}`;
    send(res, 200, text);
  }

  private answer(scope: string, query: QueryBody, grouping: string[], from: string, to: string) {
    const filter = query.dataset.filter?.dimensions;
    const sums = new Map<string, { date: string; keys: string[]; currency: string; amounts: string[] }>();
    for (const r of this.rows) {
      if (`subscriptions/${r.account}` !== scope || r.day < from || r.day >= to) continue;
      if (filter && !filter.values.includes(DIMENSIONS[filter.name]!(r))) continue;
      const keys = grouping.map((g) => DIMENSIONS[g]!(r));
      const id = `${r.day}|${keys.join('|')}|${r.currency}`;
      const g = sums.get(id) ?? sums.set(id, { date: r.day.replace(/-/g, ''), keys, currency: r.currency, amounts: [] }).get(id)!;
      g.amounts.push(query.type === 'ActualCost' ? r.billed : r.effective);
    }
    return [...sums.values()].sort((a, b) => (a.date + a.keys.join('|')).localeCompare(b.date + b.keys.join('|'))).map((g) => ({ ...g, cost: sumText(g.amounts) }));
  }

  private issueToken(body: string, res: ServerResponse): void {
    const form = new URLSearchParams(body);
    if (form.get('client_id') !== this.clientId || form.get('client_secret') !== this.clientSecret) {
      return send(res, 401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' });
    }
    this.tokensIssued += 1;
    send(res, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: this.token });
  }

  private openIdConfiguration() {
    const base = `${this.url}/${this.tenant}`;
    return {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      jwks_uri: `${base}/discovery/v2.0/keys`,
      issuer: `${base}/v2.0`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    };
  }
}
