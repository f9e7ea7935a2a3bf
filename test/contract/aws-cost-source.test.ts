import { loadConfig } from '../../src/config/config';
import { createCloudSources } from '../../src/sources/cloud-sources';
import { FakeAwsCostExplorer } from '../fakes/fake-aws-ce';
import { costSourceContract } from './cost-source.contract';

costSourceContract('AWS Cost Explorer (real SDK, local fake)', async (clock) => {
  const fake = await new FakeAwsCostExplorer().start();
  fake.pageSize = 25;
  fake.timeoutDelayMs = 5000; // past the 2 s client timeout (generous: a loaded machine must not time out on its own)
  // The fake is reachable only through the SDK's own endpoint variable; credentials from the default chain.
  process.env.AWS_ENDPOINT_URL_COST_EXPLORER = fake.url;
  process.env.AWS_ACCESS_KEY_ID = fake.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = 'test-secret';
  const [source] = createCloudSources(loadConfig({ PENNY_SOURCES: 'aws' }).cloud, { clock, requestTimeoutMs: 2000 });
  return {
    source: source!,
    fake,
    spec: {
      accounts: [{ id: '111111111111', name: 'prod-core' }, { id: '222222222222', name: 'data-platform' }],
      services: ['Amazon Elastic Compute Cloud - Compute', 'Amazon Simple Storage Service', 'AWS Lambda'],
      regions: ['us-east-1', 'eu-west-1'],
      extras: ['credit', 'tax', 'purchase'],
      distinctEffective: true,
    },
    close: () => fake.close(),
  };
});
