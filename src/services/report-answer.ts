/** A built report as the file answer every face delivers (Slack upload, console file, CLI stdout). */
import type { CostReport, ReportFormat } from '../answers/cost-report';
import { reportContent, reportFilename, reportRows } from '../answers/report-formats';
import type { ReportAnswer } from '../answers/types';

export function reportAnswer(report: CostReport, format: ReportFormat): ReportAnswer {
  return {
    kind: 'report',
    cadence: report.cadence,
    periodLabel: report.periodLabel,
    format,
    filename: reportFilename(report, format),
    rows: reportRows(report).length,
    content: reportContent(report, format),
    title: `Penny ${report.cadence} report, ${report.periodLabel}`,
  };
}
