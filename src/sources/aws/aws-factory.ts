/**
 * Builds the AWS source for the composition root. Credentials come from the SDK's default
 * provider chain; AWS_ENDPOINT_URL_COST_EXPLORER (read by the SDK) points it elsewhere.
 */
import { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import type { Clock } from '../../ports/clock';
import type { RetryPolicy } from '../shared/retry';
import { AwsCostSource } from './aws-cost-source';

export interface AwsFactoryOptions {
  clock: Clock;
  requestTimeoutMs?: number;
  retry?: RetryPolicy;
}

export function createAwsCostSource(options: AwsFactoryOptions): AwsCostSource {
  const client = new CostExplorerClient({
    region: 'us-east-1', // Cost Explorer's one endpoint lives there
    maxAttempts: 1, // Penny retries itself, so that every request is counted (each costs $0.01)
    requestHandler: { requestTimeout: options.requestTimeoutMs ?? 60_000, throwOnRequestTimeout: true },
  });
  return new AwsCostSource(client, { clock: options.clock, retry: options.retry });
}
