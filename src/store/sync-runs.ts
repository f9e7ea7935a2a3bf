/**
 * Finished cloud sync runs in the `sync_runs` collection: the history sync windows are planned
 * from, and what the CLI, Slack and Home show about syncing.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import type { SyncIssue, SyncRun } from '../domain/sync-run';
import type { SyncRunRepository } from '../ports/sync-runs';

/** `errors` is a reserved name in mongoose schemas, so the issues are stored as `issues`. */
type SyncRunDoc = Omit<SyncRun, 'id' | 'errors'> & { _id: string; issues: SyncIssue[] };

const issueSchema = new Schema<SyncIssue>(
  { code: { type: String, required: true }, message: { type: String, required: true }, from: String, to: String, recovered: { type: Boolean, required: true } },
  { _id: false, versionKey: false },
);

const syncRunSchema = new Schema<SyncRunDoc>(
  {
    _id: { type: String, required: true },
    source: { type: String, required: true },
    from: { type: String, required: true },
    to: { type: String, required: true },
    status: { type: String, required: true, enum: ['ok', 'partial', 'failed'] },
    rows: { type: Number, required: true },
    requests: { type: Number, required: true },
    startedAt: { type: Date, required: true },
    finishedAt: { type: Date, required: true },
    durationMs: { type: Number, required: true },
    issues: { type: [issueSchema], default: [] },
    failedDays: { type: [String], default: [] },
    estimatedDays: { type: [String], default: [] },
    explicit: { type: Boolean, default: false },
  },
  { versionKey: false, collection: 'sync_runs', autoIndex: false },
);
syncRunSchema.index({ source: 1, finishedAt: -1 });

export class MongoSyncRunRepository implements SyncRunRepository {
  private readonly model: Model<SyncRunDoc>;

  constructor(conn: Connection) {
    this.model = conn.models.SyncRun ?? conn.model<SyncRunDoc>('SyncRun', syncRunSchema);
  }

  /** Creates the (source, finishedAt) index; call once at start. */
  async init(): Promise<void> {
    await this.model.createIndexes();
  }

  async add(run: SyncRun): Promise<void> {
    const { id, errors, ...rest } = run;
    await this.model.create({ _id: id, issues: errors, ...rest });
  }

  async recent(source: string, limit: number): Promise<SyncRun[]> {
    const docs = await this.model.find({ source }).sort({ finishedAt: -1 }).limit(limit).lean();
    return docs.map(({ _id, issues, ...rest }) => ({ ...rest, id: _id, errors: issues.map((e) => stripUndefined(e)) }));
  }
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}
