/**
 * API requests per source and UTC day, in `api_request_counts` (one small document a day).
 * A month's count is the sum of its days, added up here rather than in an aggregation.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import type { Day } from '../domain/days';
import type { RequestCountRepository } from '../ports/request-counts';

interface RequestCountDoc {
  _id: string; // `${source}|${day}`
  source: string;
  day: string;
  count: number;
}

const requestCountSchema = new Schema<RequestCountDoc>(
  { _id: { type: String, required: true }, source: { type: String, required: true }, day: { type: String, required: true }, count: { type: Number, default: 0 } },
  { versionKey: false, collection: 'api_request_counts' },
);

export class MongoRequestCountRepository implements RequestCountRepository {
  private readonly model: Model<RequestCountDoc>;

  constructor(conn: Connection) {
    this.model = conn.models.ApiRequestCount ?? conn.model<RequestCountDoc>('ApiRequestCount', requestCountSchema);
  }

  async add(source: string, day: Day, requests: number): Promise<void> {
    await this.model.updateOne({ _id: `${source}|${day}` }, { $inc: { count: requests }, $setOnInsert: { source, day } }, { upsert: true });
  }

  async total(source: string, from: Day, to: Day): Promise<number> {
    const docs = await this.model.find({ source, day: { $gte: from, $lte: to } }, { count: 1 }).lean();
    return docs.reduce((sum, d) => sum + d.count, 0);
  }
}
