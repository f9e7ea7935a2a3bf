/**
 * Event receipts in MongoDB: one document per Slack event id, inserted under a unique `_id`
 * (the one atomic arbiter on both MongoDB and FerretDB v1; see digest-deliveries.ts). Slack
 * retries an event for minutes, not days, so receipts older than a day are pruned now and then.
 */
import type { Collection, Connection } from 'mongoose';
import { systemClock, type Clock } from '../ports/clock';
import type { EventReceipts } from '../ports/event-receipts';
import { dbLimitsOf } from './connection';
import { guardDb } from './db-errors';

const KEEP_MS = 24 * 3_600_000;
const PRUNE_EVERY = 200;

interface ReceiptDoc {
  _id: string;
  at: Date;
}

export class MongoEventReceipts implements EventReceipts {
  private readonly receipts: Collection<ReceiptDoc>;
  private claims = 0;

  constructor(private readonly conn: Connection, private readonly clock: Clock = systemClock) {
    this.receipts = conn.collection<ReceiptDoc>('slack_event_receipts');
  }

  claim(eventId: string): Promise<boolean> {
    return guardDb(dbLimitsOf(this.conn), () => this.insert(eventId));
  }

  private async insert(eventId: string): Promise<boolean> {
    const now = this.clock.now();
    try {
      await this.receipts.insertOne({ _id: eventId, at: now });
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
    this.claims += 1;
    if (this.claims % PRUNE_EVERY === 0) await this.receipts.deleteMany({ at: { $lt: new Date(now.getTime() - KEEP_MS) } });
    return true;
  }
}
