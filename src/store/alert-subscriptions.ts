/** Alert subscriptions in MongoDB, one document per channel (`_id` = channel id). */
import type { Collection, Connection } from 'mongoose';
import type { AlertSubscription, AlertSubscriptions } from '../ports/alerts';

type SubscriptionDoc = Omit<AlertSubscription, 'channel'> & { _id: string };

export class MongoAlertSubscriptions implements AlertSubscriptions {
  private readonly docs: Collection<SubscriptionDoc>;

  constructor(conn: Connection) {
    this.docs = conn.collection<SubscriptionDoc>('alert_subscriptions');
  }

  async upsert(sub: AlertSubscription): Promise<void> {
    const { channel, ...fields } = sub;
    await this.docs.replaceOne({ _id: channel }, fields, { upsert: true }).catch(async (error: { code?: number }) => {
      // Two first-time subscriptions of one channel race to insert the same _id; the loser replaces.
      if (error.code !== 11000) throw error;
      await this.docs.replaceOne({ _id: channel }, fields, { upsert: true });
    });
  }

  async disable(channel: string): Promise<boolean> {
    return (await this.docs.updateOne({ _id: channel }, { $set: { enabled: false } })).matchedCount > 0;
  }

  async get(channel: string): Promise<AlertSubscription | undefined> {
    const doc = await this.docs.findOne({ _id: channel });
    return doc ? toDomain(doc) : undefined;
  }

  async listEnabled(): Promise<AlertSubscription[]> {
    const docs = await this.docs.find({ enabled: true }).toArray();
    return docs.map(toDomain).sort((a, b) => a.channel.localeCompare(b.channel));
  }
}

function toDomain(doc: SubscriptionDoc): AlertSubscription {
  const f = doc.filters ?? {};
  return {
    channel: doc._id,
    filters: { providers: [...(f.providers ?? [])], accounts: [...(f.accounts ?? [])], services: [...(f.services ?? [])], regions: [...(f.regions ?? [])], tags: [...(f.tags ?? [])] },
    enabled: doc.enabled,
    createdBy: doc.createdBy ?? '',
    since: doc.since,
  };
}
