/**
 * The made-up company behind the demo data: its accounts, the services it uses, and its teams.
 */
export interface DemoAccount {
  provider: 'aws' | 'gcp' | 'azure';
  billingAccountId: string;
  billingAccountName: string;
  id: string;
  name: string;
  env: 'prod' | 'staging' | 'dev';
}

export interface DemoService {
  provider: DemoAccount['provider'];
  name: string;
  category: string;
  /** Typical daily cost of one resource, in currency units. */
  daily: number;
  /** How much weekends differ: compute follows people, storage does not. */
  weekendFactor: number;
  resourcePrefix: string;
}

const AWS_BILLING = { billingAccountId: '900000000001', billingAccountName: 'Acme Corp (AWS)' };
const GCP_BILLING = { billingAccountId: '01A2B3-C4D5E6-F7A8B9', billingAccountName: 'Acme Corp (GCP)' };
const AZURE_BILLING = { billingAccountId: '/providers/Microsoft.Billing/billingAccounts/7788990', billingAccountName: 'Acme Corp (Azure)' };

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { provider: 'aws', ...AWS_BILLING, id: '111111111111', name: 'prod-core', env: 'prod' },
  { provider: 'aws', ...AWS_BILLING, id: '222222222222', name: 'data-platform', env: 'prod' },
  { provider: 'aws', ...AWS_BILLING, id: '333333333333', name: 'staging', env: 'staging' },
  { provider: 'aws', ...AWS_BILLING, id: '444444444444', name: 'sandbox', env: 'dev' },
  { provider: 'gcp', ...GCP_BILLING, id: 'acme-analytics', name: 'acme-analytics', env: 'prod' },
  { provider: 'gcp', ...GCP_BILLING, id: 'acme-ml-training', name: 'acme-ml-training', env: 'prod' },
  { provider: 'gcp', ...GCP_BILLING, id: 'acme-web-dev', name: 'acme-web-dev', env: 'dev' },
  { provider: 'azure', ...AZURE_BILLING, id: '/subscriptions/5f1c2a9e-1111-4c2b-9d1e-0a1b2c3d4e5f', name: 'Corp-IT', env: 'prod' },
  { provider: 'azure', ...AZURE_BILLING, id: '/subscriptions/8e7d6c5b-2222-4a3b-8c9d-1f2e3d4c5b6a', name: 'Customer-Portal', env: 'prod' },
];

export const DEMO_SERVICES: DemoService[] = [
  { provider: 'aws', name: 'Amazon Elastic Compute Cloud', category: 'Compute', daily: 38, weekendFactor: 0.75, resourcePrefix: 'i-' },
  { provider: 'aws', name: 'Amazon Relational Database Service', category: 'Databases', daily: 44, weekendFactor: 0.95, resourcePrefix: 'db-' },
  { provider: 'aws', name: 'Amazon Simple Storage Service', category: 'Storage', daily: 9, weekendFactor: 1, resourcePrefix: 'bucket-' },
  { provider: 'aws', name: 'Amazon Elastic Block Store', category: 'Storage', daily: 4, weekendFactor: 1, resourcePrefix: 'vol-' },
  { provider: 'aws', name: 'AWS Lambda', category: 'Compute', daily: 3, weekendFactor: 0.6, resourcePrefix: 'fn-' },
  { provider: 'aws', name: 'Amazon CloudFront', category: 'Networking', daily: 7, weekendFactor: 0.85, resourcePrefix: 'dist-' },
  { provider: 'aws', name: 'Amazon Virtual Private Cloud', category: 'Networking', daily: 11, weekendFactor: 0.9, resourcePrefix: 'nat-' },
  { provider: 'aws', name: 'Amazon CloudWatch', category: 'Management and Governance', daily: 2.5, weekendFactor: 0.9, resourcePrefix: 'logs-' },
  { provider: 'aws', name: 'Amazon DynamoDB', category: 'Databases', daily: 6, weekendFactor: 0.8, resourcePrefix: 'table-' },
  { provider: 'aws', name: 'Amazon Elastic Kubernetes Service', category: 'Compute', daily: 5, weekendFactor: 1, resourcePrefix: 'eks-' },
  { provider: 'gcp', name: 'Compute Engine', category: 'Compute', daily: 30, weekendFactor: 0.75, resourcePrefix: 'vm-' },
  { provider: 'gcp', name: 'BigQuery', category: 'Analytics', daily: 26, weekendFactor: 0.5, resourcePrefix: 'dataset-' },
  { provider: 'gcp', name: 'Cloud Storage', category: 'Storage', daily: 6, weekendFactor: 1, resourcePrefix: 'gs-' },
  { provider: 'gcp', name: 'Kubernetes Engine', category: 'Compute', daily: 18, weekendFactor: 0.85, resourcePrefix: 'gke-' },
  { provider: 'gcp', name: 'Vertex AI', category: 'AI and Machine Learning', daily: 35, weekendFactor: 0.7, resourcePrefix: 'job-' },
  { provider: 'gcp', name: 'Cloud SQL', category: 'Databases', daily: 14, weekendFactor: 1, resourcePrefix: 'sql-' },
  { provider: 'azure', name: 'Virtual Machines', category: 'Compute', daily: 29, weekendFactor: 0.7, resourcePrefix: 'vm-' },
  { provider: 'azure', name: 'Storage Accounts', category: 'Storage', daily: 5, weekendFactor: 1, resourcePrefix: 'st' },
  { provider: 'azure', name: 'Azure SQL Database', category: 'Databases', daily: 21, weekendFactor: 0.95, resourcePrefix: 'sqldb-' },
  { provider: 'azure', name: 'Azure Kubernetes Service', category: 'Compute', daily: 16, weekendFactor: 0.85, resourcePrefix: 'aks-' },
  { provider: 'azure', name: 'Azure Monitor', category: 'Management and Governance', daily: 2, weekendFactor: 0.9, resourcePrefix: 'law-' },
];

export const DEMO_REGIONS: Record<DemoAccount['provider'], { id: string; name: string }[]> = {
  aws: [
    { id: 'us-east-1', name: 'US East (N. Virginia)' },
    { id: 'us-west-2', name: 'US West (Oregon)' },
    { id: 'eu-central-1', name: 'EU (Frankfurt)' },
  ],
  gcp: [
    { id: 'us-central1', name: 'Iowa' },
    { id: 'europe-west1', name: 'Belgium' },
  ],
  azure: [
    { id: 'eastus', name: 'East US' },
    { id: 'westeurope', name: 'West Europe' },
  ],
};

export const DEMO_TEAMS = ['platform', 'data', 'ml', 'web', 'payments', 'search'];
