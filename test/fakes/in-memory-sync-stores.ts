/** In-memory run history and request counts, for service tests that need no database. */
import type { SyncRun } from '../../src/domain/sync-run';
import type { RequestCountRepository } from '../../src/ports/request-counts';
import type { SyncRunRepository } from '../../src/ports/sync-runs';

export class InMemorySyncRuns implements SyncRunRepository {
  readonly runs: SyncRun[] = [];

  async add(run: SyncRun): Promise<void> {
    this.runs.push(structuredClone(run));
  }

  async recent(source: string, limit: number): Promise<SyncRun[]> {
    return this.runs.filter((r) => r.source === source).sort((a, b) => b.finishedAt.getTime() - a.finishedAt.getTime()).slice(0, limit);
  }
}

export class InMemoryRequestCounts implements RequestCountRepository {
  readonly byDay = new Map<string, number>();

  async add(source: string, day: string, requests: number): Promise<void> {
    const key = `${source}|${day}`;
    this.byDay.set(key, (this.byDay.get(key) ?? 0) + requests);
  }

  async total(source: string, from: string, to: string): Promise<number> {
    let n = 0;
    for (const [key, count] of this.byDay) {
      const [s, day] = key.split('|') as [string, string];
      if (s === source && day >= from && day <= to) n += count;
    }
    return n;
  }
}
