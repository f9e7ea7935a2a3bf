import { createAzureCostSource } from '../../src/sources/azure/azure-factory';
import { FakeAzureCost } from '../fakes/fake-azure-cost';
import { costSourceContract } from './cost-source.contract';

const SUBSCRIPTIONS = ['0b1f6471-1bf0-4dda-aec3-cb9272f09590', '7c2a7f4e-6b1d-4f7e-9d7c-1f2e3d4c5b6a'];

costSourceContract('Azure Cost Management (real SDK, local HTTPS fake)', async (clock) => {
  const fake = await new FakeAzureCost().start();
  fake.pageSize = 30;
  fake.timeoutDelayMs = 1500;
  // DefaultAzureCredential takes its EnvironmentCredential from these.
  process.env.AZURE_TENANT_ID = fake.tenant;
  process.env.AZURE_CLIENT_ID = fake.clientId;
  process.env.AZURE_CLIENT_SECRET = fake.clientSecret;
  const source = createAzureCostSource({
    scopes: SUBSCRIPTIONS.map((s) => `subscriptions/${s}`), resourceManagerEndpoint: fake.url, authorityHost: fake.url, clock, ca: fake.ca, requestTimeoutMs: 400,
  });
  return {
    source,
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
