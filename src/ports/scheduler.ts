/**
 * Runs jobs on a schedule, once across instances as far as the backend allows (handlers are
 * idempotent regardless). The Agenda adapter is in src/scheduler; jobs see only this.
 */

export interface JobContext<T> {
  name: string;
  data: T;
  /** Renews the job's lock (and reports progress). Throws once Agenda gave up on the job. */
  touch(progress?: number): Promise<void>;
}

export type JobHandler<T> = (ctx: JobContext<T>) => Promise<unknown>;

export interface DefineOptions {
  /** How long a run may go without touch() before its lock is considered dead. */
  lockLifetimeMs?: number;
  /** Runs of this job at once in this instance. */
  concurrency?: number;
}

export interface EveryOptions {
  /** For cron intervals: the zone they are read in. */
  timezone?: string;
  skipImmediate?: boolean;
}

export interface Scheduler {
  readonly name: string;
  define<T = undefined>(name: string, handler: JobHandler<T>, options?: DefineOptions): void;
  /** Schedules (or reschedules) the one recurring job of that name. Idempotent across instances. */
  every<T = undefined>(interval: string | number, name: string, data?: T, options?: EveryOptions): Promise<void>;
  /** Queues one run as soon as possible. */
  now<T>(name: string, data: T): Promise<void>;
  start(): Promise<void>;
  /** Stops polling, waits (bounded) for running handlers, then releases every lock this instance holds. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
}
