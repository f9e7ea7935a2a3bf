/**
 * The MongoDB wire server the benchmarks run against: MONGODB_URI, or a FerretDB started here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFerretdb, FERRETDB_VERSION, startFerretdb } from '../src/store/ferretdb-process';

export interface BenchServer {
  uri: string;
  label: string;
  stop(): Promise<void>;
}

export async function benchServer(): Promise<BenchServer> {
  if (process.env.MONGODB_URI) return { uri: process.env.MONGODB_URI, label: 'MONGODB_URI', stop: async () => undefined };
  const binary = findFerretdb(process.env.PENNY_FERRETDB_BIN);
  if (!binary) throw new Error('No server for the benchmarks: set MONGODB_URI, or run .ci/build-ferretdb.sh to build FerretDB.');
  const dataDir = mkdtempSync(join(tmpdir(), 'penny-bench-db-'));
  const server = await startFerretdb(binary, dataDir);
  const stop = async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { uri: server.uri, label: `FerretDB ${FERRETDB_VERSION} (SQLite backend)`, stop };
}

export function dbUri(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export async function timeRuns(n: number, work: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await work();
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out;
}
