/**
 * AWS's own recommendations through the real SDK against the local Cost Explorer fake: paging,
 * the mapping to Penny's model (hand values), a throttling fault retried, rightsizing not opted
 * in, and every request counted against the monthly cap.
 */
import { DEFAULT_ADVICE_SETTINGS } from '../../../src/domain/advice/advice-settings';
import type { SyncIssue } from '../../../src/domain/sync-run';
import { fixedClock } from '../../../src/ports/clock';
import type { SyncContext } from '../../../src/ports/cost-source';
import { RecommendationService } from '../../../src/services/advice/recommendation-service';
import { createAwsAdviser } from '../../../src/sources/aws/aws-factory';
import { FakeAwsCostExplorer } from '../../fakes/fake-aws-ce';
import { InMemoryCostStore } from '../../fakes/in-memory-cost-store';
import { InMemoryMetaStore } from '../../fakes/in-memory-meta-store';
import { InMemoryRecommendationMarks } from '../../fakes/in-memory-recommendation-marks';
import { InMemoryRequestCounts } from '../../fakes/in-memory-sync-stores';
import { recordingLogger } from '../../support/silent-logger';

const terminate = {
  AccountId: '111111111111', RightsizingType: 'TERMINATE', FindingReasonCodes: ['CPU_OVER_PROVISIONED'],
  CurrentInstance: {
    ResourceId: 'i-0aaa000000000001', InstanceName: 'old-batch', MonthlyCost: '70.08', CurrencyCode: 'USD', TotalRunningHoursInLookbackPeriod: '336',
    ResourceDetails: { EC2ResourceDetails: { InstanceType: 'm5.large', Region: 'US East (N. Virginia)' } },
    ResourceUtilization: { EC2ResourceUtilization: { MaxCpuUtilizationPercentage: '0.9' } },
  },
  TerminateRecommendationDetail: { EstimatedMonthlySavings: '70.08', CurrencyCode: 'USD' },
};
const modify = (id: string, saving: string) => ({
  AccountId: '222222222222', RightsizingType: 'MODIFY',
  CurrentInstance: { ResourceId: id, MonthlyCost: '280.32', CurrencyCode: 'USD', ResourceDetails: { EC2ResourceDetails: { InstanceType: 'm5.2xlarge', Region: 'US West (Oregon)' } } },
  ModifyRecommendationDetail: {
    TargetInstances: [
      { EstimatedMonthlySavings: '210.24', EstimatedMonthlyCost: '70.08', DefaultTargetInstance: false, ResourceDetails: { EC2ResourceDetails: { InstanceType: 'm5.large' } } },
      { EstimatedMonthlySavings: saving, EstimatedMonthlyCost: '140.16', DefaultTargetInstance: true, ResourceDetails: { EC2ResourceDetails: { InstanceType: 'm5.xlarge' } } },
    ],
  },
});
const plan = {
  AccountId: '', CurrencyCode: 'USD', HourlyCommitmentToPurchase: '4.125', EstimatedMonthlySavingsAmount: '1204.533333333333', EstimatedSavingsPercentage: '28.4',
  EstimatedAverageUtilization: '99.1', CurrentAverageHourlyOnDemandSpend: '6.02', CurrentMinimumHourlyOnDemandSpend: '5.51', UpfrontCost: '0',
};

