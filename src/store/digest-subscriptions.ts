/**
 * Digest subscriptions in MongoDB, one document per channel (`_id` = channel id).
 * Writes are keyed by `_id` only, which FerretDB v1 and MongoDB both handle the same way.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import type { DigestSubscription, DigestSubscriptions } from '../ports/digests';
import { dbLimitsOf } from './connection';
import { guardDb } from './db-errors';

/** The subscription with its channel as `_id`. */
type SubscriptionDoc = Omit<DigestSubscription, 'channel'> & { _id: string };

const subscriptionSchema = new Schema<SubscriptionDoc>(
  {
    _id: { type: String, required: true },
    time: { type: String, required: true, match: /^([01]\d|2[0-3]):[0-5]\d$/ },
    timeZone: { type: String, required: true },
    providers: { type: [String], default: [] },
    enabled: { type: Boolean, required: true },
    createdBy: { type: String, default: '' },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'digest_subscriptions', autoIndex: false },
);
subscriptionSchema.index({ enabled: 1 });

const MODEL = 'DigestSubscription';

export class MongoDigestSubscriptions implements DigestSubscriptions {
  private readonly model: Model<SubscriptionDoc>;

  constructor(private readonly conn: Connection) {
    this.model = (conn.models[MODEL] as Model<SubscriptionDoc> | undefined) ?? conn.model<SubscriptionDoc>(MODEL, subscriptionSchema);
  }

  /** Creates the collection's indexes (the app connects with autoIndex off). */
  async init(): Promise<void> {
    await this.guard(() => this.model.createIndexes());
  }

  upsert(sub: DigestSubscription): Promise<void> {
    return this.guard(() => this.save(sub));
  }

  private async save(sub: DigestSubscription): Promise<void> {
    const { channel, ...fields } = sub;
    const write = () => this.model.updateOne({ _id: channel }, { $set: { ...fields, providers: [...fields.providers] } }, { upsert: true, runValidators: true });
    try {
      await write();
    } catch (error) {
      // Two first-time upserts of one channel race to insert the same _id; the loser updates.
      if ((error as { code?: number }).code !== 11000) throw error;
      await write();
    }
  }

  disable(channel: string, at: Date = new Date()): Promise<boolean> {
    return this.guard(async () => (await this.model.updateOne({ _id: channel }, { $set: { enabled: false, updatedAt: at } })).matchedCount > 0);
  }

  get(channel: string): Promise<DigestSubscription | undefined> {
    return this.guard(async () => {
      const doc = await this.model.findById(channel).lean();
      return doc ? toDomain(doc) : undefined;
    });
  }

  listEnabled(): Promise<DigestSubscription[]> {
    return this.guard(async () => (await this.model.find({ enabled: true }).sort({ _id: 1 }).lean()).map(toDomain));
  }

  private guard<T>(work: () => Promise<T>): Promise<T> {
    return guardDb(dbLimitsOf(this.conn), work);
  }
}

function toDomain(doc: SubscriptionDoc): DigestSubscription {
  return {
    channel: doc._id,
    time: doc.time,
    timeZone: doc.timeZone,
    providers: [...(doc.providers ?? [])],
    enabled: doc.enabled,
    createdBy: doc.createdBy ?? '',
    updatedAt: doc.updatedAt,
  };
}
