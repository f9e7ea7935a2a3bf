/** Report schedules in MongoDB, one document per channel and cadence (`_id` = `C…:weekly`). */
import { Schema, type Connection, type Model } from 'mongoose';
import type { ReportSchedule, ReportSchedules } from '../ports/report-schedules';

interface ScheduleDoc extends ReportSchedule {
  _id: string;
}

const scheduleSchema = new Schema<ScheduleDoc>(
  {
    _id: { type: String, required: true },
    channel: { type: String, required: true },
    cadence: { type: String, required: true, enum: ['weekly', 'monthly'] },
    format: { type: String, required: true, enum: ['csv', 'json'] },
    createdBy: { type: String, default: '' },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'report_schedules', autoIndex: false },
);

const MODEL = 'ReportSchedule';
const idOf = (channel: string, cadence: ReportSchedule['cadence']) => `${channel}:${cadence}`;

export class MongoReportSchedules implements ReportSchedules {
  private readonly model: Model<ScheduleDoc>;

  constructor(conn: Connection) {
    this.model = (conn.models[MODEL] as Model<ScheduleDoc> | undefined) ?? conn.model<ScheduleDoc>(MODEL, scheduleSchema);
  }

  async upsert(s: ReportSchedule): Promise<void> {
    const { channel, cadence, format, createdBy, updatedAt } = s;
    await this.model.updateOne({ _id: idOf(channel, cadence) }, { $set: { channel, cadence, format, createdBy, updatedAt } }, { upsert: true });
  }

  async remove(channel: string, cadence: ReportSchedule['cadence']): Promise<boolean> {
    return (await this.model.deleteOne({ _id: idOf(channel, cadence) })).deletedCount > 0;
  }

  async list(): Promise<ReportSchedule[]> {
    const docs = await this.model.find({}).lean<ScheduleDoc[]>();
    return docs.map(({ _id: _ignored, ...s }) => s).sort((a, b) => a.channel.localeCompare(b.channel) || a.cadence.localeCompare(b.cadence));
  }
}
