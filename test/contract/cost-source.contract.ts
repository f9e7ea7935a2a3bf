/**
 * What every cloud CostSource must do, driven through the sync service as the CLI and the job
 * drive it. Run against each adapter (real SDK, local HTTP fake) and the in-memory fake source.
 * Expected numbers are exact decimal sums of the rows the fake serves, computed here.
 */
import type { CostQuery, GroupDim } from '../../src/domain/cost-query';
import { mergeRows } from '../../src/domain/cost-query';
import type { Metric } from '../../src/domain/cost-record';
import type { DateRange } from '../../src/domain/days';
import type { Clock } from '../../src/ports/clock';
import type { SyncableSource } from '../../src/ports/cost-source';
import { CloudSyncService } from '../../src/services/cloud-sync';
import { generateRows, nanosOf, type FakeCostRow, type RowSpec } from '../fakes/fake-cost-rows';
import type { FakeControl, FaultKind } from '../fakes/http-fake';
import { InMemoryCostStore } from '../fakes/in-memory-cost-store';
import { InMemoryRequestCounts, InMemorySyncRuns } from '../fakes/in-memory-sync-stores';
import { recordingLogger } from '../support/silent-logger';

export interface SourceHarness {
  source: SyncableSource;
  fake: FakeControl & { rows: FakeCostRow[] };
  /** Rows this cloud can express: its charge categories, one or two cost metrics, its accounts. */
  spec: Omit<RowSpec, 'from' | 'days'>;
  close(): Promise<void>;
}

export class MutableClock implements Clock {
  constructor(private at: string) {}
  now(): Date {
    return new Date(this.at);
  }
  set(iso: string): void {
    this.at = iso;
  }
}

const DIMS: [GroupDim, (r: FakeCostRow) => string][] = [
  ['day', (r) => r.day], ['account', (r) => r.account], ['service', (r) => r.service], ['region', (r) => r.region], ['charge-category', (r) => r.category],
];
const METRICS: Metric[] = ['billed', 'effective'];

function oracle(rows: FakeCostRow[], range: DateRange, key: (r: FakeCostRow) => string, metric: Metric): Record<string, bigint> {
  const out: Record<string, bigint> = {};
  for (const r of rows) if (r.day >= range.start && r.day < range.end) out[key(r)] = (out[key(r)] ?? 0n) + nanosOf(metric === 'billed' ? r.billed : r.effective);
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== 0n).sort(([a], [b]) => a.localeCompare(b)));
}

async function stored(store: InMemoryCostStore, range: DateRange, groupBy: GroupDim, metric: Metric): Promise<Record<string, bigint>> {
  const query: CostQuery = { range, groupBy, filters: {}, metric };
  const rows = mergeRows(await store.groupCosts(query)).filter((r) => r.amount !== 0n);
  return Object.fromEntries(rows.map((r) => [r.key, r.amount]).sort(([a], [b]) => String(a).localeCompare(String(b))));
}

/** Every grouping and metric of the store equals the rows' exact sums over `range`. */
async function expectExact(store: InMemoryCostStore, rows: FakeCostRow[], range: DateRange): Promise<void> {
  for (const [dim, key] of DIMS) {
    for (const metric of METRICS) {
      expect({ dim, metric, sums: await stored(store, range, dim, metric) }).toEqual({ dim, metric, sums: oracle(rows, range, key, metric) });
    }
  }
}

const TODAY = '2024-10-20';
const WINDOW = { start: '2024-09-10', end: TODAY }; // 40 days: two pieces of 31 and 9
const SECOND_PIECE = '2024-10-11';

