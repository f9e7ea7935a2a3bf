/**
 * Azure costs from the Cost Management Query API, with the real SDK client injected. Queries
 * and why: azure-query.ts. The SDK returns the first page and a nextLink it does not follow;
 * later pages are the same body POSTed to the nextLink through the client's own pipeline.
 */
import type { CostManagementClient, QueryDefinition } from '@azure/arm-costmanagement';
import { createHttpHeaders, createPipelineRequest } from '@azure/core-rest-pipeline';
import type { ChargeCategory, CostDimensions, CostRecord } from '../../domain/cost-record';
import { daysIn, fromDate, isDay, type DateRange, type Day } from '../../domain/days';
import { AppError } from '../../domain/errors';
import { decimalToNanos } from '../../domain/money';
import { isClosedDay } from '../../domain/sync-window';
import type { Clock } from '../../ports/clock';
import { plainSyncContext, type SourceBatch, type SyncableSource, type SyncContext } from '../../ports/cost-source';
import { RecordSums } from '../shared/record-sums';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from '../shared/retry';
import { classifyAzureError } from './azure-errors';
import { chargeTypesQuery, costsQuery, COST_TYPES } from './azure-query';

const API = 'Azure Cost Management';

export interface AzureSourceOptions {
  /** subscriptions/<id>, from validated config. */
  scopes: string[];
  /** The Resource Manager endpoint nextLinks must point at (tokens go nowhere else). */
  endpoint: string;
  clock: Clock;
  retry?: RetryPolicy;
  requestTimeoutMs?: number;
  maxRangeDays?: number;
}

interface Page {
  columns: { name: string }[];
  rows: unknown[][];
  nextLink?: string;
}

/** A row keyed by column name, its day and cost already read (inside the retry). */
type Row = Record<string, unknown> & { day: Day; cost: bigint };

const CHARGE_TYPES: Record<string, ChargeCategory> = {
  usage: 'usage', unusedreservation: 'usage', unusedsavingsplan: 'usage', purchase: 'purchase', refund: 'credit', tax: 'tax',
};

export class AzureCostSource implements SyncableSource {
  readonly id = 'azure';
  readonly maxRangeDays: number;

  constructor(private readonly client: CostManagementClient, private readonly options: AzureSourceOptions) {
    this.maxRangeDays = options.maxRangeDays ?? 31;
  }

  async *fetch(range: DateRange): AsyncIterable<CostRecord[]> {
    for await (const batch of this.sync(range, plainSyncContext)) yield batch.records;
  }

  async *sync(range: DateRange, ctx: SyncContext): AsyncIterable<SourceBatch> {
    if (range.start >= range.end) return;
    const sums = new RecordSums();
    for (const scope of this.options.scopes) {
      const subscription = scope.split('/')[1] ?? '';
      for (const type of COST_TYPES) {
        const chargeTypes = new Set<string>();
        for (const row of await this.allRows(scope, chargeTypesQuery(type, range), ctx)) chargeTypes.add(String(row.ChargeType ?? ''));
        for (const chargeType of [...chargeTypes].sort()) {
          for (const row of await this.allRows(scope, costsQuery(type, range, chargeType), ctx)) {
            const location = String(row.ResourceLocation ?? '').trim();
            const dims: CostDimensions = {
              source: 'azure', provider: 'azure', providerName: 'Microsoft', billingAccountId: '', billingAccountName: '', subAccountId: subscription, subAccountName: '',
              service: String(row.ServiceName ?? ''), serviceCategory: '', regionId: location.toLowerCase(), regionName: location,
              chargeCategory: CHARGE_TYPES[chargeType.toLowerCase()] ?? 'adjustment', resourceId: '', currency: String(row.Currency ?? ''), tags: {},
            };
            if (type === 'ActualCost') sums.add(dims, row.day, row.cost, 0n);
            else sums.add(dims, row.day, 0n, row.cost);
          }
        }
      }
    }
    const today = fromDate(this.options.clock.now());
    const days = [...daysIn(range)];
    yield { days: days.map((day) => ({ day, final: isClosedDay(day, today) })), records: sums.records(new Set(days), this.options.clock.now()) };
  }

  /** Every row of one query, following nextLink; rows come back keyed by column name. */
  private async allRows(scope: string, body: QueryDefinition, ctx: SyncContext): Promise<Row[]> {
    const out: Row[] = [];
    const timeout = this.options.requestTimeoutMs ?? 60_000;
    const run = (call: () => Promise<Page>) => withRetry(ctx, API, classifyAzureError, async () => withRows(await call()), this.options.retry ?? DEFAULT_RETRY);
    let page = await run(async () => checked(await this.client.query.usage(scope, body, { requestOptions: { timeout } })));
    for (;;) {
      out.push(...page.read);
      const next = page.nextLink;
      if (!next) return out;
      if (!next.startsWith(`${this.options.endpoint}/`)) {
        throw new AppError('SOURCE_BAD_RESPONSE', `${API} sent a nextLink to another host (${new URL(next).host}); it was not followed.`);
      }
      page = await run(() => this.postNext(next, body, timeout));
    }
  }

  private async postNext(url: string, body: QueryDefinition, timeout: number): Promise<Page> {
    const request = createPipelineRequest({ url, method: 'POST', body: JSON.stringify(body), headers: createHttpHeaders({ 'content-type': 'application/json' }), timeout });
    const response = await this.client.sendRequest(request);
    if (response.status !== 200) throw Object.assign(new Error(`HTTP ${response.status}`), { statusCode: response.status, response });
    let parsed: { properties?: Page };
    try {
      parsed = JSON.parse(response.bodyAsText ?? '') as { properties?: Page };
    } catch (error) {
      throw Object.assign(new Error('Azure answer is not valid JSON'), { code: 'PARSE_ERROR', cause: error });
    }
    return checked({ ...parsed.properties, nextLink: parsed.properties?.nextLink } as Page);
  }
}

function withRows(page: Page): Page & { read: Row[] } {
  const read = page.rows.map((r) => {
    const row = Object.fromEntries(page.columns.map((c, i) => [c.name, r[i]]));
    const cost = decimalToNanos(String(row.Cost ?? row.PreTaxCost ?? ''));
    const day = usageDay(row.UsageDate);
    if (cost === undefined || !day) throw malformed('a row has no readable day or cost');
    return { ...row, day, cost };
  });
  return { ...page, read };
}

function checked(page: { columns?: { name?: string }[]; rows?: unknown[][]; nextLink?: string }): Page {
  if (!Array.isArray(page.columns) || !Array.isArray(page.rows)) throw malformed('no columns or rows');
  if (page.rows.some((r) => !Array.isArray(r) || r.length !== page.columns!.length)) throw malformed('a row of the wrong width');
  return { columns: page.columns.map((c) => ({ name: String(c.name ?? '') })), rows: page.rows, nextLink: page.nextLink || undefined };
}

/** 20240901 (number or text) or "2024-09-01T00:00:00" -> "2024-09-01". */
function usageDay(value: unknown): Day | undefined {
  const text = String(value ?? '');
  const day = /^\d{8}$/.test(text) ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}` : text.slice(0, 10);
  return isDay(day) ? day : undefined;
}

function malformed(detail: string): Error {
  return Object.assign(new Error(`Azure answer is malformed: ${detail}`), { code: 'PARSE_ERROR' });
}
