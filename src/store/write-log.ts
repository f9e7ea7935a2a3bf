/**
 * The write log on MongoDB: one `generation` document, set to a fresh random value on every write
 * (a set, not an $inc: FerretDB v1 runs updates as read-then-write, so two concurrent increments
 * can end on the same number, while two random values never collide), and one document per source.
 */
import { randomUUID } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import type { DatabaseProbe } from '../ports/database-probe';
import type { DbLimits } from '../ports/db-limits';
import { dbLimitsOf } from './connection';
import { guardDb } from './db-errors';
import type { SourceWrite, WriteLog } from '../ports/write-log';

interface WriteDoc {
  _id: string;
  kind: 'generation' | 'source';
  value?: string;
  what?: string;
  source?: string;
  records?: number;
  at: Date;
}

const writeSchema = new Schema<WriteDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    value: String,
    what: String,
    source: String,
    records: Number,
    at: { type: Date, required: true },
  },
  { versionKey: false, collection: 'penny_writes', autoIndex: false },
);

const GENERATION_ID = 'generation';

export class MongoWriteLog implements WriteLog {
  private readonly model: Model<WriteDoc>;
  private readonly limits: DbLimits;

  constructor(conn: Connection) {
    this.model = (conn.models.PennyWrite as Model<WriteDoc> | undefined) ?? conn.model<WriteDoc>('PennyWrite', writeSchema);
    this.limits = dbLimitsOf(conn);
  }

  /** Cached reads ask the generation first: a failure here must name the database, like any other. */
  costsWritten(sources: ReadonlyMap<string, number>, at: Date): Promise<void> {
    return guardDb(this.limits, () => this.logWrite(sources, at));
  }

  private async logWrite(sources: ReadonlyMap<string, number>, at: Date): Promise<void> {
    if (sources.size > 0) {
      await this.model.bulkWrite(
        [...sources].map(([source, records]) => ({
          updateOne: { filter: { _id: `source:${source}` }, update: { $set: { kind: 'source', source, records, at } }, upsert: true },
        })),
        { ordered: false },
      );
    }
    await this.changed(`costs from ${[...sources.keys()].join(', ') || 'no source'}`, at);
  }

  changed(what: string, at: Date): Promise<void> {
    return guardDb(this.limits, () => this.setGeneration(what, at));
  }

  private async setGeneration(what: string, at: Date): Promise<void> {
    await this.model.updateOne({ _id: GENERATION_ID }, { $set: { kind: 'generation', value: randomUUID(), what, at } }, { upsert: true });
  }

  /** Asked before every cached read: straight to the driver, by `_id` (the one lookup FerretDB v1 indexes). */
  generation(): Promise<string> {
    return guardDb(this.limits, async () => {
      const doc = await this.model.collection.findOne({ _id: GENERATION_ID as never }, { projection: { value: 1 } });
      return (doc?.value as string | undefined) ?? 'none';
    });
  }

  sources(): Promise<SourceWrite[]> {
    return guardDb(this.limits, async () => {
      const docs = await this.model.find({ kind: 'source' }).lean();
      return docs.map((d) => ({ source: d.source ?? d._id.slice('source:'.length), lastWriteAt: d.at, records: d.records ?? 0 })).sort((a, b) => a.source.localeCompare(b.source));
    });
  }
}

export class MongoDatabaseProbe implements DatabaseProbe {
  constructor(private readonly conn: Connection) {}

  async ping(): Promise<void> {
    const db = this.conn.db;
    if (!db || this.conn.readyState !== 1) throw new Error('not connected');
    await db.command({ ping: 1 });
  }
}
