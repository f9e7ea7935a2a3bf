import { loadConfig } from '../../src/config/config';
import { createCloudSources } from '../../src/sources/cloud-sources';
import { FakeAzureCost } from '../fakes/fake-azure-cost';
import { costSourceContract } from './cost-source.contract';

const SUBSCRIPTIONS = ['0b1f6471-1bf0-4dda-aec3-cb9272f09590', '7c2a7f4e-6b1d-4f7e-9d7c-1f2e3d4c5b6a'];

costSourceContract('Azure Cost Management (real SDK, local HTTPS fake)', async (clock) => {
  const fake = await new FakeAzureCost().start();
  fake.pageSize = 30;
  fake.timeoutDelayMs = 5000; // past the 2 s client timeout (generous: a loaded machine must not time out on its own)
  // DefaultAzureCredential takes its EnvironmentCredential from these.
  process.env.AZURE_TENANT_ID = fake.tenant;
  process.env.AZURE_CLIENT_ID = fake.clientId;
  process.env.AZURE_CLIENT_SECRET = fake.clientSecret;
  // Endpoints through config (AZURE_RESOURCE_MANAGER_ENDPOINT, AZURE_AUTHORITY_HOST), HTTPS trusted through the test CA.
  const { cloud } = loadConfig({
    PENNY_SOURCES: 'azure', PENNY_AZURE_SCOPES: SUBSCRIPTIONS.map((s) => `subscriptions/${s}`).join(','), AZURE_RESOURCE_MANAGER_ENDPOINT: fake.url, AZURE_AUTHORITY_HOST: fake.url,
  });
  const [source] = createCloudSources(cloud, { clock, azureCa: fake.ca, requestTimeoutMs: 2000 });
  return {
    source: source!,
    fake,
    spec: {
      accounts: SUBSCRIPTIONS.map((id, i) => ({ id, name: i === 0 ? 'Production' : 'Data' })),
      services: ['Virtual Machines', 'Storage', 'Azure Cosmos DB'],
      regions: ['eastus', 'westeurope'],
      extras: ['purchase', 'credit'],
      distinctEffective: true,
    },
    close: () => fake.close(),
  };
});
