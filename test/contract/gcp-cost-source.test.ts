import { OAuth2Client } from 'google-auth-library';
import { loadConfig } from '../../src/config/config';
import { createCloudSources } from '../../src/sources/cloud-sources';
import { FakeBigQuery } from '../fakes/fake-bigquery';
import { costSourceContract } from './cost-source.contract';

costSourceContract('Google Cloud billing export in BigQuery (real SDK, local fake)', async (clock) => {
  const fake = await new FakeBigQuery().start();
  fake.pageSize = 40;
  fake.timeoutDelayMs = 5000; // past the 2 s client timeout (generous: a loaded machine must not time out on its own)
  // A preset token: without an auth client the SDK would probe the metadata server.
  const authClient = new OAuth2Client();
  authClient.setCredentials({ access_token: fake.token, expiry_date: Date.now() + 3_600_000 });
  // The fake is reached through PENNY_GCP_BIGQUERY_ENDPOINT, read by config like any setting.
  const { cloud } = loadConfig({ PENNY_SOURCES: 'gcp', PENNY_GCP_BILLING_TABLE: fake.table, PENNY_GCP_BIGQUERY_ENDPOINT: fake.url });
  const [source] = createCloudSources(cloud, { clock, gcpAuthClient: authClient, requestTimeoutMs: 2000 });
  return {
    source: source!,
    fake,
    spec: {
      accounts: [{ id: 'acme-web-prod', name: 'Acme Web (prod)' }, { id: 'acme-ml-training', name: 'ML training' }],
      services: ['Compute Engine', 'BigQuery', 'Cloud Storage'],
      regions: ['us-central1', 'europe-west1'],
      extras: ['credit', 'tax', 'adjustment'],
      distinctEffective: false,
    },
    close: () => fake.close(),
  };
});
