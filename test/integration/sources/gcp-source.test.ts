/**
 * Google Cloud specifics: the query is the parameterized, partition-filtered billing query over
 * the configured table (the fake refuses anything else), credits become credit records, and
 * NUMERIC text is taken as is.
 */
import { OAuth2Client } from 'google-auth-library';
import type { CostRecord } from '../../../src/domain/cost-record';
import { fixedClock } from '../../../src/ports/clock';
import type { SyncContext } from '../../../src/ports/cost-source';
import { createGcpCostSource } from '../../../src/sources/gcp/gcp-factory';
import { billingQuery } from '../../../src/sources/gcp/gcp-query';
import { FakeBigQuery } from '../../fakes/fake-bigquery';
import type { FakeCostRow } from '../../fakes/fake-cost-rows';

const row = (over: Partial<FakeCostRow>): FakeCostRow => ({
  day: '2024-10-01', account: 'acme-web-prod', accountName: 'Acme Web', service: 'Compute Engine', region: 'us-central1', category: 'usage', billed: '0', effective: '0', currency: 'USD', ...over,
});

describe('Google Cloud billing export source', () => {
  let fake: FakeBigQuery;
  let requests: number;
  const ctx: SyncContext = { beforeRequest: async () => void (requests += 1), issue: () => undefined, sleep: async () => undefined };

  beforeEach(async () => {
    fake = await new FakeBigQuery().start();
    requests = 0;
  });
  afterEach(() => fake.close());

  async function sync(table = fake.table): Promise<CostRecord[]> {
    const authClient = new OAuth2Client();
    authClient.setCredentials({ access_token: fake.token, expiry_date: Date.now() + 3_600_000 });
    const source = createGcpCostSource({ billingTable: table, bigqueryEndpoint: fake.url, clock: fixedClock('2024-10-05T00:00:00Z'), authClient });
    const out: CostRecord[] = [];
    for await (const batch of source.sync({ start: '2024-10-01', end: '2024-10-03' }, ctx)) out.push(...batch.records);
    return out;
  }

  it('maps cost types and keeps credits as credit records, exactly', async () => {
    fake.pageSize = 2;
    fake.rows = [
      row({ billed: '10.123456789' }),
      row({ billed: '0.000000001' }),
      row({ category: 'credit', billed: '-3.5' }),
      row({ category: 'tax', region: '', billed: '1.01' }),
      row({ day: '2024-10-02', account: 'acme-ml', accountName: 'ML', service: 'BigQuery', region: 'US', category: 'adjustment', billed: '-0.2' }),
    ];
    const records = await sync();
    const view = records.map((r) => [r.day, r.subAccountId, r.subAccountName, r.service, r.regionId, r.chargeCategory, r.billed, r.billingAccountId]).sort((a, b) => (String(a) < String(b) ? -1 : 1));
    expect(view).toEqual([
      ['2024-10-01', 'acme-web-prod', 'Acme Web', 'Compute Engine', '', 'tax', 1_010_000_000n, fake.billingAccount],
      ['2024-10-01', 'acme-web-prod', 'Acme Web', 'Compute Engine', 'us-central1', 'credit', -3_500_000_000n, fake.billingAccount],
      ['2024-10-01', 'acme-web-prod', 'Acme Web', 'Compute Engine', 'us-central1', 'usage', 10_123_456_790n, fake.billingAccount],
      ['2024-10-02', 'acme-ml', 'ML', 'BigQuery', 'US', 'adjustment', -200_000_000n, fake.billingAccount],
    ]);
    expect(records.every((r) => r.effective === r.billed && r.provider === 'gcp')).toBe(true);
    expect(requests).toBe(fake.requests.length);
    expect(fake.requests.map((r) => r.page)).toEqual([1, 2]); // 3 grouped rows, 2 per page
  });

  it('reads only the configured table, and builds no SQL from anything else', async () => {
    expect(() => billingQuery('proj.ds.t` WHERE 1=1; --')).toThrow('not a table id');
    await expect(sync('acme-billing.billing_export.some_other_table')).rejects.toThrow(/BigQuery rejected the request \(HTTP 400\)/);
  });
});
