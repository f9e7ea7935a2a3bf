/**
 * Azure specifics: the credential's token comes from the fake over HTTPS (a test CA handed to
 * the SDK, not NODE_EXTRA_CA_CERTS), costs stay exact past what a float holds, a 429 waits for
 * the longest retry-after header, and a nextLink to another host is refused.
 */
import type { CostRecord } from '../../../src/domain/cost-record';
import type { SyncIssue } from '../../../src/domain/sync-run';
import { fixedClock } from '../../../src/ports/clock';
import type { SyncContext } from '../../../src/ports/cost-source';
import { createAzureCostSource } from '../../../src/sources/azure/azure-factory';
import { quoteJsonNumbers } from '../../../src/sources/azure/azure-numbers';
import { FakeAzureCost } from '../../fakes/fake-azure-cost';
import type { FakeCostRow } from '../../fakes/fake-cost-rows';

const SUB = '0b1f6471-1bf0-4dda-aec3-cb9272f09590';
const row = (over: Partial<FakeCostRow>): FakeCostRow => ({
  day: '2024-10-01', account: SUB, accountName: '', service: 'Virtual Machines', region: 'eastus', category: 'usage', billed: '0', effective: '0', currency: 'EUR', ...over,
});

describe('Azure Cost Management source', () => {
  let fake: FakeAzureCost;
  let sleeps: number[];
  let issues: SyncIssue[];
  const ctx: SyncContext = { beforeRequest: async () => undefined, issue: (i) => void issues.push(i), sleep: async (ms) => void sleeps.push(ms) };

  beforeEach(async () => {
    fake = await new FakeAzureCost().start();
    process.env.AZURE_TENANT_ID = fake.tenant;
    process.env.AZURE_CLIENT_ID = fake.clientId;
    process.env.AZURE_CLIENT_SECRET = fake.clientSecret;
    sleeps = [];
    issues = [];
  });
  afterEach(() => fake.close());

  async function sync(): Promise<CostRecord[]> {
    const source = createAzureCostSource({ scopes: [`subscriptions/${SUB}`], resourceManagerEndpoint: fake.url, authorityHost: fake.url, clock: fixedClock('2024-10-05T00:00:00Z'), ca: fake.ca });
    const out: CostRecord[] = [];
    for await (const batch of source.sync({ start: '2024-10-01', end: '2024-10-03' }, ctx)) out.push(...batch.records);
    return out;
  }

  it('gets its token from the HTTPS fake and keeps every digit Azure sends', async () => {
    expect(fake.url.startsWith('https://')).toBe(true);
    fake.pageSize = 1;
    fake.rows = [
      row({ billed: '12345678.123456789', effective: '12345678.123456789' }), // a double keeps ~16 digits: ...12345679
      row({ day: '2024-10-02', billed: '0.000000001', effective: '0.000000003' }),
      row({ category: 'purchase', service: 'Reservations', region: '', billed: '100.10', effective: '0' }),
    ];
    const records = await sync();
    const view = records.map((r) => [r.day, r.service, r.regionId, r.chargeCategory, r.billed, r.effective, r.currency, r.subAccountId]).sort((a, b) => (String(a) < String(b) ? -1 : 1));
    expect(view).toEqual([
      ['2024-10-01', 'Reservations', '', 'purchase', 100_100_000_000n, 0n, 'EUR', SUB],
      ['2024-10-01', 'Virtual Machines', 'eastus', 'usage', 12_345_678_123_456_789n, 12_345_678_123_456_789n, 'EUR', SUB],
      ['2024-10-02', 'Virtual Machines', 'eastus', 'usage', 1n, 3n, 'EUR', SUB],
    ]);
    expect(fake.tokensIssued).toBe(1); // one token, reused for every request
  });

  it('on 429 waits for the longest of the retry-after headers', async () => {
    fake.rows = [row({ billed: '1.5', effective: '1.5' })];
    fake.inject({ kind: 'throttle', times: 1 });
    const records = await sync();
    expect(records).toHaveLength(1);
    expect(sleeps).toEqual([7000]); // qpu 3 s, entity 7 s, Retry-After 5 s
    expect(issues).toEqual([expect.objectContaining({ code: 'SOURCE_THROTTLED', recovered: true, message: expect.stringContaining('after 7.0 s') })]);
  });

  it('refuses to send its token to a nextLink on another host', async () => {
    fake.pageSize = 1;
    fake.nextLinkBase = 'https://attacker.example';
    fake.rows = [row({ billed: '1', effective: '1' }), row({ service: 'Storage', billed: '2', effective: '2' })];
    await expect(sync()).rejects.toThrow('Azure Cost Management sent a nextLink to another host (attacker.example); it was not followed.');
  });

  it('quotes bare JSON numbers and leaves strings alone', () => {
    expect(quoteJsonNumbers('{"a":[1.50,-2e-3,0],"b":"x 1.5 \\" 2","c":null,"d":true}')).toBe('{"a":["1.50","-2e-3","0"],"b":"x 1.5 \\" 2","c":null,"d":true}');
    expect(quoteJsonNumbers('{"rows": [[12.5')).toBe('{"rows": [["12.5"');
  });
});
