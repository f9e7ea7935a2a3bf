import { Schema, type Connection, type Model } from 'mongoose';
import type { DbLimits } from '../ports/db-limits';
import type { MetaStore } from '../ports/meta-store';
import { dbLimitsOf } from './connection';
import { guardDb } from './db-errors';

interface MetaDoc {
  _id: string;
  value: unknown;
  updatedAt: Date;
}

const metaSchema = new Schema<MetaDoc>(
  { _id: { type: String, required: true }, value: Schema.Types.Mixed, updatedAt: Date },
  { versionKey: false, collection: 'penny_meta' },
);

export class MongoMetaStore implements MetaStore {
  private readonly model: Model<MetaDoc>;
  private readonly limits: DbLimits;

  constructor(conn: Connection) {
    this.model = conn.models.PennyMeta ?? conn.model<MetaDoc>('PennyMeta', metaSchema);
    this.limits = dbLimitsOf(conn);
  }

  get<T>(key: string): Promise<T | undefined> {
    return guardDb(this.limits, async () => {
      const doc = await this.model.findById(key).lean();
      return doc ? (doc.value as T) : undefined;
    });
  }

  set<T>(key: string, value: T): Promise<void> {
    return guardDb(this.limits, async () => {
      await this.model.updateOne({ _id: key }, { $set: { value, updatedAt: new Date() } }, { upsert: true });
    });
  }
}
