/**
 * Anomaly events in MongoDB: `_id` is the event key, so creating one is a unique insert.
 * Later writes go by `_id` only. Amounts are Int64 nanos; reads ask the driver for bigints.
 */
import type { Collection, Connection } from 'mongoose';
import type { DateRange } from '../domain/days';
import type { AnomalyEvent, AnomalyEvents } from '../ports/alerts';
import { isDuplicateKey } from './duplicate-key';

type EventDoc = Omit<AnomalyEvent, 'id'> & { _id: string; day: string };

const READ = { useBigInt64: true } as const;

export class MongoAnomalyEvents implements AnomalyEvents {
  private readonly docs: Collection<EventDoc>;

  constructor(conn: Connection) {
    this.docs = conn.collection<EventDoc>('anomaly_events');
  }

  async create(event: AnomalyEvent): Promise<boolean> {
    const { id, ...rest } = event;
    try {
      await this.docs.insertOne({ _id: id, ...rest, day: event.anomaly.day });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async get(id: string): Promise<AnomalyEvent | undefined> {
    const doc = await this.docs.findOne({ _id: id }, READ);
    return doc ? toEvent(doc) : undefined;
  }

  async revise(id: string, patch: Pick<AnomalyEvent, 'anomaly' | 'drivers' | 'status' | 'chart'>, at: Date): Promise<AnomalyEvent | undefined> {
    const current = await this.get(id);
    if (!current) return undefined;
    // Set, not $inc: FerretDB runs updates as read-then-write, and two instances revising the
    // same event from the same data agree on the number anyway.
    await this.docs.updateOne({ _id: id }, { $set: { ...patch, day: patch.anomaly.day, revision: current.revision + 1, updatedAt: at } });
    return this.get(id);
  }

  async addFeedback(id: string, note: AnomalyEvent['feedback'][number]): Promise<AnomalyEvent | undefined> {
    await this.docs.updateOne({ _id: id }, { $push: { feedback: note } });
    return this.get(id);
  }

  async inRange(range: DateRange): Promise<AnomalyEvent[]> {
    const docs = await this.docs.find({ day: { $gte: range.start, $lt: range.end } }, READ).toArray();
    return docs.map(toEvent).sort((a, b) => a.anomaly.day.localeCompare(b.anomaly.day) || a.id.localeCompare(b.id));
  }

  async latestOf(seriesKey: string, sinceDay: string): Promise<AnomalyEvent | undefined> {
    const docs = await this.docs.find({ seriesKey, day: { $gte: sinceDay } }, READ).toArray();
    return docs.map(toEvent).sort((a, b) => b.anomaly.day.localeCompare(a.anomaly.day))[0];
  }
}

function toEvent(doc: EventDoc): AnomalyEvent {
  const { _id, day: _day, ...rest } = doc;
  return { id: _id, ...rest, feedback: [...(rest.feedback ?? [])], drivers: [...(rest.drivers ?? [])] };
}
