/**
 * What was written, and when: the last write per cost source (for /healthz), and a generation
 * value that changes with every write that can change an answer (cost data, budgets, projects),
 * shared by all instances through the database so that caches can tell they are stale.
 */
export interface SourceWrite {
  source: string;
  lastWriteAt: Date;
  /** Records handed in by that write. */
  records: number;
}

export interface WriteLog {
  /** Call after cost records were written (even partly): per source, how many. Changes the generation. */
  costsWritten(sources: ReadonlyMap<string, number>, at: Date): Promise<void>;
  /** Call after any other write that changes answers (a budget, a project). Changes the generation. */
  changed(what: string, at: Date): Promise<void>;
  /** A value that differs after every write above, on every instance. */
  generation(): Promise<string>;
  sources(): Promise<SourceWrite[]>;
}
