/**
 * Builds the Google Cloud source for the composition root. Credentials: Application Default
 * Credentials, unless an auth client is given (tests). PENNY_GCP_BIGQUERY_ENDPOINT points it
 * elsewhere. Jobs run in the billing table's project.
 */
import { BigQuery, type BigQueryOptions } from '@google-cloud/bigquery';
import type { Clock } from '../../ports/clock';
import type { RetryPolicy } from '../shared/retry';
import { GcpCostSource } from './gcp-cost-source';

export interface GcpFactoryOptions {
  billingTable: string;
  bigqueryEndpoint?: string;
  clock: Clock;
  authClient?: BigQueryOptions['authClient'];
  requestTimeoutMs?: number;
  pageRows?: number;
  retry?: RetryPolicy;
}

export function createGcpCostSource(options: GcpFactoryOptions): GcpCostSource {
  const bigquery = new BigQuery({
    projectId: options.billingTable.split('.')[0],
    ...(options.bigqueryEndpoint ? { apiEndpoint: options.bigqueryEndpoint } : {}),
    ...(options.authClient ? { authClient: options.authClient } : {}),
    retryOptions: { autoRetry: false }, // Penny retries itself and counts every request
  });
  return new GcpCostSource(bigquery, { table: options.billingTable, clock: options.clock, retry: options.retry, requestTimeoutMs: options.requestTimeoutMs, pageRows: options.pageRows });
}
