/**
 * The one BigQuery query over the Cloud Billing export (standard or detailed table; both have
 * these columns). Aggregated in BigQuery: one row per day, project, service, region, currency
 * and cost type. Amounts are summed as NUMERIC (exact to 1e-9) and sent back as text, so no
 * float ever reaches a sum. The table id comes only from validated config; values are @params.
 *
 * The export tables are partitioned by ingestion day (_PARTITIONTIME). Rows for a usage day land
 * in that day's partition or a later one (late and corrected data), so the partition filter has
 * a lower bound only (a day early, for safety) and usage_start_time picks the days.
 */
import type { DateRange } from '../../domain/days';

export const GCP_COLUMNS = ['day', 'billing_account_id', 'project_id', 'project_name', 'service', 'region', 'currency', 'cost_type', 'cost', 'credits'] as const;
export type GcpColumn = (typeof GCP_COLUMNS)[number];

export function billingQuery(table: string): string {
  if (!/^[a-z][a-z0-9-]+\.[A-Za-z0-9_]+\.[A-Za-z0-9_$-]+$/.test(table)) throw new Error(`not a table id: ${table}`);
  return `SELECT
  FORMAT_DATE('%F', DATE(usage_start_time)) AS day,
  billing_account_id,
  IFNULL(project.id, '') AS project_id,
  IFNULL(ANY_VALUE(project.name), '') AS project_name,
  IFNULL(service.description, '') AS service,
  IFNULL(location.region, IFNULL(location.location, '')) AS region,
  currency,
  IFNULL(cost_type, 'regular') AS cost_type,
  CAST(SUM(CAST(cost AS NUMERIC)) AS STRING) AS cost,
  CAST(SUM(IFNULL((SELECT SUM(CAST(c.amount AS NUMERIC)) FROM UNNEST(credits) AS c), 0)) AS STRING) AS credits
FROM \`${table}\`
WHERE _PARTITIONTIME >= TIMESTAMP_SUB(TIMESTAMP(@start_day), INTERVAL 1 DAY)
  AND usage_start_time >= TIMESTAMP(@start_day)
  AND usage_start_time < TIMESTAMP(@end_day)
GROUP BY day, billing_account_id, project_id, service, region, currency, cost_type
ORDER BY day`;
}

/** jobs.query parameters in the REST API's own shape (named, typed). */
export function queryParameters(range: DateRange): { name: string; parameterType: { type: string }; parameterValue: { value: string } }[] {
  return [
    { name: 'start_day', parameterType: { type: 'DATE' }, parameterValue: { value: range.start } },
    { name: 'end_day', parameterType: { type: 'DATE' }, parameterValue: { value: range.end } },
  ];
}
