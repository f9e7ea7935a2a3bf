/**
 * The cost store with its writes logged: after every write, the sources written and a new write
 * generation go to the WriteLog, so /healthz can tell the last sync per source and caches on any
 * instance can tell their answers are stale. Reads pass straight through.
 */
import type { CostRecord } from '../domain/cost-record';
import type { CostQuery, GroupRow } from '../domain/cost-query';
import type { Clock } from '../ports/clock';
import type { Day } from '../domain/days';
import type { CatalogDim, CostStore, DimensionValue, ReplaceResult, StoreCoverage, WriteOptions, WriteResult } from '../ports/cost-store';
import type { WriteLog } from '../ports/write-log';

type Input = readonly CostRecord[] | AsyncIterable<readonly CostRecord[]>;

export class TrackedCostStore implements CostStore {
  constructor(private readonly inner: CostStore, private readonly writes: WriteLog, private readonly clock: Clock) {}

  async writeRecords(input: Input, options: WriteOptions): Promise<WriteResult> {
    const counts = new Map<string, number>();
    const count = (batch: readonly CostRecord[]) => {
      for (const r of batch) counts.set(r.source, (counts.get(r.source) ?? 0) + 1);
    };
    let result: WriteResult;
    try {
      result = await this.inner.writeRecords(isAsync(input) ? counted(input, count) : (count(input), input), options);
    } catch (error) {
      // Part of it may have landed: caches must not keep serving the old numbers.
      if (counts.size > 0) await this.writes.costsWritten(counts, this.clock.now()).catch(() => undefined);
      throw error;
    }
    await this.writes.costsWritten(counts, this.clock.now());
    return result;
  }

  /** A sync's replacement changes its days even when it only removes records: always logged. */
  async replaceSourceDays(source: string, days: readonly Day[], records: readonly CostRecord[], options: WriteOptions): Promise<ReplaceResult> {
    try {
      return await this.inner.replaceSourceDays(source, days, records, options);
    } finally {
      await this.writes.costsWritten(new Map([[source, records.length]]), this.clock.now());
    }
  }

  /** A repair rebuilds rollups to what the records already say: no number changes. */
  repairRollups(): Promise<string[]> {
    return this.inner.repairRollups();
  }

  groupCosts(query: CostQuery): Promise<GroupRow[]> {
    return this.inner.groupCosts(query);
  }

  dimensionValues(dim: CatalogDim): Promise<DimensionValue[]> {
    return this.inner.dimensionValues(dim);
  }

  coverage(): Promise<StoreCoverage> {
    return this.inner.coverage();
  }
}

function isAsync(input: Input): input is AsyncIterable<readonly CostRecord[]> {
  return Symbol.asyncIterator in input;
}

async function* counted(input: AsyncIterable<readonly CostRecord[]>, count: (batch: readonly CostRecord[]) => void): AsyncIterable<readonly CostRecord[]> {
  for await (const batch of input) {
    count(batch);
    yield batch;
  }
}
