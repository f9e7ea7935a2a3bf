/**
 * P2: import a generated 1M-row FOCUS CSV (rows/s, peak RSS), against a raw driver insertMany
 * of the same prepared documents on the same server. Then the same file imported again,
 * unchanged (what a retried or repeated import costs), against the first import.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { toDoc } from '../src/store/doc-mapping';
import { partitionCollection } from '../src/store/partitions';
import { benchRecords, writeFocusCsv } from './focus-csv-writer';
import { dbUri } from './bench-server';

export const IMPORT_HEAP_MB = 256;

export interface P2Result {
  rows: number;
  csvMb: number;
  importSeconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
  records: number;
  rawInsertManySeconds: number;
  ratio: number;
  /** The unchanged file imported a second time into the same store. */
  reimportSeconds: number;
  reimportUnchanged: number;
  reimportPeakRssMb: number;
  /** Re-import time / first import time. Goal <= 0.5. */
  reimportRatio: number;
}

interface ChildResult { ms: number; rows: number; records: number; rejected: number; unchanged: number; maxRssMb: number }

function importInChild(uri: string, csv: string): ChildResult {
  const child = join(__dirname, 'import-child.js');
  // The same heap cap `penny import` runs with (bin/penny.js, PENNY_IMPORT_HEAP_MB).
  const out = execFileSync(process.execPath, [`--max-old-space-size=${IMPORT_HEAP_MB}`, child, uri, csv], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!) as ChildResult;
}

export async function runP2(baseUri: string, rows: number, workDir: string): Promise<P2Result> {
  mkdirSync(workDir, { recursive: true });
  const csv = join(workDir, `focus-${rows}.csv`);
  process.stderr.write(`P2: writing a ${rows.toLocaleString('en-US')}-row FOCUS CSV…\n`);
  await writeFocusCsv(csv, rows);

  process.stderr.write('P2: raw insertMany of the prepared documents…\n');
  const rawSeconds = await rawInsertMany(dbUri(baseUri, 'bench_raw'), rows);

  process.stderr.write('P2: penny import (separate process, for its peak RSS)…\n');
  const result = importInChild(dbUri(baseUri, 'bench_store'), csv);
  if (result.rejected > 0) throw new Error(`P2: ${result.rejected} generated rows were rejected`);
  const importSeconds = result.ms / 1000;

  process.stderr.write('P2: penny import of the same, unchanged file again…\n');
  const again = importInChild(dbUri(baseUri, 'bench_store'), csv);
  if (again.unchanged !== again.records) throw new Error(`P2: the re-import found ${again.records - again.unchanged} changed records in an unchanged file`);
  return {
    rows: result.rows,
    csvMb: statSync(csv).size / 1e6,
    importSeconds,
    rowsPerSecond: result.rows / importSeconds,
    peakRssMb: result.maxRssMb,
    records: result.records,
    rawInsertManySeconds: rawSeconds,
    ratio: importSeconds / rawSeconds,
    reimportSeconds: again.ms / 1000,
    reimportUnchanged: again.unchanged,
    reimportPeakRssMb: again.maxRssMb,
    reimportRatio: again.ms / result.ms,
  };
}

/** The same documents the import stores, inserted with the bare driver; only insert time counts. */
async function rawInsertMany(uri: string, rows: number): Promise<number> {
  const client = await MongoClient.connect(uri);
  const db = client.db();
  let ns = 0n;
  let batch: ReturnType<typeof toDoc>[] = [];
  let month = '';
  const flush = async () => {
    if (batch.length === 0) return;
    const t = process.hrtime.bigint();
    await db.collection(partitionCollection('records', month)).insertMany(batch as never[], { ordered: false });
    ns += process.hrtime.bigint() - t;
    batch = [];
  };
  for await (const r of benchRecords(rows)) {
    if (r.month !== month) {
      await flush();
      month = r.month;
    }
    batch.push(toDoc(r, 'raw'));
    if (batch.length === 1000) await flush();
  }
  await flush();
  await client.close();
  return Number(ns) / 1e9;
}
