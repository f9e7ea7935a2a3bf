/**
 * An in-memory SyncableSource over provider-neutral rows: each "request" returns a page of
 * rows, faults are injected like the HTTP fakes do, and retries go through the same policy.
 * It is the reference the cloud adapters are held to by the CostSource contract.
 */
import { naturalKey, type CostDimensions, type CostRecord } from '../../src/domain/cost-record';
import { daysIn, monthOf, type DateRange } from '../../src/domain/days';
import { decimalToNanos } from '../../src/domain/money';
import { plainSyncContext, type SourceBatch, type SyncableSource, type SyncContext } from '../../src/ports/cost-source';
import { withRetry, type Fault, type RetryPolicy } from '../../src/sources/shared/retry';
import type { FakeCostRow } from './fake-cost-rows';
import { FaultBook, type FaultKind } from './http-fake';

const FAULTS: Record<FaultKind, Fault> = {
  throttle: { code: 'SOURCE_THROTTLED', retryable: true, what: 'throttled the request (HTTP 429)' },
  'server-error': { code: 'SOURCE_UNAVAILABLE', retryable: true, what: 'failed on its side (HTTP 500)' },
  timeout: { code: 'SOURCE_TIMEOUT', retryable: true, what: 'did not answer in time (request timed out)' },
  malformed: { code: 'SOURCE_BAD_RESPONSE', retryable: true, what: 'sent a response that is not valid JSON' },
  'expired-credential': { code: 'SOURCE_AUTH', retryable: false, what: 'refused the credentials: the token has expired' },
};

class InjectedFault extends Error {
  constructor(readonly kind: FaultKind) {
    super(kind);
  }
}

export class FakeCostSource extends FaultBook implements SyncableSource {
  readonly id = 'fake';
  readonly maxRangeDays = 31;
  rows: FakeCostRow[] = [];

  constructor(private readonly retry?: RetryPolicy) {
    super();
  }

  async *fetch(range: DateRange): AsyncIterable<CostRecord[]> {
    for await (const batch of this.sync(range, plainSyncContext)) yield batch.records;
  }

  async *sync(range: DateRange, ctx: SyncContext): AsyncIterable<SourceBatch> {
    const wanted = this.rows.filter((r) => r.day >= range.start && r.day < range.end);
    const records = new Map<string, CostRecord>();
    for (let offset = 0, page = 1; offset === 0 || offset < wanted.length; offset += this.pageSize, page++) {
      const rows = await withRetry(ctx, 'The fake source', (e) => FAULTS[(e as InjectedFault).kind], async () => {
        const fault = this.take({ from: range.start, to: range.end, page, kind: 'rows' });
        if (fault) throw new InjectedFault(fault);
        return wanted.slice(offset, offset + this.pageSize);
      }, this.retry);
      for (const row of rows) add(records, row);
    }
    yield { days: [...daysIn(range)].map((day) => ({ day, final: true })), records: [...records.values()] };
  }
}

function add(records: Map<string, CostRecord>, row: FakeCostRow): void {
  const dims: CostDimensions = {
    source: 'fake', provider: 'fake', providerName: 'Fake', billingAccountId: '', billingAccountName: '', subAccountId: row.account, subAccountName: row.accountName,
    service: row.service, serviceCategory: '', regionId: row.region, regionName: row.region, chargeCategory: row.category, resourceId: '', currency: row.currency, tags: {},
  };
  const id = naturalKey(dims, row.day);
  const seen = records.get(id);
  const billed = decimalToNanos(row.billed)!;
  const effective = decimalToNanos(row.effective)!;
  if (seen) {
    seen.billed += billed;
    seen.effective += effective;
    seen.list += billed;
  } else {
    records.set(id, { ...dims, id, day: row.day, month: monthOf(row.day), billed, effective, list: billed, ingestedAt: new Date(0) });
  }
}
