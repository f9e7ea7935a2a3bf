/** The sync service's own rules, with the in-memory fake source and stores. */
import { fixedClock } from '../../../src/ports/clock';
import { CloudSyncService, type SyncProgress } from '../../../src/services/cloud-sync';
import { generateRows } from '../../fakes/fake-cost-rows';
import { FakeCostSource } from '../../fakes/fake-cost-source';
import { InMemoryCostStore } from '../../fakes/in-memory-cost-store';
import { InMemoryRequestCounts, InMemorySyncRuns } from '../../fakes/in-memory-sync-stores';
import { recordingLogger } from '../../support/silent-logger';

function setup() {
  const source = new FakeCostSource();
  source.pageSize = 50;
  source.rows = generateRows({ from: '2024-07-01', days: 120, accounts: [{ id: 'a', name: 'A' }], services: ['S1', 'S2'], regions: ['r1'], extras: ['credit'], distinctEffective: false });
  const store = new InMemoryCostStore();
  const runs = new InMemorySyncRuns();
  const sync = new CloudSyncService({
    store, runs, requestCounts: new InMemoryRequestCounts(), clock: fixedClock('2024-10-20T06:00:00Z'), logger: recordingLogger(),
    settings: { backfillDays: 70, reviseDays: 3 }, sleep: async () => undefined,
  });
  return { source, store, runs, sync };
}

describe('CloudSyncService', () => {
  it('fetches an explicit window exactly, in pieces, reporting progress to the end', async () => {
    const { source, sync, runs } = setup();
    const progress: SyncProgress[] = [];
    const run = await sync.syncSource(source, { window: { from: '2024-08-01', to: '2024-09-30' }, onProgress: (p) => progress.push(p) });
    expect(run).toMatchObject({ from: '2024-08-01', to: '2024-09-30', status: 'ok' });
    expect(source.requests.map((r) => [r.from, r.to]).filter((_, i, all) => i === 0 || all[i - 1]![0] !== all[i]![0])).toEqual([['2024-08-01', '2024-09-01'], ['2024-09-01', '2024-10-01']]);
    expect(progress[progress.length - 1]).toMatchObject({ daysDone: 61, daysTotal: 61, rows: run.rows, requests: run.requests });
    expect(runs.runs[0]).toMatchObject({ explicit: true, durationMs: 0, status: 'ok' });
  });

  it('refuses an explicit window that is backwards, malformed or not over yet', async () => {
    const { source, sync } = setup();
    await expect(sync.syncSource(source, { window: { from: '2024-09-30', to: '2024-09-01' } })).rejects.toMatchObject({ code: 'PERIOD_INVALID' });
    await expect(sync.syncSource(source, { window: { from: '2024-9-1', to: '2024-09-30' } })).rejects.toMatchObject({ code: 'PERIOD_INVALID' });
    await expect(sync.syncSource(source, { window: { from: '2024-10-01', to: '2024-10-20' } })).rejects.toThrow('--to must be a day before today (2024-10-20)');
    expect(source.requests).toEqual([]);
  });

  it('syncs every source even when one fails, and a failure is not a crash', async () => {
    const { source, sync } = setup();
    const broken = new FakeCostSource();
    Object.defineProperty(broken, 'id', { value: 'broken' });
    broken.inject({ kind: 'expired-credential', times: Infinity });
    const report = await sync.sync([broken, source]);
    expect(report.runs.map((r) => [r.source, r.status])).toEqual([['broken', 'failed'], ['fake', 'ok']]);
    expect(report.runs[0]!.errors).toHaveLength(1); // stopped after the first piece: credentials do not heal
    expect(broken.requests).toHaveLength(1);
  });

  it('a store that cannot take the write fails the piece, not the program, and loses nothing', async () => {
    const { source, sync, store } = setup();
    store.replaceSourceDays = async () => Promise.reject(new Error('disk full'));
    const run = await sync.syncSource(source, { window: { from: '2024-10-01', to: '2024-10-02' } });
    expect(run).toMatchObject({ status: 'failed', rows: 0 });
    expect(run.errors[0]!.message).toBe('Something went wrong on our side. The details are in the log. 2024-10-01 to 2024-10-02 were not synced and keep their earlier fake numbers.');
  });
});
