/** A small catalog of names, as a store's dimensionValues would list them, for parser tests. */
import { AskCatalog, type CatalogValues } from '../../../../src/services/ask';
import type { CatalogDim, DimensionValue } from '../../../../src/ports/cost-store';

const v = (dim: CatalogDim, value: string, label = '', parent?: string): DimensionValue => ({ dim, value, label, ...(parent ? { parent } : {}) });

export const VALUES: CatalogValues = {
  provider: [v('provider', 'aws', 'AWS'), v('provider', 'azure', 'Microsoft')],
  account: [
    v('account', '111111111111', 'prod-core', 'B1'), v('account', '333333333333', 'staging', 'B1'),
    v('account', '/subscriptions/5f1c2a9e-1111-4c2b-9d1e-0a1b2c3d4e5f', 'Corp-IT', 'B2'),
  ],
  service: [
    v('service', 'Amazon Elastic Compute Cloud', '', 'Compute'), v('service', 'Amazon Simple Storage Service', '', 'Storage'),
    v('service', 'AWS Lambda', '', 'Compute'), v('service', 'AmazonCloudWatch', '', 'Management and Governance'),
    v('service', 'Amazon Elastic Container Service', '', 'Containers'), v('service', 'Amazon Elastic Container Service for Kubernetes', '', 'Containers'),
    v('service', 'Virtual Machines', '', 'Compute'), v('service', 'Storage Accounts', '', 'Storage'),
  ],
  region: [v('region', 'us-east-1', 'US East (N. Virginia)'), v('region', 'westeurope', 'West Europe'), v('region', 'eu-central-1', 'External')],
  'tag-key': [v('tag-key', 'team'), v('tag-key', 'env')],
};

export const catalog = new AskCatalog(VALUES);