export function costSourceContract(name: string, open: (clock: Clock) => Promise<SourceHarness>): void {
  describe(`CostSource contract: ${name}`, () => {
    let clock: MutableClock;
    let h: SourceHarness;
    let store: InMemoryCostStore;
    let runs: InMemorySyncRuns;
    let sleeps: number[];
    let sync: CloudSyncService;

    beforeEach(async () => {
      clock = new MutableClock(`${TODAY}T06:00:00Z`);
      h = await open(clock);
      h.fake.rows = generateRows({ ...h.spec, from: '2024-09-05', days: 50 });
      store = new InMemoryCostStore();
      runs = new InMemorySyncRuns();
      sleeps = [];
      sync = new CloudSyncService({
        store, runs, requestCounts: new InMemoryRequestCounts(), clock, logger: recordingLogger(),
        settings: { backfillDays: 40, reviseDays: 3 }, sleep: async (ms) => void sleeps.push(ms),
      });
    });
    afterEach(() => h.close());

    it('first sync: fetches every page of the backfill and maps it to exact records', async () => {
      const run = await sync.syncSource(h.source);
      expect(run).toMatchObject({ source: h.source.id, from: '2024-09-10', to: '2024-10-19', status: 'ok', errors: [] });
      expect(run.requests).toBe(h.fake.requests.length);
      expect(h.fake.requests.some((r) => r.page > 1)).toBe(true);
      expect(run.rows).toBeGreaterThan(0);
      await expectExact(store, h.fake.rows, WINDOW);
      expect((await store.coverage()).firstDay).toBe('2024-09-10'); // nothing outside the window
      expect((await store.coverage()).lastDay).toBe('2024-10-19');
    });

    it('syncing the same days again replaces them and duplicates nothing', async () => {
      await sync.syncSource(h.source);
      const count = store.records.size;
      const again = await sync.syncSource(h.source, { window: { from: '2024-09-10', to: '2024-10-19' } });
      expect(again.status).toBe('ok');
      expect(store.records.size).toBe(count);
      await expectExact(store, h.fake.rows, WINDOW);
    });

    it('a later sync replaces a revised day, drops a vanished row, and never asks for closed days', async () => {
      await sync.syncSource(h.source);
      const before = h.fake.requests.length;
      const revisedDay = '2024-10-18';
      const closedDay = '2024-10-01';
      const onRevised = h.fake.rows.filter((r) => r.day === revisedDay);
      const vanished = onRevised[0]!;
      h.fake.rows = h.fake.rows
        .filter((r) => r !== vanished)
        .map((r) => (r.day === revisedDay || r.day === closedDay ? { ...r, billed: bump(r.billed), effective: bump(r.effective) } : r));
      clock.set('2024-10-21T06:00:00Z');
      const run = await sync.syncSource(h.source);
      expect(run).toMatchObject({ from: '2024-10-18', to: '2024-10-20', status: 'ok' });
      const later = h.fake.requests.slice(before);
      expect(later.length).toBe(run.requests);
      expect(later.every((r) => r.from >= '2024-10-18' && r.to <= '2024-10-21')).toBe(true);
      // One page chain per query: each kind of request starts once.
      const starts = later.filter((r) => r.page === 1).map((r) => r.kind);
      expect(new Set(starts).size).toBe(starts.length);
      await expectExact(store, h.fake.rows, { start: '2024-10-18', end: '2024-10-21' });
      // The closed day keeps the numbers it had when it was synced.
      const original = generateRows({ ...h.spec, from: '2024-09-05', days: 50 });
      await expectExact(store, original, { start: closedDay, end: '2024-10-02' });
    });

    it.each([
      ['throttle', 'SOURCE_THROTTLED', /429|throttl/i],
      ['server-error', 'SOURCE_UNAVAILABLE', /5\d\d|failed on its side/i],
      ['timeout', 'SOURCE_TIMEOUT', /time/i],
    ] as [FaultKind, string, RegExp][])('a %s mid-chain is retried: the run ends ok, exact, and says what happened', async (kind, code, words) => {
      h.fake.inject({ kind, times: 1, match: (r) => r.page === 2 });
      const run = await sync.syncSource(h.source);
      expect(run.status).toBe('ok');
      expect(h.fake.faulted).toHaveLength(1);
      expect(run.errors).toEqual([expect.objectContaining({ code, recovered: true, message: expect.stringMatching(words) })]);
      expect(sleeps.length).toBeGreaterThan(0);
      expect(run.requests).toBe(h.fake.requests.length);
      await expectExact(store, h.fake.rows, WINDOW);
    });

    it.each([
      ['malformed', 'SOURCE_BAD_RESPONSE', /JSON|malformed/i],
      ['expired-credential', 'SOURCE_AUTH', /expired|credential/i],
    ] as [FaultKind, string, RegExp][])('a lasting %s loses the days it hit and no others: partial, nothing lost or doubled', async (kind, code, words) => {
      await sync.syncSource(h.source);
      const first = h.fake.rows;
      h.fake.rows = first.map((r) => ({ ...r, billed: bump(r.billed), effective: bump(r.effective) }));
      h.fake.inject({ kind, times: Infinity, match: (r) => r.from >= SECOND_PIECE });
      const run = await sync.syncSource(h.source, { window: { from: '2024-09-10', to: '2024-10-19' } });
      expect(run.status).toBe('partial');
      expect(run.errors).toEqual([expect.objectContaining({ code, recovered: false, from: SECOND_PIECE, to: '2024-10-19', message: expect.stringMatching(words) })]);
      if (kind === 'expired-credential') expect(h.fake.faulted).toHaveLength(1); // not retried
      await expectExact(store, h.fake.rows, { start: '2024-09-10', end: SECOND_PIECE });
      await expectExact(store, first, { start: SECOND_PIECE, end: TODAY });
      const record = runs.runs[runs.runs.length - 1]!;
      expect(record.failedDays).toHaveLength(9);
      // The next planned sync goes back for the days that failed.
      clock.set('2024-10-20T07:00:00Z');
      expect(await sync.window(h.source.id)).toEqual({ start: SECOND_PIECE, end: TODAY });
    });
  });
}

/** A revision: the amount plus 1.5. */
function bump(text: string): string {
  const v = nanosOf(text) + 1_500_000_000n;
  const neg = v < 0n;
  const abs = (neg ? -v : v).toString().padStart(10, '0');
  return `${neg ? '-' : ''}${abs.slice(0, -9)}.${abs.slice(-9)}`;
}
