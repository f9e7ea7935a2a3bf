/**
 * Cost Explorer's recommendation pages mapped to Penny's model. Amounts are parsed exactly from
 * AWS's decimal strings; anything unreadable makes the page malformed (and so retried).
 */
import type { GetRightsizingRecommendationResponse, GetSavingsPlansPurchaseRecommendationResponse, RightsizingRecommendation, SavingsPlansPurchaseRecommendationDetail } from '@aws-sdk/client-cost-explorer';
import { day, emptyScope, fact, money, num, pct, recommendationId, text, type EvidenceFact, type Recommendation } from '../../domain/advice/recommendation';
import { decimalToNanos, type Nanos } from '../../domain/money';

export type RightsizingPage = GetRightsizingRecommendationResponse;
export type SavingsPlansPage = GetSavingsPlansPurchaseRecommendationResponse;

const EC2 = 'Amazon Elastic Compute Cloud';
const LOOKBACK: Record<string, number> = { SEVEN_DAYS: 7, FOURTEEN_DAYS: 14, THIRTY_DAYS: 30, SIXTY_DAYS: 60 };

function malformed(detail: string): Error {
  return Object.assign(new Error(`Cost Explorer recommendation is malformed: ${detail}`), { name: 'SyntaxError' });
}

function amount(value: string | undefined, what: string): Nanos {
  const n = decimalToNanos(value ?? '');
  if (n === undefined) throw malformed(`${what} is "${String(value)}"`);
  return n;
}

function optionalNumber(value: string | undefined): number | undefined {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) ? n : undefined;
}

export function mapRightsizing(page: RightsizingPage): Recommendation[] {
  if (page.RightsizingRecommendations !== undefined && !Array.isArray(page.RightsizingRecommendations)) throw malformed('RightsizingRecommendations is not a list');
  const lookback = LOOKBACK[page.Metadata?.LookbackPeriodInDays ?? ''];
  const generated = page.Metadata?.GenerationTimestamp?.slice(0, 10);
  return (page.RightsizingRecommendations ?? []).map((r) => rightsizing(r, lookback, generated));
}

function rightsizing(r: RightsizingRecommendation, lookback: number | undefined, generated: string | undefined): Recommendation {
  const current = r.CurrentInstance;
  const resourceId = current?.ResourceId ?? '';
  if (!resourceId) throw malformed('a rightsizing recommendation names no instance');
  const details = current?.ResourceDetails?.EC2ResourceDetails;
  const currency = current?.CurrencyCode || r.TerminateRecommendationDetail?.CurrencyCode || 'USD';
  const scope = { ...emptyScope('aws'), account: r.AccountId ?? '', service: EC2, region: details?.Region ?? '', resourceId };
  const name = current?.InstanceName ? `${current.InstanceName} (${resourceId})` : resourceId;
  const type = details?.InstanceType ?? 'unknown type';
  const facts: EvidenceFact[] = [fact('instance_type', 'Instance type', text(type))];
  if (current?.MonthlyCost) facts.push(fact('current_monthly_cost', 'Monthly cost now', money(amount(current.MonthlyCost, 'MonthlyCost'), currency)));
  const cpu = optionalNumber(current?.ResourceUtilization?.EC2ResourceUtilization?.MaxCpuUtilizationPercentage);
  if (cpu !== undefined) facts.push(fact('max_cpu_pct', 'Highest CPU use', pct(cpu)));
  const hours = optionalNumber(current?.TotalRunningHoursInLookbackPeriod);
  if (hours !== undefined) facts.push(fact('running_hours', 'Hours running', num(hours)));
  if (lookback) facts.push(fact('lookback_days', 'Days AWS looked at', num(lookback)));
  if (generated) facts.push(fact('generated_on', 'AWS generated it on', day(generated)));
  if (r.FindingReasonCodes?.length) facts.push(fact('findings', 'AWS findings', text(r.FindingReasonCodes.join(', '))));
  const method = `AWS Cost Explorer's own estimate${lookback ? ` from the last ${lookback} days of use` : ''}.`;
  const base = { kind: 'rightsizing' as const, origin: 'aws' as const, scope, currency, savingMethod: method };

  if (r.RightsizingType === 'TERMINATE') {
    const saving = amount(r.TerminateRecommendationDetail?.EstimatedMonthlySavings, 'EstimatedMonthlySavings');
    return {
      ...base, id: recommendationId('rightsizing', 'aws', scope), title: `Terminate the idle instance ${name} (${type})`, monthlySaving: saving, materialKey: 'terminate',
      evidence: { summary: `AWS finds ${resourceId} (${type}) idle${cpu !== undefined ? `: its CPU never went above ${cpu}%` : ''}.`, facts },
    };
  }
  const targets = r.ModifyRecommendationDetail?.TargetInstances ?? [];
  const target = targets.find((t) => t.DefaultTargetInstance) ?? targets[0];
  if (!target) throw malformed(`the MODIFY recommendation for ${resourceId} has no target instance`);
  const targetType = target.ResourceDetails?.EC2ResourceDetails?.InstanceType ?? 'a smaller type';
  const saving = amount(target.EstimatedMonthlySavings, 'EstimatedMonthlySavings');
  facts.push(fact('target_instance_type', 'Suggested type', text(targetType)));
  if (target.EstimatedMonthlyCost) facts.push(fact('target_monthly_cost', 'Monthly cost after', money(amount(target.EstimatedMonthlyCost, 'EstimatedMonthlyCost'), currency)));
  return {
    ...base, id: recommendationId('rightsizing', 'aws', scope), title: `Resize ${name} from ${type} to ${targetType}`, monthlySaving: saving, materialKey: targetType,
    evidence: { summary: `AWS finds ${resourceId} (${type}) larger than its use needs${cpu !== undefined ? ` (CPU at most ${cpu}%)` : ''}; ${targetType} would fit.`, facts },
  };
}

