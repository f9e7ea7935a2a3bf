/**
 * How a store's writes use the write lease: one at a time within the process (they share one
 * owner), then under the lease across processes, renewed by a heartbeat while they work.
 * A writer that must wait for a live holder says once why, and gives up after the write-wait
 * limit; an expired lease (its holder died) is taken at once.
 */
import { randomUUID } from 'node:crypto';
import type { DbLimits } from '../ports/db-limits';
import { AppError } from '../domain/errors';
import type { WriteOptions } from '../ports/cost-store';
import type { Logger } from '../ports/logger';
import { describeHolder, type WriteLock } from './write-lock';

export class StoreLease {
  private readonly owner = randomUUID();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly lock: WriteLock, private readonly limits: DbLimits, private readonly logger: Logger) {}

  /** Runs `work` under the lease, waiting for another writer if need be. */
  run<T>(options: Omit<WriteOptions, 'importId'>, work: () => Promise<T>): Promise<T> {
    return this.serially(async () => {
      await this.acquire(options);
      return this.holding(options.activity ?? 'write', work);
    });
  }

  /** Runs `work` under the lease if no one else holds it; undefined when someone does. */
  runIfFree<T>(activity: string, work: () => Promise<T>): Promise<T | undefined> {
    return this.serially(async () => ((await this.lock.tryAcquire(this.owner, activity)).taken ? this.holding(activity, work) : undefined));
  }

  /** Throws when the write was asked to stop, or its lease lapsed and another writer may have it. */
  checkStillMine(signal: AbortSignal | undefined): void {
    if (signal?.aborted) throw new AppError('IMPORT_ABORTED', 'The write was stopped before it finished.', { cause: signal.reason });
    if (this.lock.isLost) {
      throw new AppError('LEASE_LOST', 'The write stopped because its lease on the store lapsed (MongoDB was unreachable for too long) and another writer may have started.');
    }
  }

  private serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async acquire(options: Omit<WriteOptions, 'importId'>): Promise<void> {
    const deadline = Date.now() + this.limits.writeWaitMs;
    let told = false;
    for (;;) {
      const got = await this.lock.tryAcquire(this.owner, options.activity ?? 'write');
      if (got.taken) return;
      const who = describeHolder(got.holder);
      if (!told) {
        told = true;
        options.onWait?.(`waiting for ${who} to finish`);
        this.logger.info({ holder: got.holder }, `waiting for ${who} to finish`);
      }
      if (Date.now() >= deadline) {
        throw new AppError('STORE_BUSY', `Another writer is still at work: ${who} held the store for longer than the ${Math.round(this.limits.writeWaitMs / 1000)} s this one waits. Try again when it has finished.`, { detail: got.holder });
      }
      if (options.signal?.aborted) throw new AppError('IMPORT_ABORTED', 'The write was stopped while it waited for another writer.');
      await sleep(Math.min(1_000, Math.max(50, Math.floor(this.limits.leaseMs / 10)), Math.max(0, deadline - Date.now())));
    }
  }

  private async holding<T>(activity: string, work: () => Promise<T>): Promise<T> {
    // A lost lease makes the write fail with LEASE_LOST, which tells the person; the log notes when.
    this.lock.startHeartbeat(() => this.logger.info({ activity }, 'the write lease was lost; this write stops at its next chunk'));
    try {
      return await work();
    } finally {
      await this.lock.release();
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
