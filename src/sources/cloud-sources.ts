/**
 * The one place the composition root gets cloud sources from: the enabled ones, built from
 * typed config, in PENNY_SOURCES order, and the request caps that go with them.
 */
import { AppError } from '../domain/errors';
import type { Clock } from '../ports/clock';
import type { RecommendationAdviser } from '../ports/advisers';
import type { SyncableSource } from '../ports/cost-source';
import type { RequestCap } from '../ports/request-counts';
import { createAwsAdviser, createAwsCostSource } from './aws/aws-factory';
import { createAzureCostSource } from './azure/azure-factory';
import { createGcpCostSource, type GcpFactoryOptions } from './gcp/gcp-factory';

/** What the sources need from the settings (config's CloudConfig has this shape). */
export interface CloudSourceSettings {
  sources: readonly ('aws' | 'gcp' | 'azure')[];
  gcp: { billingTable?: string; bigqueryEndpoint?: string };
  azure: { scopes: string[]; resourceManagerEndpoint?: string; authorityHost?: string };
  aws: { monthlyRequestCap: number };
}

export interface CloudSourceDeps {
  clock: Clock;
  /** Tests: a BigQuery auth client with a preset token (else Application Default Credentials). */
  gcpAuthClient?: GcpFactoryOptions['authClient'];
  /** Tests and private endpoints: an extra CA for Azure's HTTPS. */
  azureCa?: string;
  requestTimeoutMs?: number;
}

export function createCloudSources(cloud: CloudSourceSettings, deps: CloudSourceDeps): SyncableSource[] {
  return cloud.sources.map((id): SyncableSource => {
    if (id === 'aws') return createAwsCostSource({ clock: deps.clock, requestTimeoutMs: deps.requestTimeoutMs });
    if (id === 'gcp') {
      if (!cloud.gcp.billingTable) throw new AppError('NOT_CONFIGURED', 'Set PENNY_GCP_BILLING_TABLE to sync Google Cloud costs.');
      return createGcpCostSource({ ...cloud.gcp, billingTable: cloud.gcp.billingTable, clock: deps.clock, authClient: deps.gcpAuthClient, requestTimeoutMs: deps.requestTimeoutMs });
    }
    if (cloud.azure.scopes.length === 0) throw new AppError('NOT_CONFIGURED', 'Set PENNY_AZURE_SCOPES to sync Azure costs.');
    return createAzureCostSource({ ...cloud.azure, clock: deps.clock, ca: deps.azureCa, requestTimeoutMs: deps.requestTimeoutMs });
  });
}

/** Monthly request caps by source: Cost Explorer bills each request. */
export function cloudRequestCaps(cloud: CloudSourceSettings): Record<string, RequestCap> {
  return { aws: { limit: cloud.aws.monthlyRequestCap, setting: 'PENNY_AWS_CE_MONTHLY_REQUEST_CAP', api: 'Cost Explorer' } };
}

/** The clouds' own recommendation advisers for the enabled sources (AWS Cost Explorer's today). */
export function createAdvisers(cloud: CloudSourceSettings, deps: Pick<CloudSourceDeps, 'requestTimeoutMs'> = {}): RecommendationAdviser[] {
  return cloud.sources.includes('aws') ? [createAwsAdviser({ requestTimeoutMs: deps.requestTimeoutMs })] : [];
}
