/**
 * Google Cloud costs from the Cloud Billing export in BigQuery, through the real SDK client:
 * one parameterized query (gcp-query.ts) via jobs.query, pages via pageToken. The client's own
 * request method is used (not `query()`) so that each page is one counted, retried request and
 * a garbled answer is caught rather than polled forever.
 */
import { randomUUID } from 'node:crypto';
import type { BigQuery } from '@google-cloud/bigquery';
import type { ChargeCategory, CostDimensions, CostRecord } from '../../domain/cost-record';
import { daysIn, fromDate, isDay, type DateRange } from '../../domain/days';
import { decimalToNanos } from '../../domain/money';
import { isClosedDay } from '../../domain/sync-window';
import type { Clock } from '../../ports/clock';
import { plainSyncContext, type SourceBatch, type SyncableSource, type SyncContext } from '../../ports/cost-source';
import { RecordSums } from '../shared/record-sums';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from '../shared/retry';
import { classifyGcpError } from './gcp-errors';
import { billingQuery, GCP_COLUMNS, queryParameters, type GcpColumn } from './gcp-query';

const API = 'BigQuery';

export interface GcpSourceOptions {
  /** project.dataset.table of the billing export, from validated config. */
  table: string;
  clock: Clock;
  retry?: RetryPolicy;
  pageRows?: number;
  requestTimeoutMs?: number;
  maxRangeDays?: number;
}

interface QueryPage {
  jobReference?: { projectId?: string; jobId?: string; location?: string };
  jobComplete?: boolean;
  schema?: { fields?: { name?: string }[] };
  rows?: { f?: { v?: unknown }[] }[];
  pageToken?: string;
  /** Rows read and checked (filled in by `checked`). */
  parsed: GcpRow[];
}

type GcpRow = Record<GcpColumn, string> & { costNanos: bigint; creditNanos: bigint };

const COST_TYPES: Record<string, ChargeCategory> = { regular: 'usage', tax: 'tax', adjustment: 'adjustment', rounding_error: 'adjustment' };

export class GcpCostSource implements SyncableSource {
  readonly id = 'gcp';
  readonly maxRangeDays: number;

  constructor(private readonly bigquery: BigQuery, private readonly options: GcpSourceOptions) {
    this.maxRangeDays = options.maxRangeDays ?? 31;
  }

  async *fetch(range: DateRange): AsyncIterable<CostRecord[]> {
    for await (const batch of this.sync(range, plainSyncContext)) yield batch.records;
  }

  async *sync(range: DateRange, ctx: SyncContext): AsyncIterable<SourceBatch> {
    if (range.start >= range.end) return;
    const sums = new RecordSums();
    const call = (opts: Record<string, unknown>) => withRetry(ctx, API, classifyGcpError, () => this.request(opts), this.options.retry ?? DEFAULT_RETRY);
    let page = await call({
      method: 'POST',
      uri: '/queries',
      json: {
        query: billingQuery(this.options.table), useLegacySql: false, parameterMode: 'NAMED', queryParameters: queryParameters(range),
        maxResults: this.options.pageRows ?? 10_000, timeoutMs: 60_000, requestId: randomUUID(), formatOptions: { useInt64Timestamp: true },
      },
    });
    const job = page.jobReference!;
    for (;;) {
      if (page.jobComplete) addRows(sums, page.parsed);
      if (page.jobComplete && !page.pageToken) break;
      page = await call({ uri: `/queries/${encodeURIComponent(job.jobId!)}`, qs: { pageToken: page.pageToken, maxResults: this.options.pageRows ?? 10_000, location: job.location, timeoutMs: 60_000 } });
    }
    const today = fromDate(this.options.clock.now());
    const days = [...daysIn(range)];
    yield { days: days.map((day) => ({ day, final: isClosedDay(day, today) })), records: sums.records(new Set(days), this.options.clock.now()) };
  }

  /** One REST call through the SDK (auth, endpoint, project path); the answer's shape is checked. */
  private request(opts: Record<string, unknown>): Promise<QueryPage> {
    return new Promise((resolve, reject) => {
      this.bigquery.request({ ...opts, timeout: this.options.requestTimeoutMs ?? 60_000 } as never, (err: unknown, body: unknown) => {
        if (err) return reject(err);
        try {
          resolve(checked(body));
        } catch (error) {
          reject(error);
        }
      });
    });
  }
}

/** The answer's shape and every row checked inside the retry: a garbled page is retried. */
function checked(body: unknown): QueryPage {
  const page = body as QueryPage;
  if (typeof body !== 'object' || body === null || !page.jobReference?.jobId) throw malformed('no job reference');
  page.parsed = [];
  if (!page.jobComplete) return page;
  const names = (page.schema?.fields ?? []).map((f) => f.name);
  if (GCP_COLUMNS.some((c, i) => names[i] !== c)) throw malformed('unexpected columns');
  for (const row of page.rows ?? []) {
    if (!Array.isArray(row.f) || row.f.length !== GCP_COLUMNS.length) throw malformed('a row of the wrong width');
    const v = Object.fromEntries(GCP_COLUMNS.map((c, i) => [c, String(row.f![i]?.v ?? '')])) as Record<GcpColumn, string>;
    const costNanos = decimalToNanos(v.cost || '0');
    const creditNanos = decimalToNanos(v.credits || '0');
    if (!isDay(v.day) || costNanos === undefined || creditNanos === undefined) throw malformed(`a row has no readable day or amount (${v.day})`);
    page.parsed.push({ ...v, costNanos, creditNanos });
  }
  return page;
}

function addRows(sums: RecordSums, rows: GcpRow[]): void {
  for (const v of rows) {
    const dims: CostDimensions = {
      source: 'gcp', provider: 'gcp', providerName: 'Google Cloud', billingAccountId: v.billing_account_id, billingAccountName: '',
      subAccountId: v.project_id, subAccountName: v.project_name, service: v.service, serviceCategory: '', regionId: v.region, regionName: v.region,
      chargeCategory: COST_TYPES[v.cost_type] ?? 'adjustment', resourceId: '', currency: v.currency, tags: {},
    };
    sums.add(dims, v.day, v.costNanos, v.costNanos);
    // Credits (committed use, sustained use, promotions) stay credit records, never netted into usage.
    if (v.creditNanos !== 0n) sums.add({ ...dims, chargeCategory: 'credit' }, v.day, v.creditNanos, v.creditNanos);
  }
}

function malformed(detail: string): Error {
  return Object.assign(new Error(`BigQuery answer is malformed: ${detail}`), { name: 'SyntaxError' });
}
