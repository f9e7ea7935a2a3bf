/** What the sync run history and the request counters must do, in memory or in MongoDB. */
import type { SyncRun } from '../../src/domain/sync-run';
import type { RequestCountRepository } from '../../src/ports/request-counts';
import type { SyncRunRepository } from '../../src/ports/sync-runs';

export interface SyncStoresHarness {
  runs: SyncRunRepository;
  counts: RequestCountRepository;
  cleanup(): Promise<void>;
}

const run = (id: string, source: string, finishedAt: string, over: Partial<SyncRun> = {}): SyncRun => ({
  id, source, from: '2024-10-01', to: '2024-10-19', status: 'ok', rows: 10, requests: 5,
  startedAt: new Date('2024-10-20T06:00:00Z'), finishedAt: new Date(finishedAt), durationMs: 1234,
  errors: [], failedDays: [], estimatedDays: [], explicit: false, ...over,
});

export function syncStoresContract(name: string, open: () => Promise<SyncStoresHarness>): void {
  describe(`sync run history and request counts: ${name}`, () => {
    let h: SyncStoresHarness;
    beforeEach(async () => {
      h = await open();
    });
    afterEach(() => h.cleanup());

    it('keeps runs whole and lists a source newest first', async () => {
      const partial = run('r2', 'aws', '2024-10-21T06:00:00Z', {
        status: 'partial', failedDays: ['2024-10-18', '2024-10-19'], estimatedDays: ['2024-10-19'], explicit: true,
        errors: [{ code: 'SOURCE_THROTTLED', message: 'retried', recovered: true }, { code: 'SOURCE_AUTH', message: 'expired', from: '2024-10-18', to: '2024-10-19', recovered: false }],
      });
      await h.runs.add(run('r1', 'aws', '2024-10-20T06:00:00Z'));
      await h.runs.add(partial);
      await h.runs.add(run('g1', 'gcp', '2024-10-22T06:00:00Z'));
      const recent = await h.runs.recent('aws', 10);
      expect(recent.map((r) => r.id)).toEqual(['r2', 'r1']);
      expect(recent[0]).toEqual(partial);
      expect(await h.runs.recent('aws', 1)).toHaveLength(1);
    });

    it('counts requests per source and day, and adds up any span of days', async () => {
      await h.counts.add('aws', '2024-10-01', 3);
      await h.counts.add('aws', '2024-10-01', 2);
      await h.counts.add('aws', '2024-10-31', 1);
      await h.counts.add('aws', '2024-11-01', 7);
      await h.counts.add('gcp', '2024-10-01', 100);
      expect(await h.counts.total('aws', '2024-10-01', '2024-10-01')).toBe(5);
      expect(await h.counts.total('aws', '2024-10-01', '2024-10-31')).toBe(6);
      expect(await h.counts.total('aws', '2024-09-01', '2024-12-31')).toBe(13);
      expect(await h.counts.total('azure', '2024-09-01', '2024-12-31')).toBe(0);
    });
  });
}
