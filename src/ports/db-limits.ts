/** How long Penny waits on MongoDB, and how long a writer's lease lasts. */
export interface DbLimits {
  /** To find a server and open a connection. */
  connectMs: number;
  /** For one answer to a query or a small write. */
  queryMs: number;
  /** For one answer to a bulk write or a scan during an import or a repair. */
  writeMs: number;
  /** A writer's lease on the store; renewed while it works, so a dead writer blocks others this long at most. */
  leaseMs: number;
  /** How long a writer waits for another writer's lease before giving up. */
  writeWaitMs: number;
}

/** Sized for production: a query answers in well under 30 s; an import's bulk write may take longer. */
export const DEFAULT_DB_LIMITS: DbLimits = { connectMs: 10_000, queryMs: 30_000, writeMs: 120_000, leaseMs: 30_000, writeWaitMs: 600_000 };
