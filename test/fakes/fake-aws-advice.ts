/**
 * Cost Explorer's recommendation APIs for the local AWS fake: GetRightsizingRecommendation and
 * GetSavingsPlansPurchaseRecommendation over awsJson1.1, paged by NextPageToken (PageSize or the
 * fake's pageSize), with the same injected faults as GetCostAndUsage.
 */
import type { ServerResponse } from 'node:http';
import { hold, send, type FaultBook } from './http-fake';

export const ADVICE_TARGETS = {
  rightsizing: 'AWSInsightsIndexService.GetRightsizingRecommendation',
  savingsPlans: 'AWSInsightsIndexService.GetSavingsPlansPurchaseRecommendation',
} as const;

export class FakeAwsAdvice {
  /** RightsizingRecommendation objects, as AWS sends them. */
  rightsizing: Record<string, unknown>[] = [];
  /** SavingsPlansPurchaseRecommendationDetail objects. */
  savingsPlanDetails: Record<string, unknown>[] = [];
  /** Rightsizing is opt-in at AWS: until then it answers AccessDeniedException. */
  rightsizingEnabled = true;
  /** The request bodies, in order. */
  readonly inputs: { target: string; input: Record<string, unknown> }[] = [];

  isAdviceTarget(target: string): boolean {
    return target === ADVICE_TARGETS.rightsizing || target === ADVICE_TARGETS.savingsPlans;
  }

  async handle(target: string, body: string, faults: FaultBook, res: ServerResponse): Promise<void> {
    const input = JSON.parse(body) as Record<string, unknown> & { NextPageToken?: string; PageSize?: number };
    this.inputs.push({ target, input });
    const rightsizing = target === ADVICE_TARGETS.rightsizing;
    const size = input.PageSize ?? faults.pageSize;
    const offset = input.NextPageToken ? Number(Buffer.from(input.NextPageToken, 'base64url').toString().split(':')[1]) : 0;
    const fault = faults.take({ from: '', to: '', page: Math.floor(offset / size) + 1, kind: rightsizing ? 'rightsizing' : 'savings-plans' });
    if (fault === 'throttle') return send(res, 400, { __type: 'ThrottlingException', message: 'Rate exceeded' }, { 'x-amzn-errortype': 'ThrottlingException' });
    if (fault === 'server-error') return send(res, 500, { __type: 'InternalServerError', message: 'We encountered an internal error.' });
    if (fault === 'expired-credential') return send(res, 403, { __type: 'ExpiredTokenException', message: 'The security token included in the request is expired' });
    if (fault === 'timeout') return hold(res, faults.timeoutDelayMs);
    if (fault === 'malformed') return send(res, 200, '{"RightsizingRecommendations": [{"CurrentInstance": ');
    if (rightsizing && !this.rightsizingEnabled) {
      return send(res, 400, { __type: 'AccessDeniedException', message: 'Rightsizing EC2 recommendation is an opt-in only feature. You can enable this feature from the PAYER account’s Cost Explorer Preferences page.' });
    }
    const items = rightsizing ? this.rightsizing : this.savingsPlanDetails;
    const page = items.slice(offset, offset + size);
    const next = offset + size < items.length ? Buffer.from(`p:${offset + size}`).toString('base64url') : undefined;
    const metadata = { RecommendationId: 'fake-rec-1', GenerationTimestamp: '2026-11-30T03:00:00Z', LookbackPeriodInDays: rightsizing ? 'FOURTEEN_DAYS' : input.LookbackPeriodInDays };
    if (rightsizing) {
      return send(res, 200, { Metadata: metadata, Summary: { TotalRecommendationCount: String(items.length) }, RightsizingRecommendations: page, ...(next ? { NextPageToken: next } : {}), Configuration: input.Configuration });
    }
    return send(res, 200, {
      Metadata: metadata,
      SavingsPlansPurchaseRecommendation: {
        AccountScope: input.AccountScope, SavingsPlansType: input.SavingsPlansType, TermInYears: input.TermInYears, PaymentOption: input.PaymentOption,
        LookbackPeriodInDays: input.LookbackPeriodInDays, SavingsPlansPurchaseRecommendationDetails: page,
      },
      ...(next ? { NextPageToken: next } : {}),
    });
  }
}
