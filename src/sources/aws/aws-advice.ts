/**
 * AWS's own recommendations from Cost Explorer, through the injected SDK client:
 * GetRightsizingRecommendation (EC2: terminate idle, or modify to a smaller type) and
 * GetSavingsPlansPurchaseRecommendation (a Compute Savings Plan for the payer), each paged by
 * NextPageToken and retried like the cost source. Every request goes through ctx.beforeRequest,
 * which counts it against PENNY_AWS_CE_MONTHLY_REQUEST_CAP (each costs $0.01).
 * One API refusing for good (rightsizing is opt-in) does not lose the other's advice.
 */
import {
  GetRightsizingRecommendationCommand, GetSavingsPlansPurchaseRecommendationCommand,
  type CostExplorerClient, type GetSavingsPlansPurchaseRecommendationCommandInput,
} from '@aws-sdk/client-cost-explorer';
import type { Recommendation } from '../../domain/advice/recommendation';
import { AppError, isAppError } from '../../domain/errors';
import type { RecommendationAdviser } from '../../ports/advisers';
import type { SyncContext } from '../../ports/cost-source';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from '../shared/retry';
import { classifyAwsError } from './aws-errors';
import { mapRightsizing, mapSavingsPlans, type RightsizingPage, type SavingsPlansPage } from './aws-advice-mapping';

const API = 'AWS Cost Explorer';

export interface AwsAdviceOptions {
  retry?: RetryPolicy;
  /** Recommendations per page (the API's default when unset). */
  pageSize?: number;
  savingsPlan?: Pick<GetSavingsPlansPurchaseRecommendationCommandInput, 'SavingsPlansType' | 'TermInYears' | 'PaymentOption' | 'LookbackPeriodInDays'>;
}

export const DEFAULT_SAVINGS_PLAN = { SavingsPlansType: 'COMPUTE_SP', TermInYears: 'ONE_YEAR', PaymentOption: 'NO_UPFRONT', LookbackPeriodInDays: 'THIRTY_DAYS' } as const;

/** Faults that will not go away by asking again later today: skip that API, keep the other. */
const PERMANENT = new Set(['SOURCE_AUTH', 'SOURCE_REJECTED']);

export class AwsRecommendationAdviser implements RecommendationAdviser {
  readonly id = 'aws';

  constructor(private readonly client: CostExplorerClient, private readonly options: AwsAdviceOptions = {}) {}

  async recommendations(ctx: SyncContext): Promise<Recommendation[]> {
    // One after the other: requests are counted in order, and a cap reached stops the rest.
    const parts = [await this.part(ctx, 'rightsizing', () => this.rightsizing(ctx)), await this.part(ctx, 'Savings Plans', () => this.savingsPlans(ctx))];
    if (parts.every((p) => p === undefined)) throw new AppError('SOURCE_REJECTED', `${API} gave no recommendations: both APIs refused (see the log).`);
    return parts.flatMap((p) => p ?? []);
  }

  private async part(ctx: SyncContext, name: string, work: () => Promise<Recommendation[]>): Promise<Recommendation[] | undefined> {
    try {
      return await work();
    } catch (error) {
      if (!isAppError(error) || !PERMANENT.has(error.code)) throw error;
      ctx.issue({ code: error.code, message: `AWS ${name} recommendations skipped: ${error.message}`, recovered: false });
      return undefined;
    }
  }

  private async rightsizing(ctx: SyncContext): Promise<Recommendation[]> {
    const out: Recommendation[] = [];
    let token: string | undefined;
    do {
      const command = new GetRightsizingRecommendationCommand({
        Service: 'AmazonEC2',
        Configuration: { RecommendationTarget: 'SAME_INSTANCE_FAMILY', BenefitsConsidered: true },
        PageSize: this.options.pageSize,
        NextPageToken: token,
      });
      // Mapped inside the retry: a garbled page is retried like any other transient fault.
      const page = await withRetry(ctx, API, classifyAwsError, async () => {
        const answer = await this.client.send(command);
        return { token: answer.NextPageToken, recs: mapRightsizing(answer as RightsizingPage) };
      }, this.options.retry ?? DEFAULT_RETRY);
      out.push(...page.recs);
      token = page.token || undefined;
    } while (token);
    return out;
  }

  private async savingsPlans(ctx: SyncContext): Promise<Recommendation[]> {
    const out: Recommendation[] = [];
    let token: string | undefined;
    const plan = { ...DEFAULT_SAVINGS_PLAN, ...this.options.savingsPlan };
    do {
      const command = new GetSavingsPlansPurchaseRecommendationCommand({ ...plan, AccountScope: 'PAYER', PageSize: this.options.pageSize, NextPageToken: token });
      const page = await withRetry(ctx, API, classifyAwsError, async () => {
        const answer = await this.client.send(command);
        return { token: answer.NextPageToken, recs: mapSavingsPlans(answer as SavingsPlansPage, plan) };
      }, this.options.retry ?? DEFAULT_RETRY);
      out.push(...page.recs);
      token = page.token || undefined;
    } while (token);
    return out;
  }
}
