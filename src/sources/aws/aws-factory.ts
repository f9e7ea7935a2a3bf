/**
 * Builds the AWS source for the composition root. Credentials come from the SDK's default
 * provider chain; AWS_ENDPOINT_URL_COST_EXPLORER (read by the SDK) points it elsewhere.
 */
import { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import type { Clock } from '../../ports/clock';
import type { RetryPolicy } from '../shared/retry';
import { AwsRecommendationAdviser } from './aws-advice';
import { AwsCostSource } from './aws-cost-source';

export interface AwsFactoryOptions {
  clock: Clock;
  requestTimeoutMs?: number;
  retry?: RetryPolicy;
}

function costExplorerClient(requestTimeoutMs = 60_000): CostExplorerClient {
  return new CostExplorerClient({
    region: 'us-east-1', // Cost Explorer's one endpoint lives there
    maxAttempts: 1, // Penny retries itself, so that every request is counted (each costs $0.01)
    requestHandler: { requestTimeout: requestTimeoutMs, throwOnRequestTimeout: true },
  });
}

export function createAwsCostSource(options: AwsFactoryOptions): AwsCostSource {
  return new AwsCostSource(costExplorerClient(options.requestTimeoutMs), { clock: options.clock, retry: options.retry });
}

/** AWS's own rightsizing and Savings Plans recommendations, through the same kind of client. */
export function createAwsAdviser(options: Omit<AwsFactoryOptions, 'clock'> & { pageSize?: number }): AwsRecommendationAdviser {
  return new AwsRecommendationAdviser(costExplorerClient(options.requestTimeoutMs), { retry: options.retry, pageSize: options.pageSize });
}