describe('AWS recommendations (real SDK, local fake)', () => {
  let fake: FakeAwsCostExplorer;
  let issues: SyncIssue[];
  let requests: number;
  const ctx: SyncContext = { beforeRequest: async () => void (requests += 1), issue: (i) => void issues.push(i), sleep: async () => undefined };
  const adviser = () => createAwsAdviser({ requestTimeoutMs: 2000, pageSize: 2, retry: { maxAttempts: 4, baseMs: 1, maxMs: 2, random: () => 0.5 } });

  beforeAll(async () => {
    fake = await new FakeAwsCostExplorer().start();
    process.env.AWS_ENDPOINT_URL_COST_EXPLORER = fake.url;
    process.env.AWS_ACCESS_KEY_ID = fake.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = 'test-secret';
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    issues = [];
    requests = 0;
    fake.requests.length = 0;
    fake.advice.inputs.length = 0;
    fake.advice.rightsizing = [terminate, modify('i-0bbb000000000002', '140.16'), modify('i-0ccc000000000003', '139.99')];
    fake.advice.savingsPlanDetails = [plan];
    fake.advice.rightsizingEnabled = true;
  });

  it('pages through both APIs and maps them exactly', async () => {
    const recs = await adviser().recommendations(ctx);
    // Rightsizing: 3 recommendations at 2 a page = 2 requests; Savings Plans: 1 request.
    expect(fake.requests.map((r) => [r.kind, r.page])).toEqual([['rightsizing', 1], ['rightsizing', 2], ['savings-plans', 1]]);
    expect(requests).toBe(3);
    expect(fake.advice.inputs[0]!.input).toMatchObject({ Service: 'AmazonEC2', Configuration: { RecommendationTarget: 'SAME_INSTANCE_FAMILY', BenefitsConsidered: true }, PageSize: 2 });
    expect(fake.advice.inputs[2]!.input).toMatchObject({ SavingsPlansType: 'COMPUTE_SP', TermInYears: 'ONE_YEAR', PaymentOption: 'NO_UPFRONT', LookbackPeriodInDays: 'THIRTY_DAYS', AccountScope: 'PAYER' });
    expect(recs.map((r) => [r.kind, r.origin, r.title, r.monthlySaving])).toEqual([
      ['rightsizing', 'aws', 'Terminate the idle instance old-batch (i-0aaa000000000001) (m5.large)', 70_080_000_000n],
      ['rightsizing', 'aws', 'Resize i-0bbb000000000002 from m5.2xlarge to m5.xlarge', 140_160_000_000n], // the default target, not the first
      ['rightsizing', 'aws', 'Resize i-0ccc000000000003 from m5.2xlarge to m5.xlarge', 139_990_000_000n],
      ['commitment', 'aws', 'Buy a 1-year Compute Savings Plan of 4.125 USD/hour (no upfront)', 1_204_533_333_333n], // rounded half-even to the nano
    ]);
    expect(recs[0]!.scope).toEqual({ provider: 'aws', account: '111111111111', accountName: '', service: 'Amazon Elastic Compute Cloud', region: 'US East (N. Virginia)', resourceId: 'i-0aaa000000000001' });
    expect(recs[0]!.evidence.facts.map((f) => f.key)).toEqual(['instance_type', 'current_monthly_cost', 'max_cpu_pct', 'running_hours', 'lookback_days', 'generated_on', 'findings']);
    expect(recs[3]!.evidence.facts.find((f) => f.key === 'hourly_commitment')!.value).toEqual({ type: 'money', nanos: 4_125_000_000n, currency: 'USD' });
  });

  it('retries a throttled page, says so, and counts the retry', async () => {
    fake.inject({ kind: 'throttle', times: 1, match: (r) => r.kind === 'rightsizing' && r.page === 2 });
    const recs = await adviser().recommendations(ctx);
    expect(recs).toHaveLength(4);
    expect(fake.faulted.at(-1)).toMatchObject({ kind: 'throttle', req: { kind: 'rightsizing', page: 2 } });
    expect(requests).toBe(4);
    expect(issues).toEqual([expect.objectContaining({ code: 'SOURCE_THROTTLED', recovered: true })]);
  });

  it('retries a garbled page', async () => {
    fake.inject({ kind: 'malformed', times: 1, match: (r) => r.kind === 'savings-plans' });
    expect(await adviser().recommendations(ctx)).toHaveLength(4);
    expect(issues.map((i) => i.code)).toEqual(['SOURCE_BAD_RESPONSE']);
  });

  it('keeps the Savings Plans advice when rightsizing is not opted in', async () => {
    fake.advice.rightsizingEnabled = false;
    const recs = await adviser().recommendations(ctx);
    expect(recs.map((r) => r.kind)).toEqual(['commitment']);
    expect(issues[0]).toMatchObject({ code: 'SOURCE_AUTH', recovered: false });
    expect(issues[0]!.message).toMatch(/^AWS rightsizing recommendations skipped/);
  });

  it('counts every request against the monthly Cost Explorer cap, shared with the cost sync', async () => {
    const counts = new InMemoryRequestCounts();
    await counts.add('aws', '2026-11-30', 998); // the month's syncs so far
    const store = new InMemoryCostStore();
    const service = new RecommendationService({
      store, scanner: store, marks: new InMemoryRecommendationMarks(), meta: new InMemoryMetaStore(), clock: fixedClock('2026-11-30T08:00:00Z'),
      timeZone: 'UTC', currency: 'USD', settings: DEFAULT_ADVICE_SETTINGS, logger: recordingLogger(), advisers: [adviser()], requestCounts: counts,
      caps: { aws: { limit: 1000, setting: 'PENNY_AWS_CE_MONTHLY_REQUEST_CAP', api: 'Cost Explorer' } }, sleep: async () => undefined,
    });
    const result = await service.refresh();
    expect(result.adviserErrors).toEqual([expect.stringMatching(/^aws: Stopped before the next Cost Explorer request: this month's cap of 1,000 requests/)]);
    expect(fake.requests).toHaveLength(2); // both rightsizing pages, then the cap
    expect(await counts.total('aws', '2026-11-01', '2026-11-30')).toBe(1000);
  });
});
