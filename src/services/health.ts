/**
 * Is Penny well: the database answers, and when each source last wrote costs. Served without
 * auth at /healthz and /api/v1/healthz, so it says nothing about amounts.
 */
import type { Clock } from '../ports/clock';
import type { CostStore } from '../ports/cost-store';
import type { DatabaseProbe } from '../ports/database-probe';
import type { WriteLog } from '../ports/write-log';

export interface HealthReport {
  ok: boolean;
  checkedAt: string;
  database: { up: boolean; ms?: number; error?: string };
  data?: { firstDay?: string; lastDay?: string; lastWriteAt?: string };
  sources: { source: string; lastSyncAt: string; records: number }[];
}

/** Longer than a healthy server ever takes, shorter than a load balancer's probe timeout. */
const PING_TIMEOUT_MS = 2000;

export class HealthService {
  constructor(private readonly deps: { db: DatabaseProbe; writes: WriteLog; store: CostStore; clock: Clock }) {}

  async check(): Promise<HealthReport> {
    const checkedAt = this.deps.clock.now().toISOString();
    const started = performance.now();
    try {
      await withTimeout(this.deps.db.ping(), PING_TIMEOUT_MS);
    } catch {
      return { ok: false, checkedAt, database: { up: false, error: 'The database does not answer.' }, sources: [] };
    }
    const ms = Math.round((performance.now() - started) * 10) / 10;
    const [coverage, sources] = await Promise.all([this.deps.store.coverage(), this.deps.writes.sources()]);
    return {
      ok: true,
      checkedAt,
      database: { up: true, ms },
      data: { firstDay: coverage.firstDay, lastDay: coverage.lastDay, lastWriteAt: coverage.lastIngestedAt?.toISOString() },
      sources: sources.map((s) => ({ source: s.source, lastSyncAt: s.lastWriteAt.toISOString(), records: s.records })),
    };
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms)))]).finally(() => clearTimeout(timer));
}
