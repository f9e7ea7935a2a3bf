/**
 * AWS costs from Cost Explorer's GetCostAndUsage, daily, with the real SDK client injected.
 * The queries and why they are split as they are: aws-queries.ts. Amounts are parsed exactly
 * from Cost Explorer's decimal strings; UnblendedCost is billed, AmortizedCost effective.
 */
import { GetCostAndUsageCommand, type CostExplorerClient, type GetCostAndUsageCommandOutput } from '@aws-sdk/client-cost-explorer';
import type { CostDimensions, CostRecord } from '../../domain/cost-record';
import { daysIn, type DateRange, type Day } from '../../domain/days';
import { decimalToNanos, type Nanos } from '../../domain/money';
import type { Clock } from '../../ports/clock';
import { plainSyncContext, type SourceBatch, type SyncableSource, type SyncContext } from '../../ports/cost-source';
import { RecordSums } from '../shared/record-sums';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from '../shared/retry';
import { classifyAwsError } from './aws-errors';
import { CE_METRICS, CE_QUERIES, type CeQuery } from './aws-queries';
import { categoryOfRecordType } from './aws-record-types';
import { awsRegionName, NO_REGION } from './aws-regions';

const API = 'AWS Cost Explorer';

export interface AwsSourceOptions {
  clock: Clock;
  retry?: RetryPolicy;
  /** Days per sync call; one page chain per query covers them all. */
  maxRangeDays?: number;
}

/** One group of one query on one day, as Cost Explorer sent it. */
interface Group {
  day: Day;
  keys: string[];
  billed: Nanos;
  effective: Nanos;
  currency: string;
}

export class AwsCostSource implements SyncableSource {
  readonly id = 'aws';
  readonly maxRangeDays: number;

  constructor(private readonly client: CostExplorerClient, private readonly options: AwsSourceOptions) {
    this.maxRangeDays = options.maxRangeDays ?? 31;
  }

  async *fetch(range: DateRange): AsyncIterable<CostRecord[]> {
    for await (const batch of this.sync(range, plainSyncContext)) yield batch.records;
  }

  async *sync(range: DateRange, ctx: SyncContext): AsyncIterable<SourceBatch> {
    if (range.start >= range.end) return;
    const days = new Set(daysIn(range));
    const estimated = new Set<Day>();
    const accountNames = new Map<string, string>();
    const sums = new RecordSums();
    for (const query of CE_QUERIES) {
      const groups = await this.runQuery(query, range, ctx, (page) => {
        for (const r of page.ResultsByTime ?? []) if (r.Estimated && r.TimePeriod?.Start) estimated.add(r.TimePeriod.Start);
        for (const a of page.DimensionValueAttributes ?? []) if (a.Value && a.Attributes?.description) accountNames.set(a.Value, a.Attributes.description);
      });
      if (query.kind === 'main') addMain(sums, query, groups, accountNames);
      else addRegions(sums, groups);
    }
    const records = sums.records(days, this.options.clock.now());
    yield { days: [...days].map((day) => ({ day, final: !estimated.has(day) })), records };
  }

  /** One query's whole page chain. A group seen twice (pages may repeat a day) counts once. */
  private async runQuery(query: CeQuery, range: DateRange, ctx: SyncContext, onPage: (page: GetCostAndUsageCommandOutput) => void): Promise<Group[]> {
    const groups = new Map<string, Group>();
    let token: string | undefined;
    do {
      const request = new GetCostAndUsageCommand({
        TimePeriod: { Start: range.start, End: range.end }, // End is exclusive, as our ranges are
        Granularity: 'DAILY',
        Metrics: [...CE_METRICS],
        GroupBy: query.groupBy,
        Filter: query.filter,
        NextPageToken: token,
      });
      // Parsed inside the retry: a garbled page is retried like any other transient fault.
      const { page, parsed } = await withRetry(ctx, API, classifyAwsError, async () => {
        const answer = await this.client.send(request);
        return { page: answer, parsed: pageGroups(answer) };
      }, this.options.retry ?? DEFAULT_RETRY);
      onPage(page);
      for (const g of parsed) groups.set(`${g.day}\u001f${g.keys.join('\u001f')}\u001f${g.currency}`, g);
      token = page.NextPageToken || undefined;
    } while (token);
    return [...groups.values()];
  }
}

const base = (currency: string): CostDimensions => ({
  source: 'aws', provider: 'aws', providerName: 'AWS', billingAccountId: '', billingAccountName: '', subAccountId: '', subAccountName: '',
  service: '', serviceCategory: '', regionId: '', regionName: '', chargeCategory: 'usage', resourceId: '', currency, tags: {},
});

function addMain(sums: RecordSums, query: CeQuery, groups: Group[], names: Map<string, string>): void {
  for (const g of groups) {
    const [account = '', service = ''] = g.keys;
    sums.add({ ...base(g.currency), subAccountId: account, subAccountName: names.get(account) ?? '', service, chargeCategory: query.category! }, g.day, g.billed, g.effective);
  }
}

/** Region records, and per (day, category, currency) a balance of minus their sum. */
function addRegions(sums: RecordSums, groups: Group[]): void {
  for (const g of groups) {
    const [region = '', recordType = ''] = g.keys;
    if (region === NO_REGION || region === '') continue; // stays in the main records' "(none)"
    const chargeCategory = categoryOfRecordType(recordType);
    sums.add({ ...base(g.currency), regionId: region, regionName: awsRegionName(region), chargeCategory }, g.day, g.billed, g.effective);
    sums.add({ ...base(g.currency), chargeCategory }, g.day, -g.billed, -g.effective);
  }
}

/** Groups of a page, amounts parsed exactly; anything unreadable makes the page malformed. */
function pageGroups(page: GetCostAndUsageCommandOutput): Group[] {
  if (!Array.isArray(page.ResultsByTime)) throw malformed('the response has no ResultsByTime');
  const out: Group[] = [];
  for (const result of page.ResultsByTime) {
    const day = result.TimePeriod?.Start ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw malformed('a result has no day');
    for (const group of result.Groups ?? []) {
      const billed = group.Metrics?.UnblendedCost;
      const effective = group.Metrics?.AmortizedCost;
      const b = decimalToNanos(billed?.Amount ?? '');
      const e = decimalToNanos(effective?.Amount ?? '');
      if (b === undefined || e === undefined || !billed?.Unit) throw malformed(`a group on ${day} has no readable amount`);
      out.push({ day, keys: group.Keys ?? [], billed: b, effective: e, currency: billed.Unit });
    }
  }
  return out;
}

function malformed(detail: string): Error {
  return Object.assign(new Error(`Cost Explorer response is malformed: ${detail}`), { name: 'SyntaxError' });
}
