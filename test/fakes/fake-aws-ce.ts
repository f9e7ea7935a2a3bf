/**
 * A local AWS Cost Explorer: GetCostAndUsage over awsJson1.1 (POST /, X-Amz-Target), daily
 * groups for up to two GroupBy dimensions, Filter expressions (Dimensions/And/Or/Not), and
 * pages of `pageSize` groups chained by NextPageToken. A day whose groups span two pages shows
 * up in both, as the real API does. Amounts are summed exactly from the rows' decimal text.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FakeAwsAdvice } from './fake-aws-advice';
import { addDaysText, sumText, type FakeCostRow } from './fake-cost-rows';
import { FaultBook, hold, send, startFake, type RunningFake } from './http-fake';

const RECORD_TYPES: Record<FakeCostRow['category'], string> = { usage: 'Usage', credit: 'Credit', tax: 'Tax', purchase: 'RIFee', adjustment: 'Refund' };
const DIMENSIONS = ['LINKED_ACCOUNT', 'SERVICE', 'REGION', 'RECORD_TYPE'] as const;
type Dim = (typeof DIMENSIONS)[number];

interface Expression {
  Dimensions?: { Key: string; Values: string[] };
  And?: Expression[];
  Or?: Expression[];
  Not?: Expression;
}

export class FakeAwsCostExplorer extends FaultBook {
  rows: FakeCostRow[] = [];
  /** Rows of one day made on demand (benchmarks: an org too big to hold); overrides `rows`. */
  rowsOfDay?: (day: string) => Iterable<FakeCostRow>;
  /** The last query's groups, so a page chain is summed once, not once per page. */
  private cached?: { key: string } & ReturnType<FakeAwsCostExplorer['groups']>;
  /** Days on or after this one are still estimated. */
  estimatedFrom = '9999-12-31';
  /** The access key id requests must be signed with. */
  accessKeyId = 'AKIDPENNYTEST';
  /** The recommendation APIs on the same endpoint (fake-aws-advice.ts). */
  readonly advice = new FakeAwsAdvice();
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
    const target = String(req.headers['x-amz-target'] ?? '');
    const advice = this.advice.isAdviceTarget(target);
    if (req.method !== 'POST' || (target !== 'AWSInsightsIndexService.GetCostAndUsage' && !advice)) return send(res, 400, { __type: 'UnknownOperationException', message: target });
    if (!String(req.headers.authorization ?? '').includes(`Credential=${this.accessKeyId}/`)) {
      return send(res, 403, { __type: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' });
    }
    if (advice) return this.advice.handle(target, body, this, res);
    const input = JSON.parse(body) as { TimePeriod: { Start: string; End: string }; Granularity: string; Metrics: string[]; GroupBy?: { Type: string; Key: string }[]; Filter?: Expression; NextPageToken?: string };
    const groupBy = (input.GroupBy ?? []).map((g) => g.Key as Dim);
    if (groupBy.length > 2) return send(res, 400, { __type: 'ValidationException', message: 'Group by can contain at most 2 groups' });
    if (input.Granularity !== 'DAILY' || groupBy.some((k) => !DIMENSIONS.includes(k))) return send(res, 400, { __type: 'ValidationException', message: 'unsupported request' });
    const offset = input.NextPageToken ? Number(Buffer.from(input.NextPageToken, 'base64url').toString().split(':')[1]) : 0;
    const fault = this.take({ from: input.TimePeriod.Start, to: input.TimePeriod.End, page: Math.floor(offset / this.pageSize) + 1, kind: `${groupBy.join('+')}${input.Filter ? ` ${JSON.stringify(input.Filter)}` : ''}` });
    if (fault === 'throttle') return send(res, 429, { __type: 'ThrottlingException', message: 'Rate exceeded' }, { 'x-amzn-errortype': 'ThrottlingException' });
    if (fault === 'server-error') return send(res, 500, { __type: 'InternalServerError', message: 'We encountered an internal error. Please try again.' });
    if (fault === 'expired-credential') return send(res, 403, { __type: 'ExpiredTokenException', message: 'The security token included in the request is expired' }, { 'x-amzn-errortype': 'ExpiredTokenException' });
    if (fault === 'timeout') return hold(res, this.timeoutDelayMs);
    if (fault === 'malformed') return send(res, 200, '{"ResultsByTime": [{"TimePeriod": {"Start": "');

    const key = JSON.stringify([input.TimePeriod, groupBy, input.Filter, input.Metrics, this.rows.length]);
    if (offset === 0 || this.cached?.key !== key) this.cached = { key, ...this.groups(input.TimePeriod.Start, input.TimePeriod.End, groupBy, input.Filter, input.Metrics) };
    const { groups, names: accounts } = this.cached;
    const page = groups.slice(offset, offset + this.pageSize);
    const next = offset + this.pageSize < groups.length ? Buffer.from(`p:${offset + this.pageSize}`).toString('base64url') : undefined;
    const days = new Map<string, unknown[]>();
    if (offset === 0) for (let d = input.TimePeriod.Start; d < input.TimePeriod.End; d = addDaysText(d, 1)) days.set(d, []);
    for (const g of page) (days.get(g.day) ?? days.set(g.day, []).get(g.day)!).push({ Keys: g.keys, Metrics: g.metrics });
    const seen = new Set(page.flatMap((g) => (groupBy[0] === 'LINKED_ACCOUNT' ? [g.keys[0]!] : [])));
    send(res, 200, {
      ...(next ? { NextPageToken: next } : {}),
      GroupDefinitions: (input.GroupBy ?? []).map((g) => ({ Type: g.Type, Key: g.Key })),
      ResultsByTime: [...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, list]) => ({
        TimePeriod: { Start: day, End: addDaysText(day, 1) },
        Total: {},
        Groups: list,
        Estimated: day >= this.estimatedFrom,
      })),
      DimensionValueAttributes: [...seen].map((id) => ({ Value: id, Attributes: { description: accounts.get(id) ?? '' } })),
    });
  }

  private *rowsBetween(start: string, end: string): Iterable<FakeCostRow> {
    if (!this.rowsOfDay) return yield* this.rows;
    for (let day = start; day < end; day = addDaysText(day, 1)) yield* this.rowsOfDay(day);
  }

  private groups(start: string, end: string, groupBy: Dim[], filter: Expression | undefined, metrics: string[]) {
    const sums = new Map<string, { day: string; keys: string[]; billed: string[]; effective: string[]; unit: string }>();
    const names = new Map<string, string>();
    for (const row of this.rowsBetween(start, end)) {
      if (row.day < start || row.day >= end) continue;
      names.set(row.account, row.accountName);
      const values = dimValues(row);
      if (filter && !matches(filter, values)) continue;
      const keys = groupBy.map((k) => values[k]);
      const id = `${row.day}|${keys.join('|')}|${row.currency}`;
      const g = sums.get(id) ?? sums.set(id, { day: row.day, keys, billed: [], effective: [], unit: row.currency }).get(id)!;
      g.billed.push(row.billed);
      g.effective.push(row.effective);
    }
    const groups = [...sums.values()]
      .sort((a, b) => a.day.localeCompare(b.day) || a.keys.join('|').localeCompare(b.keys.join('|')))
      .map((g) => ({
        day: g.day,
        keys: g.keys,
        metrics: Object.fromEntries(metrics.map((m) => [m, { Amount: sumText(m === 'AmortizedCost' ? g.effective : g.billed), Unit: g.unit }])),
      }));
    return { groups, names };
  }
}

function dimValues(row: FakeCostRow): Record<Dim, string> {
  return { LINKED_ACCOUNT: row.account, SERVICE: row.service, REGION: row.region || 'NoRegion', RECORD_TYPE: RECORD_TYPES[row.category] };
}

function matches(e: Expression, v: Record<Dim, string>): boolean {
  if (e.Dimensions) return e.Dimensions.Values.includes(v[e.Dimensions.Key as Dim]);
  if (e.And) return e.And.every((x) => matches(x, v));
  if (e.Or) return e.Or.some((x) => matches(x, v));
  if (e.Not) return !matches(e.Not, v);
  throw new Error('empty filter expression');
}
