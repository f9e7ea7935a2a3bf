import { FakeCostSource } from '../fakes/fake-cost-source';
import { costSourceContract } from './cost-source.contract';

costSourceContract('in-memory fake source', async () => {
  const source = new FakeCostSource();
  source.pageSize = 40;
  return {
    source,
    fake: source,
    spec: {
      accounts: [{ id: 'acct-1', name: 'prod' }, { id: 'acct-2', name: 'dev' }],
      services: ['Compute', 'Storage', 'Network'],
      regions: ['us-east-1', 'eu-west-1'],
      extras: ['credit', 'tax', 'purchase', 'adjustment'],
      distinctEffective: true,
    },
    close: async () => undefined,
  };
});
