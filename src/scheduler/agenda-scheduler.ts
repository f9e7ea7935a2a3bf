/**
 * The job scheduler adapter: Agenda 6 on the app's own MongoDB database (the mongoose connection's Db).
 * Jobs see only the Scheduler port (ports/scheduler.ts).
 *
 * Loading: `agenda` and `@agendajs/mongo-backend` ship ESM only, and this code compiles to
 * CommonJS. They are loaded with `await import()`, which TypeScript (module nodenext) keeps as a
 * real dynamic import in CommonJS output, so `node dist/…` loads them natively on any Node >= 18
 * (no reliance on Node 20.19's require(esm), nor on the packages staying free of top-level await).
 * Under Jest, @swc/jest turns the import() into require() of the swc-transformed packages
 * (jest.config.js transformIgnorePatterns). Only `import type` is used statically.
 *
 * On FerretDB v1.24 Agenda defines, schedules (`every`), processes, touches and stops fine, but:
 * - its job lock is not exclusive there: FerretDB runs findAndModify as read-then-write-by-_id,
 *   so two instances polling together can both lock and run the same occurrence. Handlers must be
 *   idempotent (the digest dispatch is: its claims are unique inserts), and a job that must not
 *   run twice needs its own unique-insert guard;
 * - two instances calling `every()` at the same moment can both insert the recurring job (Agenda
 *   upserts on {name, type: 'single'} with no unique index; MongoDB has the same race, FerretDB
 *   hits it readily). The usual fix, a unique index with partialFilterExpression, fails there
 *   (`Index option "partialFilterExpression" is not implemented yet`, code 238), so `every()`
 *   here removes extra copies right after scheduling instead, through Agenda's own API.
 * Agenda 6.2.6 also leaves one timer per finished run pending for lockLifetime / 2 (its lock
 * check; stop() does not clear it), so a process may linger that long after stop() unless the
 * shutdown path exits explicitly.
 */
import type { Agenda, Job, JobWithId } from 'agenda';
import type { Db } from 'mongodb';
import { AppError } from '../domain/errors';
import type { Logger } from '../ports/logger';
import type { DefineOptions, EveryOptions, JobHandler, Scheduler } from '../ports/scheduler';

export interface SchedulerOptions {
  /** The database to keep jobs in: `conn.db` of the app's mongoose connection. */
  db: Db;
  logger: Logger;
  /** This instance's name, stored as lastModifiedBy on the jobs it touches. */
  name: string;
  /** Polling interval ('5 seconds' or ms). Default Agenda's, 5 s. */
  processEvery?: string | number;
  /** Collection for the jobs. Default `agenda_jobs`. */
  collection?: string;
  /** Default lock lifetime of a job run without touch(). Default 5 minutes. */
  lockLifetimeMs?: number;
  /** How long stop() waits for running handlers. Default 30 s. */
  stopTimeoutMs?: number;
}

export const DEFAULT_JOBS_COLLECTION = 'agenda_jobs';

export async function createScheduler(options: SchedulerOptions): Promise<Scheduler> {
  const [{ Agenda }, { MongoBackend }] = await Promise.all([import('agenda'), import('@agendajs/mongo-backend')]);
  const backend = new MongoBackend({ mongo: options.db, collection: options.collection ?? DEFAULT_JOBS_COLLECTION });
  // Agenda's constructor connects the backend without handling a failure (an unhandled rejection
  // and a `ready` that never settles). Connecting first surfaces the error here; with a passed-in
  // Db a second connect only re-creates the same index.
  try {
    await backend.connect();
  } catch (error) {
    throw new AppError('DB_UNAVAILABLE', 'Could not set up the job scheduler in MongoDB.', { cause: error });
  }
  const agenda = new Agenda({
    backend,
    name: options.name,
    ...(options.processEvery !== undefined ? { processEvery: options.processEvery } : {}),
    defaultLockLifetime: options.lockLifetimeMs ?? 5 * 60_000,
  });
  await withTimeout(agenda.ready, 30_000, 'The job scheduler did not become ready within 30 s.');
  return new AgendaScheduler(agenda, options);
}

class AgendaScheduler implements Scheduler {
  readonly name: string;
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly agenda: Agenda, private readonly options: SchedulerOptions) {
    this.name = options.name;
    const { logger } = options;
    agenda.on('error', (error: Error) => logger.error({ err: error, scheduler: this.name }, 'Job scheduler error'));
    agenda.on('fail', (error: Error, job: JobWithId) =>
      logger.error({ err: error, job: job.attrs.name, scheduler: this.name }, `Job ${job.attrs.name} failed`));
  }

  define<T = undefined>(name: string, handler: JobHandler<T>, options: DefineOptions = {}): void {
    this.agenda.define<T>(
      name,
      async (job: Job<T>) => {
        const run = handler({ name, data: job.attrs.data, touch: (progress) => job.touch(progress) });
        this.running.add(run);
        try {
          await run;
        } finally {
          this.running.delete(run);
        }
      },
      {
        ...(options.lockLifetimeMs !== undefined ? { lockLifetime: options.lockLifetimeMs } : {}),
        ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
      },
    );
  }

  async every<T = undefined>(interval: string | number, name: string, data?: T, options: EveryOptions = {}): Promise<void> {
    await this.agenda.every<T | undefined>(interval, name, data, options);
    await this.removeDuplicateRecurring(name);
  }

  async now<T>(name: string, data: T): Promise<void> {
    await this.agenda.now<T>(name, data);
  }

  async start(): Promise<void> {
    await this.agenda.start();
  }

  async stop(options: { timeoutMs?: number } = {}): Promise<void> {
    // Agenda's stop() unlocks the jobs it has queued, but a queue fill still in flight can lock one
    // more right after (seen on FerretDB). That job would then wait out its lock lifetime after a
    // restart, so wait for the fill and release whatever this instance still holds.
    const processor = (this.agenda as unknown as { jobProcessor?: { isJobQueueFilling?: Map<string, boolean> } }).jobProcessor;
    await this.agenda.stop(false);
    const timeoutMs = options.timeoutMs ?? this.options.stopTimeoutMs ?? 30_000;
    await waitUntil(() => (processor?.isJobQueueFilling?.size ?? 0) === 0, Math.min(timeoutMs, 5_000));
    const pending = [...this.running];
    if (pending.length > 0 && !(await settlesWithin(pending, timeoutMs))) {
      this.options.logger.warn({ scheduler: this.name, running: this.running.size, timeoutMs }, 'Stopped the job scheduler with jobs still running');
    }
    await this.options.db
      .collection(this.options.collection ?? DEFAULT_JOBS_COLLECTION)
      .updateMany({ lastModifiedBy: this.name, lockedAt: { $ne: null } }, { $unset: { lockedAt: true } });
  }

  /** Keeps the copy of a recurring job with the smallest _id; every instance picks the same one. */
  private async removeDuplicateRecurring(name: string): Promise<void> {
    const { jobs } = await this.agenda.queryJobs({ name });
    const singles = jobs.filter((j) => j.type === 'single' && j._id).map((j) => String(j._id)).sort();
    if (singles.length < 2) return;
    const extra = singles.slice(1);
    await this.agenda.cancel({ ids: extra });
    this.options.logger.info({ job: name, removed: extra.length, scheduler: this.name }, 'Removed duplicate copies of a recurring job');
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new AppError('DB_UNAVAILABLE', message)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

async function waitUntil(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
}

async function settlesWithin(work: Promise<unknown>[], timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const settled = await Promise.race([
    Promise.allSettled(work).then(() => true),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  return settled;
}
