/**
 * Recommendation marks (dismissed, snoozed), first-seen days and job claims, in MongoDB. Money is
 * Int64 nanos (FerretDB v1 has no Decimal128); claims are unique _id inserts, which both servers
 * enforce, so two instances cannot both win one.
 */
import { Schema, type Connection, type Model } from 'mongoose';
import type { RecommendationMark } from '../domain/advice/recommendation-state';
import type { Day } from '../domain/days';
import type { RecommendationMarks } from '../ports/recommendation-marks';

interface MarkDoc {
  _id: string;
  state: 'dismissed' | 'snoozed';
  by: string;
  at: Date;
  until?: string;
  saving: bigint;
  currency: string;
  materialKey: string;
}

interface SeenDoc {
  _id: string;
  firstSeen: string;
}

interface ClaimDoc {
  _id: string; // `${job}|${key}`
  job: string;
  key: string;
  owner: string;
  at: Date;
}

const markSchema = new Schema<MarkDoc>(
  {
    _id: { type: String, required: true },
    state: { type: String, required: true },
    by: { type: String, default: '' },
    at: { type: Date, required: true },
    until: String,
    saving: { type: BigInt, required: true },
    currency: { type: String, default: '' },
    materialKey: { type: String, default: '' },
  },
  { versionKey: false, collection: 'recommendation_marks' },
);
const seenSchema = new Schema<SeenDoc>({ _id: { type: String, required: true }, firstSeen: { type: String, required: true } }, { versionKey: false, collection: 'recommendation_seen' });
const claimSchema = new Schema<ClaimDoc>(
  { _id: { type: String, required: true }, job: String, key: String, owner: String, at: Date },
  { versionKey: false, collection: 'job_claims' },
);

export class MongoRecommendationMarks implements RecommendationMarks {
  private readonly markModel: Model<MarkDoc>;
  private readonly seenModel: Model<SeenDoc>;
  private readonly claimModel: Model<ClaimDoc>;

  constructor(conn: Connection, private readonly clock: { now(): Date } = { now: () => new Date() }) {
    this.markModel = conn.models.RecommendationMark ?? conn.model<MarkDoc>('RecommendationMark', markSchema);
    this.seenModel = conn.models.RecommendationSeen ?? conn.model<SeenDoc>('RecommendationSeen', seenSchema);
    this.claimModel = conn.models.JobClaim ?? conn.model<ClaimDoc>('JobClaim', claimSchema);
  }

  async marks(ids: readonly string[]): Promise<Map<string, RecommendationMark>> {
    if (ids.length === 0) return new Map();
    const docs = await this.markModel.find({ _id: { $in: [...ids] } }).lean();
    return new Map(docs.map((d) => [d._id, toMark(d)]));
  }

  async setMark(mark: RecommendationMark): Promise<void> {
    const doc: Omit<MarkDoc, '_id'> = {
      state: mark.state, by: mark.by, at: mark.at, saving: mark.fingerprint.monthlySaving, currency: mark.fingerprint.currency, materialKey: mark.fingerprint.materialKey,
      ...(mark.until ? { until: mark.until } : {}),
    };
    // Replaced whole, so a dismissal after a snooze leaves no `until` behind.
    await this.markModel.replaceOne({ _id: mark.id }, doc, { upsert: true });
  }

  async clearMark(id: string): Promise<void> {
    await this.markModel.deleteOne({ _id: id });
  }

  async seen(ids: readonly string[], day: Day): Promise<Map<string, Day>> {
    if (ids.length === 0) return new Map();
    await this.seenModel.bulkWrite(ids.map((id) => ({ updateOne: { filter: { _id: id }, update: { $setOnInsert: { firstSeen: day } }, upsert: true } })), { ordered: false });
    const docs = await this.seenModel.find({ _id: { $in: [...ids] } }).lean();
    return new Map(docs.map((d) => [d._id, d.firstSeen]));
  }

  async claim(job: string, key: string, owner: string): Promise<boolean> {
    try {
      await this.claimModel.create({ _id: `${job}|${key}`, job, key, owner, at: this.clock.now() });
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
  }
}

function toMark(d: MarkDoc): RecommendationMark {
  return {
    id: d._id, state: d.state, by: d.by, at: d.at, ...(d.until ? { until: d.until } : {}),
    fingerprint: { monthlySaving: BigInt(d.saving), currency: d.currency, materialKey: d.materialKey },
  };
}
