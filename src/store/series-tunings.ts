/** Per-series tuning from alert feedback, one document per series key. */
import type { Collection, Connection } from 'mongoose';
import type { SeriesTuning } from '../domain/anomaly/series-tuning';
import type { SeriesTunings } from '../ports/alerts';

type TuningDoc = SeriesTuning & { _id: string };

export class MongoSeriesTunings implements SeriesTunings {
  private readonly docs: Collection<TuningDoc>;

  constructor(conn: Connection) {
    this.docs = conn.collection<TuningDoc>('series_tunings');
  }

  async get(seriesKey: string): Promise<SeriesTuning | undefined> {
    const doc = await this.docs.findOne({ _id: seriesKey });
    return doc ? toTuning(doc) : undefined;
  }

  async all(): Promise<Map<string, SeriesTuning>> {
    const docs = await this.docs.find({}).toArray();
    return new Map(docs.map((d) => [d._id, toTuning(d)]));
  }

  async set(seriesKey: string, tuning: SeriesTuning): Promise<void> {
    await this.docs.replaceOne({ _id: seriesKey }, toTuning({ _id: seriesKey, ...tuning }), { upsert: true }).catch(async (error: { code?: number }) => {
      if (error.code !== 11000) throw error;
      await this.docs.replaceOne({ _id: seriesKey }, toTuning({ _id: seriesKey, ...tuning }), { upsert: true });
    });
  }
}

function toTuning(doc: TuningDoc): SeriesTuning {
  const out: SeriesTuning = {};
  if (doc.thresholdMultiplier !== undefined) out.thresholdMultiplier = doc.thresholdMultiplier;
  if (doc.mutedUntil !== undefined) out.mutedUntil = doc.mutedUntil;
  return out;
}
