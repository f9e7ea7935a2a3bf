/** Reports sent to a channel on a schedule, and who posts them. */
import type { ReportCadence, ReportFormat } from '../answers/cost-report';
import type { ReportAnswer } from '../answers/types';

export interface ReportSchedule {
  channel: string;
  cadence: ReportCadence;
  format: ReportFormat;
  /** Slack user id (or `api:…`, `cli`) of whoever set it. */
  createdBy: string;
  updatedAt: Date;
}

export interface ReportSchedules {
  /** One schedule per channel and cadence: setting it again replaces it. */
  upsert(schedule: ReportSchedule): Promise<void>;
  remove(channel: string, cadence: ReportCadence): Promise<boolean>;
  list(): Promise<ReportSchedule[]>;
}

/** Posts a report file to a channel; resolves with the file's id. Gives up in bounded time. */
export interface ReportPoster {
  postReport(channel: string, report: ReportAnswer): Promise<{ id: string }>;
}
