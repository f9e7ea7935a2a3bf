import { Schema, type Connection, type Model } from 'mongoose';
import type { MetaStore } from '../ports/meta-store';

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

  constructor(conn: Connection) {
    this.model = conn.models.PennyMeta ?? conn.model<MetaDoc>('PennyMeta', metaSchema);
  }

  async get<T>(key: string): Promise<T | undefined> {
    const doc = await this.model.findById(key).lean();
    return doc ? (doc.value as T) : undefined;
  }

  async set<T>(key: string, value: T): Promise<void> {
    await this.model.updateOne({ _id: key }, { $set: { value, updatedAt: new Date() } }, { upsert: true });
  }
}