export interface PlanChoice {
  SavingsPlansType?: string;
  TermInYears?: string;
  PaymentOption?: string;
  LookbackPeriodInDays?: string;
}

const TERMS: Record<string, string> = { ONE_YEAR: '1-year', THREE_YEARS: '3-year' };
const PAYMENTS: Record<string, string> = { NO_UPFRONT: 'no upfront', PARTIAL_UPFRONT: 'partial upfront', ALL_UPFRONT: 'all upfront' };
const TYPES: Record<string, string> = { COMPUTE_SP: 'Compute Savings Plan', EC2_INSTANCE_SP: 'EC2 Instance Savings Plan', SAGEMAKER_SP: 'SageMaker Savings Plan', DATABASE_SP: 'Database Savings Plan' };

export function mapSavingsPlans(page: SavingsPlansPage, plan: PlanChoice): Recommendation[] {
  const body = page.SavingsPlansPurchaseRecommendation;
  const details = body?.SavingsPlansPurchaseRecommendationDetails;
  if (details !== undefined && !Array.isArray(details)) throw malformed('SavingsPlansPurchaseRecommendationDetails is not a list');
  const generated = page.Metadata?.GenerationTimestamp?.slice(0, 10);
  return (details ?? []).map((d) => savingsPlan(d, plan, generated));
}

function savingsPlan(d: SavingsPlansPurchaseRecommendationDetail, plan: PlanChoice, generated: string | undefined): Recommendation {
  const currency = d.CurrencyCode || 'USD';
  const hourly = amount(d.HourlyCommitmentToPurchase, 'HourlyCommitmentToPurchase');
  const saving = amount(d.EstimatedMonthlySavingsAmount, 'EstimatedMonthlySavingsAmount');
  const kind = `${TERMS[plan.TermInYears ?? ''] ?? plan.TermInYears} ${TYPES[plan.SavingsPlansType ?? ''] ?? 'Savings Plan'}`;
  const payment = PAYMENTS[plan.PaymentOption ?? ''] ?? plan.PaymentOption ?? '';
  const scope = { ...emptyScope('aws'), account: d.AccountId ?? '', service: 'Compute', region: d.SavingsPlansDetails?.Region ?? '' };
  const lookback = LOOKBACK[plan.LookbackPeriodInDays ?? ''];
  const facts: EvidenceFact[] = [fact('hourly_commitment', 'Commitment per hour', money(hourly, currency)), fact('plan', 'Plan', text(`${kind}, ${payment}`))];
  const optionalMoney = (key: string, label: string, value: string | undefined) => {
    if (value) facts.push(fact(key, label, money(amount(value, key), currency)));
  };
  optionalMoney('on_demand_hourly_avg', 'Average on-demand spend per hour', d.CurrentAverageHourlyOnDemandSpend);
  optionalMoney('on_demand_hourly_min', 'Lowest on-demand spend per hour', d.CurrentMinimumHourlyOnDemandSpend);
  optionalMoney('upfront_cost', 'Upfront', d.UpfrontCost);
  const utilization = optionalNumber(d.EstimatedAverageUtilization);
  if (utilization !== undefined) facts.push(fact('estimated_utilization_pct', 'Estimated use of the plan', pct(utilization)));
  const savingPct = optionalNumber(d.EstimatedSavingsPercentage);
  if (savingPct !== undefined) facts.push(fact('estimated_saving_pct', 'Saving on covered usage', pct(savingPct)));
  if (lookback) facts.push(fact('lookback_days', 'Days AWS looked at', num(lookback)));
  if (generated) facts.push(fact('generated_on', 'AWS generated it on', day(generated)));
  return {
    id: recommendationId('commitment', 'aws', scope, `${plan.SavingsPlansType}|${plan.TermInYears}|${plan.PaymentOption}`),
    kind: 'commitment',
    origin: 'aws',
    title: `Buy a ${kind} of ${d.HourlyCommitmentToPurchase} ${currency}/hour (${payment})`,
    scope,
    currency,
    monthlySaving: saving,
    savingMethod: `AWS Cost Explorer's own estimate (EstimatedMonthlySavingsAmount)${lookback ? ` from the last ${lookback} days of on-demand use` : ''}.`,
    evidence: { summary: `AWS sizes the plan to the on-demand compute it saw${utilization !== undefined ? `, expecting ${utilization}% of it to be used` : ''}.`, facts },
    materialKey: '',
  };
}
