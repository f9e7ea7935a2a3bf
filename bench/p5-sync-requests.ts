/**
 * P5: Cost Explorer requests (the bot's own cost: $0.01 each) per sync of an organization of
 * 20 accounts × 150 services × 10 regions, for the first sync (backfill) and a later daily sync.
 * The real AWS adapter, SDK and sync service run against the local Cost Explorer fake; the store
 * only counts what it is handed (requests do not depend on it).
 *
 * Cost Explorer does not document its page size; the fake's (--ce-page-groups, default 1,000
 * groups) sets the page count, so the figures scale with it. Chains per window do not.
 */
import type { CostRecord } from '../src/domain/cost-record';
import { addDays, fromDate } from '../src/domain/days';
import type { ReplaceResult } from '../src/ports/cost-store';
import { CloudSyncService, type SyncRunSummary } from '../src/services/cloud-sync';
import { createAwsCostSource } from '../src/sources/aws/aws-factory';
import type { CostStore } from '../src/ports/cost-store';
import { FakeAwsCostExplorer } from '../test/fakes/fake-aws-ce';
import type { FakeCostRow } from '../test/fakes/fake-cost-rows';
import type { FakeRequest } from '../test/fakes/http-fake';
import { InMemoryRequestCounts, InMemorySyncRuns } from '../test/fakes/in-memory-sync-stores';

export interface P5Sync {
  from: string;
  to: string;
  days: number;
  requests: number;
  chains: number;
  requestsOnClosedDays: number;
  maxChainsPerQuery: number;
  records: number;
  seconds: number;
  costUsd: number;
}

export interface P5Result {
  at: string;
  org: { accounts: number; services: number; regions: number; groupsPerPage: number; backfillDays: number; reviseDays: number };
  backfill: P5Sync;
  later: P5Sync;
}

const ACCOUNTS = 20;
const SERVICES = 150;
const REGIONS = ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'eu-central-1', 'eu-north-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1', 'sa-east-1'];

/** One day of the org: every account uses every service in every region; credits, tax and fees as a bill has them. */
function orgDay(day: string): FakeCostRow[] {
  const rows: FakeCostRow[] = [];
  for (let a = 0; a < ACCOUNTS; a++) {
    const account = String(100000000000 + a);
    const accountName = `team-${String(a).padStart(2, '0')}`;
    for (let s = 0; s < SERVICES; s++) {
      const service = `AWS Service ${String(s).padStart(3, '0')}`;
      for (const region of REGIONS) {
        const cents = 1 + ((a * 7919 + s * 104729 + region.length * 31) % 100_000);
        rows.push({ day, account, accountName, service, region, category: 'usage', billed: `${cents / 100}`, effective: `${cents / 100}`, currency: 'USD' });
      }
      if (a < 2 && s < 30) rows.push({ day, account, accountName, service, region: REGIONS[0]!, category: 'credit', billed: '-1.25', effective: '-1.25', currency: 'USD' });
      if (day.endsWith('-01')) rows.push({ day, account, accountName, service, region: '', category: 'tax', billed: '3.10', effective: '3.10', currency: 'USD' });
    }
    if (day.endsWith('-01') && a < 3) rows.push({ day, account, accountName, service: 'AWS Service 000', region: REGIONS[0]!, category: 'purchase', billed: '720', effective: '0', currency: 'USD' });
  }
  return rows;
}

/** A store that only counts what it is handed. */
class CountingStore {
  records = 0;
  async replaceSourceDays(_source: string, _days: readonly string[], records: readonly CostRecord[]): Promise<ReplaceResult> {
    this.records += records.length;
    return { records: records.length, inserted: records.length, replaced: 0, unchanged: 0, months: [], removed: 0 };
  }
}

export async function runP5(groupsPerPage = 1000, backfillDays = 90, reviseDays = 3): Promise<P5Result> {
  const fake = await new FakeAwsCostExplorer().start();
  fake.rowsOfDay = orgDay;
  fake.pageSize = groupsPerPage;
  process.env.AWS_ENDPOINT_URL_COST_EXPLORER = fake.url;
  process.env.AWS_ACCESS_KEY_ID = fake.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = 'bench-secret';
  let now = new Date('2026-11-20T06:00:00Z');
  const clock = { now: () => new Date(now) };
  const store = new CountingStore();
  const sync = new CloudSyncService({
    store: store as unknown as CostStore, runs: new InMemorySyncRuns(), requestCounts: new InMemoryRequestCounts(), clock,
    logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    settings: { backfillDays, reviseDays }, sleep: async () => undefined,
  });
  const measure = async (label: string): Promise<P5Sync> => {
    const before = fake.requests.length;
    const recordsBefore = store.records;
    process.stderr.write(`P5: ${label}…\n`);
    const t = process.hrtime.bigint();
    const run = await sync.syncSource(createAwsCostSource({ clock }));
    const seconds = Number(process.hrtime.bigint() - t) / 1e9;
    return summarize(run, fake.requests.slice(before), store.records - recordsBefore, seconds);
  };
  try {
    const backfill = await measure(`first sync, ${backfillDays} days`);
    now = new Date(`${addDays(fromDate(now), 1)}T06:00:00Z`);
    const later = await measure('later daily sync');
    return { at: new Date().toISOString(), org: { accounts: ACCOUNTS, services: SERVICES, regions: REGIONS.length, groupsPerPage, backfillDays, reviseDays }, backfill, later };
  } finally {
    await fake.close();
  }
}

function summarize(run: SyncRunSummary, requests: FakeRequest[], records: number, seconds: number): P5Sync {
  if (run.status !== 'ok' || run.requests !== requests.length) {
    throw new Error(`P5: the sync did not end cleanly (${run.status}, ${run.requests} counted, ${requests.length} seen): ${run.errors.map((e) => e.message).join(' | ')}`);
  }
  const chains = requests.filter((r) => r.page === 1);
  const perQueryAndPiece = new Map<string, number>();
  for (const c of chains) perQueryAndPiece.set(`${c.kind}`, (perQueryAndPiece.get(c.kind) ?? 0) + 1);
  const days = Math.round((Date.parse(run.to) - Date.parse(run.from)) / 86_400_000) + 1;
  return {
    from: run.from, to: run.to, days, requests: run.requests, chains: chains.length,
    requestsOnClosedDays: requests.filter((r) => r.from < run.from).length,
    maxChainsPerQuery: Math.max(...perQueryAndPiece.values()),
    records, seconds, costUsd: run.requests * 0.01,
  };
}
