/**
 * A local BigQuery REST endpoint for the billing query: jobs.query (POST .../queries) and
 * jobs.getQueryResults (GET .../queries/JOB?pageToken=). It cannot run SQL, so it checks the
 * SQL is the billing query over the configured table with named @params and a partition filter,
 * then computes that query's answer from export-like rows: cost per row, credits nested.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sumText, type FakeCostRow } from './fake-cost-rows';
import { FaultBook, hold, send, startFake, type FakeRequest, type RunningFake } from './http-fake';

const COLUMNS = ['day', 'billing_account_id', 'project_id', 'project_name', 'service', 'region', 'currency', 'cost_type', 'cost', 'credits'];
const COST_TYPES: Record<FakeCostRow['category'], string> = { usage: 'regular', credit: 'regular', tax: 'tax', adjustment: 'adjustment', purchase: 'regular' };

interface Job {
  rows: string[][];
  from: string;
  to: string;
}

export class FakeBigQuery extends FaultBook {
  rows: FakeCostRow[] = [];
  readonly project = 'acme-billing';
  readonly table = 'acme-billing.billing_export.gcp_billing_export_v1_0123AB_4567CD_89EF01';
  readonly billingAccount = '0123AB-4567CD-89EF01';
  token = 'ya29.test-token';
  private readonly jobs = new Map<string, Job>();
  private running?: RunningFake;

  get url(): string {
    return this.running!.url;
  }

  async start(): Promise<this> {
    this.running = await startFake((req, body, res) => this.handle(req, body, res));
    return this;
  }

  close(): Promise<void> {
    return this.running?.close() ?? Promise.resolve();
  }

  private async handle(req: IncomingMessage, body: string, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const base = `/bigquery/v2/projects/${this.project}/queries`;
    if (req.headers.authorization !== `Bearer ${this.token}`) return send(res, 401, authError());
    let job: Job;
    let offset = 0;
    let jobId: string;
    let info: FakeRequest;
    if (req.method === 'POST' && url.pathname === base) {
      const input = JSON.parse(body) as { query: string; parameterMode?: string; queryParameters?: { name: string; parameterType: { type: string }; parameterValue: { value: string } }[]; useLegacySql?: boolean };
      const params = Object.fromEntries((input.queryParameters ?? []).filter((p) => p.parameterType.type === 'DATE').map((p) => [p.name, p.parameterValue.value]));
      const problem = this.checkQuery(input.query, input.parameterMode, input.useLegacySql, params);
      if (problem) return send(res, 400, { error: { code: 400, message: problem, errors: [{ reason: 'invalidQuery', message: problem }], status: 'INVALID_ARGUMENT' } });
      jobId = `job_${randomUUID().replace(/-/g, '')}`;
      job = { rows: this.answer(params.start_day!, params.end_day!), from: params.start_day!, to: params.end_day! };
      info = { from: job.from, to: job.to, page: 1, kind: 'billing query' };
    } else if (req.method === 'GET' && url.pathname.startsWith(`${base}/`)) {
      jobId = decodeURIComponent(url.pathname.slice(base.length + 1));
      const found = this.jobs.get(jobId);
      if (!found) return send(res, 404, { error: { code: 404, message: `Not found: Job ${jobId}`, errors: [{ reason: 'notFound' }], status: 'NOT_FOUND' } });
      job = found;
      offset = Number(url.searchParams.get('pageToken') ?? '0');
      info = { from: job.from, to: job.to, page: Math.floor(offset / this.pageSize) + 1, kind: 'billing query' };
    } else {
      return send(res, 404, { error: { code: 404, message: `no route ${req.method} ${url.pathname}` } });
    }
    const fault = this.take(info);
    if (fault === 'throttle') return send(res, 429, { error: { code: 429, message: 'Exceeded rate limits: too many api requests per user per method for this user_method.', errors: [{ domain: 'usageLimits', reason: 'rateLimitExceeded' }], status: 'RESOURCE_EXHAUSTED' } });
    if (fault === 'server-error') return send(res, 500, { error: { code: 500, message: 'An internal error occurred and the request could not be completed.', errors: [{ reason: 'backendError' }], status: 'INTERNAL' } });
    if (fault === 'expired-credential') return send(res, 401, authError());
    if (fault === 'timeout') return hold(res, this.timeoutDelayMs);
    if (fault === 'malformed') return send(res, 200, '{"kind": "bigquery#queryResponse", "rows": [{"f": [');
    this.jobs.set(jobId, job);
    const rows = job.rows.slice(offset, offset + this.pageSize);
    const next = offset + this.pageSize < job.rows.length ? String(offset + this.pageSize) : undefined;
    send(res, 200, {
      kind: offset === 0 && req.method === 'POST' ? 'bigquery#queryResponse' : 'bigquery#getQueryResultsResponse',
      jobReference: { projectId: this.project, jobId, location: 'US' },
      jobComplete: true,
      schema: { fields: COLUMNS.map((name) => ({ name, type: 'STRING', mode: 'NULLABLE' })) },
      totalRows: String(job.rows.length),
      rows: rows.map((r) => ({ f: r.map((v) => ({ v })) })),
      ...(next ? { pageToken: next } : {}),
    });
  }

  /** The SQL must be the billing query: the configured table, @params only, a partition filter. */
  private checkQuery(sql: string, mode: string | undefined, legacy: boolean | undefined, params: Record<string, string>): string | undefined {
    if (legacy !== false || mode !== 'NAMED') return 'expected standard SQL with named parameters';
    if (!sql.includes(`\`${this.table}\``)) return 'the query does not read the billing export table';
    if (!/_PARTITIONTIME\s*>=/.test(sql)) return 'the query has no partition filter';
    if (!sql.includes('@start_day') || !sql.includes('@end_day') || !params.start_day || !params.end_day) return 'the query needs @start_day and @end_day DATE parameters';
    if (/'\d{4}-\d{2}-\d{2}'/.test(sql)) return 'days belong in parameters, not in the SQL text';
    return undefined;
  }

  /** What the billing query returns: grouped, cost and credits summed exactly, ordered by day. */
  private answer(start: string, end: string): string[][] {
    const groups = new Map<string, { key: string[]; costs: string[]; credits: string[] }>();
    for (const r of this.rows) {
      if (r.day < start || r.day >= end) continue;
      const key = [r.day, this.billingAccount, r.account, r.accountName, r.service, r.region, r.currency, COST_TYPES[r.category]];
      const id = key.filter((_, i) => i !== 3).join('|');
      const g = groups.get(id) ?? groups.set(id, { key, costs: [], credits: [] }).get(id)!;
      // A credit is nested in an export row whose own cost is zero.
      if (r.category === 'credit') g.credits.push(r.billed);
      else g.costs.push(r.billed);
    }
    return [...groups.values()]
      .map((g) => [...g.key, sumText(g.costs.length ? g.costs : ['0']), sumText(g.credits.length ? g.credits : ['0'])])
      .sort((a, b) => a.join('|').localeCompare(b.join('|')));
  }
}

function authError() {
  return {
    error: {
      code: 401,
      message: 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
      errors: [{ message: 'Invalid Credentials', domain: 'global', reason: 'authError', location: 'Authorization', locationType: 'header' }],
      status: 'UNAUTHENTICATED',
    },
  };
}
