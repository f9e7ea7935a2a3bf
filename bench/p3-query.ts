/**
 * P3: a month's costs grouped by service over the imported store (>= 1M daily records), through
 * the query engine, against raw aggregates computing the same result in the same run.
 */
import { MongoClient } from 'mongodb';
import { fixedClock } from '../src/ports/clock';
import { monthPeriod } from '../src/domain/period';
import { CostService } from '../src/services/cost-service';
import { connectMongo } from '../src/store/connection';
import { MongoCostStore } from '../src/store/mongo-cost-store';
import { partitionCollection } from '../src/store/partitions';
import { dbUri, percentile, timeRuns } from './bench-server';

export interface P3Result {
  month: string;
  groups: number;
  engine: { p50: number; p95: number; runs: number };
  rawSameCollection: { p50: number; p95: number; runs: number };
  rawOverRecords: { p50: number; p95: number; runs: number; documents: number };
  ratioToRaw: number;
  speedupOverRecords: number;
}

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

export async function runP3(baseUri: string, runs = 30): Promise<P3Result> {
  const uri = dbUri(baseUri, 'bench_store');
  const conn = await connectMongo(uri);
  const store = new MongoCostStore(conn, { logger: silent });
  // A full month from the middle of the imported history.
  const months = (await store.coverage()).months;
  const month = months[Math.floor(months.length / 2)];
  if (!month) throw new Error('P3: the store is empty; run P2 first');
  const costs = new CostService({ store, clock: fixedClock('2026-11-01T00:00:00Z'), timeZone: 'UTC', currency: 'USD' });
  const client = await MongoClient.connect(uri);
  const db = client.db();
  const engine = () => costs.query({ period: monthPeriod(month), groupBy: 'service' });
  const rawRollup = () => db.collection(partitionCollection('monthly', month)).aggregate([{ $group: { _id: { c: '$currency', k: '$service' }, v: { $sum: '$billed' } } }], { useBigInt64: true }).toArray();
  const rawRecords = () => db.collection(partitionCollection('records', month)).aggregate([{ $group: { _id: { c: '$currency', k: '$service' }, v: { $sum: '$billed' } } }], { useBigInt64: true }).toArray();

  // Same answer three ways, or the timing means nothing.
  const answer = await engine();
  const expected = new Map((await rawRecords()).map((r) => [String(r._id.k), r.v as bigint]));
  const got = answer.breakdown.currencies[0]!.groups;
  if (got.length !== expected.size || got.some((g) => expected.get(g.key) !== g.amount)) throw new Error('P3: the engine and the raw aggregate disagree');

  process.stderr.write(`P3: ${runs} runs each (engine, raw on the same rollup), 3 raw runs over the records…\n`);
  await engine();
  const e = await timeRuns(runs, engine);
  const r = await timeRuns(runs, rawRollup);
  const rr = await timeRuns(3, rawRecords);
  const documents = await db.collection(partitionCollection('records', month)).estimatedDocumentCount();
  await client.close();
  await conn.close();
  const stat = (s: number[]) => ({ p50: percentile(s, 50), p95: percentile(s, 95), runs: s.length });
  return {
    month,
    groups: got.length,
    engine: stat(e),
    rawSameCollection: stat(r),
    rawOverRecords: { ...stat(rr), documents },
    ratioToRaw: percentile(e, 50) / percentile(r, 50),
    speedupOverRecords: percentile(rr, 50) / percentile(e, 50),
  };
}
