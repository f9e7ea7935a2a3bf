/** GET /reports/weekly and /reports/monthly, as JSON or CSV (RFC 4180). */
import type { ReportCadence } from '../../answers/cost-report';
import { costReportCsv, costReportJson, reportFilename } from '../../answers/report-formats';
import type { CostReports } from '../../services/cost-reports';
import { parseQuery, reportParamsSchema } from '../params';
import type { Route } from '../router';

export function reportRoutes(reports: CostReports): Route[] {
  return (['weekly', 'monthly'] as ReportCadence[]).map((cadence) => ({
    method: 'GET',
    path: `/reports/${cadence}`,
    access: 'read',
    summary: `The ${cadence} report (${cadence === 'weekly' ? 'last week, Monday to Sunday' : 'last month'}): totals and costs by provider, service, account and project against the previous period, anomalies and recommendations.`,
    query: reportParamsSchema,
    response: 'Report',
    alsoAs: ['text/csv'],
    handler: async ({ query }) => {
      const { format, asOf } = parseQuery(reportParamsSchema, query);
      const report = await reports.build(cadence, asOf);
      if (format === 'json') return { json: costReportJson(report) };
      return {
        text: costReportCsv(report),
        contentType: 'text/csv; charset=utf-8; header=present',
        headers: { 'content-disposition': `attachment; filename="${reportFilename(report, 'csv')}"` },
      };
    },
  }));
}
