/** Posts a scheduled report to a channel as a file, with the note that goes with it. */
import type { WebClient } from '@slack/web-api';
import type { ReportAnswer } from '../answers/types';
import type { ReportPoster } from '../ports/report-schedules';
import { reportMessage } from './blocks';

export class SlackReportPoster implements ReportPoster {
  constructor(private readonly client: WebClient) {}

  async postReport(channel: string, report: ReportAnswer): Promise<{ id: string }> {
    const note = reportMessage(report);
    const uploaded = await this.client.files.uploadV2({ channel_id: channel, content: report.content, filename: report.filename, title: report.title, initial_comment: note.text });
    const files = (uploaded as { files?: { files?: { id?: string }[] }[] }).files ?? [];
    return { id: files[0]?.files?.[0]?.id ?? '' };
  }
}
