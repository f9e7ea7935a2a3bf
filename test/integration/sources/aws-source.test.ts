/**
 * AWS specifics the contract does not pin down: the exact records one day maps to (hand
 * values), how regions are kept exact, and names from DimensionValueAttributes.
 */
import type { CostRecord } from '../../../src/domain/cost-record';
import { fixedClock } from '../../../src/ports/clock';
import type { SyncContext } from '../../../src/ports/cost-source';
import { createAwsCostSource } from '../../../src/sources/aws/aws-factory';
import { FakeAwsCostExplorer } from '../../fakes/fake-aws-ce';
import type { FakeCostRow } from '../../fakes/fake-cost-rows';

const row = (over: Partial<FakeCostRow>): FakeCostRow => ({
  day: '2024-10-01', account: '111111111111', accountName: 'prod-core', service: 'Amazon Simple Storage Service', region: 'us-east-1',
  category: 'usage', billed: '0', effective: '0', currency: 'USD', ...over,
});

describe('AWS Cost Explorer source', () => {
  let fake: FakeAwsCostExplorer;
  let requests: number;
  const ctx: SyncContext = { beforeRequest: async () => void (requests += 1), issue: () => undefined, sleep: async () => undefined };

  beforeAll(async () => {
    fake = await new FakeAwsCostExplorer().start();
    process.env.AWS_ENDPOINT_URL_COST_EXPLORER = fake.url;
    process.env.AWS_ACCESS_KEY_ID = fake.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = 'test-secret';
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    requests = 0;
    fake.requests.length = 0;
  });

  async function syncDay(): Promise<CostRecord[]> {
    const source = createAwsCostSource({ clock: fixedClock('2024-10-05T00:00:00Z') });
    const out: CostRecord[] = [];
    for await (const batch of source.sync({ start: '2024-10-01', end: '2024-10-02' }, ctx)) out.push(...batch.records);
    return out;
  }

  it('maps one day to exact records: account × service × category, and regions that balance to zero', async () => {
    fake.pageSize = 1; // every group on its own page: the day repeats across pages
    fake.rows = [
      row({ billed: '1.0000000015', effective: '0.9' }), // rounds half-even to 1.000000002
      row({ region: '', billed: '0.25', effective: '0.25' }), // S3 with no region
      row({ service: 'AWS Lambda', region: 'eu-west-1', billed: '2.5', effective: '2.5' }),
      row({ service: 'AWS Lambda', region: 'eu-west-1', category: 'credit', billed: '-1.25', effective: '-1.25' }),
      row({ account: '222222222222', accountName: 'sandbox', service: 'Tax', region: '', category: 'tax', billed: '0.3', effective: '0.3' }),
    ];
    const records = await syncDay();
    const view = records.map((r) => [r.subAccountId, r.subAccountName, r.service, r.regionId, r.chargeCategory, r.billed, r.effective]).sort((a, b) => (String(a) < String(b) ? -1 : 1));
    expect(view).toEqual([
      ['', '', '', '', 'credit', 1_250_000_000n, 1_250_000_000n], // balance of the eu-west-1 credit
      ['', '', '', '', 'usage', -3_500_000_002n, -3_400_000_000n], // balance of us-east-1 and eu-west-1 usage
      ['', '', '', 'eu-west-1', 'credit', -1_250_000_000n, -1_250_000_000n],
      ['', '', '', 'eu-west-1', 'usage', 2_500_000_000n, 2_500_000_000n],
      ['', '', '', 'us-east-1', 'usage', 1_000_000_002n, 900_000_000n],
      ['111111111111', 'prod-core', 'AWS Lambda', '', 'credit', -1_250_000_000n, -1_250_000_000n],
      ['111111111111', 'prod-core', 'AWS Lambda', '', 'usage', 2_500_000_000n, 2_500_000_000n],
      ['111111111111', 'prod-core', 'Amazon Simple Storage Service', '', 'usage', 1_250_000_002n, 1_150_000_000n],
      ['222222222222', 'sandbox', 'Tax', '', 'tax', 300_000_000n, 300_000_000n],
    ]);
    expect(records.every((r) => r.source === 'aws' && r.provider === 'aws' && r.currency === 'USD' && r.day === '2024-10-01' && r.list === r.billed)).toBe(true);
    // Records sum to the day's total; region records plus balances sum to zero.
    expect(records.reduce((s, r) => s + r.billed, 0n)).toBe(2_800_000_002n);
    expect(records.filter((r) => r.subAccountId === '').reduce((s, r) => s + r.billed, 0n)).toBe(0n);
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
  });

  it('makes five page chains per window, however many groups, each counted', async () => {
    fake.pageSize = 1000;
    fake.rows = [row({ billed: '1', effective: '1' })];
    await syncDay();
    expect(fake.requests.map((r) => r.kind.split(' ')[0])).toEqual(['LINKED_ACCOUNT+SERVICE', 'LINKED_ACCOUNT+SERVICE', 'LINKED_ACCOUNT+SERVICE', 'LINKED_ACCOUNT+SERVICE', 'REGION+RECORD_TYPE']);
    expect(requests).toBe(5);
    expect(fake.requests.every((r) => r.from === '2024-10-01' && r.to === '2024-10-02')).toBe(true); // End exclusive
  });
});
