/**
 * The recommendation scan over the store P2 fills (>= 1M daily records at full size): read the
 * lookback window's records, the year-old purchases and the services' last two months, run every
 * rule, merge and rank — what `/cost recommend` does when its cached list is stale.
 */
import { DEFAULT_ADVICE_SETTINGS } from '../src/domain/advice/advice-settings';
import { mergeAndRank } from '../src/domain/advice/ranking';
import { runRules } from '../src/domain/advice/rules';
import { addDays } from '../src/domain/days';
import { fixedClock } from '../src/ports/clock';
import { loadAdviceData } from '../src/services/advice/load-advice-data';
import { RecommendationService } from '../src/services/advice/recommendation-service';
import { connectMongo } from '../src/store/connection';
import { MongoCostStore } from '../src/store/mongo-cost-store';
import { MongoMetaStore } from '../src/store/mongo-meta-store';
import { MongoRecommendationMarks } from '../src/store/recommendation-marks';
import { partitionCollection } from '../src/store/partitions';
import { dbUri, percentile, timeRuns } from './bench-server';

export interface RecommendResult {
  asOf: string;
  storeRecords: number;
  windowRecords: number;
  resources: number;
  recommendations: number;
  byKind: Record<string, number>;
  scan: { p50: number; max: number; runs: number };
  /** `/cost recommend` once the day's list is computed (what the daily job leaves behind). */
  cachedList: { p50: number; max: number; runs: number };
}

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

export async function runRecommend(baseUri: string, runs = 5): Promise<RecommendResult> {
  const conn = await connectMongo(dbUri(baseUri, 'bench_store'));
  try {
    const store = new MongoCostStore(conn, { logger: silent });
    const coverage = await store.coverage();
    if (!coverage.lastDay) throw new Error('recommend: the store is empty; run P2 first (--only p2,recommend)');
    const asOf = addDays(coverage.lastDay, 1);
    const settings = DEFAULT_ADVICE_SETTINGS;
    const scan = async () => {
      const data = await loadAdviceData({ store, scanner: store }, asOf, settings);
      return { data, recs: mergeAndRank(runRules(data, settings)) };
    };
    const { data, recs } = await scan(); // warm, and the figures reported
    let windowRecords = 0;
    for await (const batch of store.scanRecords({ range: data.window })) windowRecords += batch.length;
    let storeRecords = 0;
    for (const month of coverage.months) storeRecords += await conn.db!.collection(partitionCollection('records', month)).estimatedDocumentCount();
    process.stderr.write(`recommend: ${runs} scans as of ${asOf} over ${windowRecords.toLocaleString('en-US')} records of ${storeRecords.toLocaleString('en-US')}…\n`);
    const times = await timeRuns(runs, scan);
    const service = new RecommendationService({
      store, scanner: store, marks: new MongoRecommendationMarks(conn), meta: new MongoMetaStore(conn), clock: fixedClock(`${asOf}T08:00:00Z`),
      timeZone: 'UTC', currency: 'USD', settings, logger: silent,
    });
    await service.list({ limit: 10 }); // computes and keeps the day's list
    const cached = await timeRuns(30, () => service.list({ limit: 10 }));
    const byKind: Record<string, number> = {};
    for (const r of recs) byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
    return {
      asOf, storeRecords, windowRecords, resources: data.resources.length, recommendations: recs.length, byKind,
      scan: { p50: percentile(times, 50), max: Math.max(...times), runs },
      cachedList: { p50: percentile(cached, 50), max: Math.max(...cached), runs: cached.length },
    };
  } finally {
    await conn.close();
  }
}
