/**
 * Builds the Azure source for the composition root. Credentials: DefaultAzureCredential
 * (environment, workload identity, managed identity, Azure CLI…). AZURE_RESOURCE_MANAGER_ENDPOINT
 * and AZURE_AUTHORITY_HOST (read by config) point it elsewhere; with a custom authority host,
 * instance discovery (a call to login.microsoftonline.com) is off. `ca` lets the HTTPS agents
 * of both the credential and the client trust a private CA without NODE_EXTRA_CA_CERTS.
 */
import { CostManagementClient } from '@azure/arm-costmanagement';
import { DefaultAzureCredential } from '@azure/identity';
import type { Clock } from '../../ports/clock';
import type { RetryPolicy } from '../shared/retry';
import { AzureCostSource } from './azure-cost-source';
import { exactNumbersPolicy } from './azure-numbers';

export interface AzureFactoryOptions {
  scopes: string[];
  resourceManagerEndpoint?: string;
  authorityHost?: string;
  clock: Clock;
  /** PEM of an extra CA to trust (tests; private endpoints). */
  ca?: string;
  requestTimeoutMs?: number;
  retry?: RetryPolicy;
}

export function createAzureCostSource(options: AzureFactoryOptions): AzureCostSource {
  const endpoint = (options.resourceManagerEndpoint ?? 'https://management.azure.com').replace(/\/$/, '');
  const tlsOptions = options.ca ? { ca: options.ca } : undefined;
  const credential = new DefaultAzureCredential({
    ...(options.authorityHost ? { authorityHost: options.authorityHost, disableInstanceDiscovery: true } : {}),
    ...(tlsOptions ? { tlsOptions } : {}),
  } as ConstructorParameters<typeof DefaultAzureCredential>[0]);
  const client = new CostManagementClient(credential, {
    endpoint,
    $host: endpoint,
    credentialScopes: [`${endpoint}/.default`],
    retryOptions: { maxRetries: 0 }, // Penny retries itself (and honours the cost-management retry-after headers)
    ...(tlsOptions ? { tlsOptions } : {}),
  });
  client.pipeline.addPolicy(exactNumbersPolicy(), { afterPhase: 'Deserialize' });
  return new AzureCostSource(client, { scopes: options.scopes, endpoint, clock: options.clock, retry: options.retry, requestTimeoutMs: options.requestTimeoutMs });
}
