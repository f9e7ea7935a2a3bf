/**
 * Evaluation questions over the shipped FOCUS sample (AWS, Microsoft and Oracle; September 2024).
 * Written the way colleagues ask, with the reading a careful analyst would give them.
 * Unless said otherwise, "today" is 2024-10-15, so "last month" is September 2024.
 */
import type { EvalItem, ExpectAnswer, ExpectRefusal } from './ask-eval';

const SEP: [string, string] = ['2024-09-01', '2024-10-01'];
const AUG: [string, string] = ['2024-08-01', '2024-09-01'];
/** "This month" as recommendations read it: unclipped, as the parser gives it (they are as of today). */
const OCT_SO_FAR: [string, string] = ['2024-10-01', '2024-10-16'];
const EC2 = ['Amazon Elastic Compute Cloud'];
const ATLAS_ORION = ['/subscriptions/ed570627-0265-4620-bb42-bae06bcfa914', '11353890204', 'ocid6.tenancy.oc6..aaaaaaaalnpeq6xok1okj8vknc9pzancima2g8bwvk2kk9jgwhgycacrie2q'];
const VMS = ['Amazon Elastic Compute Cloud', 'Virtual Machine Scale Sets', 'Virtual Machines'];

const ask = (q: string, expect: ExpectAnswer | ExpectRefusal, asOf = '2024-10-15'): EvalItem => ({ q, asOf, expect });
const sep = (more: Partial<ExpectAnswer> = {}): ExpectAnswer => ({ kind: 'totals', period: SEP, ...more });

export const FOCUS_QUESTIONS: EvalItem[] = [
  // Totals, names and aliases
  ask('What did we spend last month?', sep()),
  ask('how much did EC2 cost us in September?', sep({ filters: { services: EC2 } })),
  ask('What was our AWS bill for september 2024', sep({ filters: { providers: ['aws'] } })),
  ask('azure spend last month', sep({ filters: { providers: ['azure'] } })),
  ask('How much did Oracle cost us last month?', sep({ filters: { providers: ['oci'] } })),
  ask('what did Microsoft charge us in September 2024', sep({ filters: { providers: ['azure'] } })),
  ask('what did S3 cost last month', sep({ filters: { services: ['Amazon Simple Storage Service'] } })),
  ask('how much are we paying for load balancers (last month)', sep({ filters: { services: ['Elastic Load Balancing'] } })),
  ask('CloudWatch costs in September', sep({ filters: { services: ['AmazonCloudWatch'] } })),
  ask('What did Lambda cost in september 2024?', sep({ filters: { services: ['AWS Lambda'] } })),
  ask('RDS spend last month', sep({ filters: { services: ['Amazon Relational Database Service'] } })),
  ask('cost of Elastic Load Balancing in the previous month', sep({ filters: { services: ['Elastic Load Balancing'] } })),
  ask('Amazon Virtual Private Cloud cost for september', sep({ filters: { services: ['Amazon Virtual Private Cloud'] } })),
  ask('what did the vpc cost us last month', sep({ filters: { services: ['Amazon Virtual Private Cloud'] } })),
  ask('ECS costs last month', sep({ filters: { services: ['Amazon Elastic Container Service'] } })),
  ask('EKS costs last month', sep({ filters: { services: ['Amazon Elastic Container Service for Kubernetes'] } })),
  ask('What did Kubernetes cost us last month', sep({ filters: { services: ['Amazon Elastic Container Service for Kubernetes', 'Azure Kubernetes Service'] } })),
  ask('VMs last month', sep({ filters: { services: VMS } })),
  ask('Azure VMs in September', sep({ filters: { providers: ['azure'], services: VMS } })),
  ask('blob storage costs in september', sep({ filters: { services: ['Storage Accounts'] } })),
  ask('EC2 and S3 last month', sep({ filters: { services: [...EC2, 'Amazon Simple Storage Service'] } })),
  ask('how much did we spend on SQS + SNS in sept', sep({ filters: { services: ['Amazon Simple Queue Service', 'Amazon Simple Notification Service'] } })),
  ask('What did the container registry cost us last month?', sep({ filters: { services: ['Amazon EC2 Container Registry (ECR)'] } })),
  ask('route 53 spend in September', sep({ filters: { services: ['Amazon Route 53'] } })),
  // Regions and accounts
  ask('how much did we spend in us-east-1 last month', sep({ filters: { regions: ['us-east-1'] } })),
  ask('what did N. Virginia cost us in September?', sep({ filters: { regions: ['us-east-1'] } })),
  ask('Oregon costs last month', sep({ filters: { regions: ['us-west-2'] } })),
  ask('spend in East US last month', sep({ filters: { regions: ['eastus'] } })),
  ask('How much did we spend in Frankfurt and London last month?', sep({ filters: { regions: ['eu-central-1', 'eu-west-2'] } })),
  ask('What did EC2 cost in us-west-2 last month', sep({ filters: { services: EC2, regions: ['us-west-2'] } })),
  ask('AWS costs in eu-central-1 in September', sep({ filters: { providers: ['aws'], regions: ['eu-central-1'] } })),
  ask('How much did Atlas Orion spend last month?', sep({ filters: { accounts: ATLAS_ORION } })),
  ask('what did account 11353890204 cost in september', sep({ filters: { accounts: ['11353890204'] } })),
  ask('Orion Zenith spend by service last month', sep({ filters: { accounts: ['18938484842'] }, groupBy: 'service' })),
  // Breakdowns and top N
  ask('top 5 services last month', sep({ groupBy: 'service', top: 5 })),
  ask('Which service cost the most in September?', sep({ groupBy: 'service', top: 1 })),
  ask('costs by region for september', sep({ groupBy: 'region' })),
  ask('breakdown by account last month pls', sep({ groupBy: 'account' })),
  ask('spend per provider in Sept', sep({ groupBy: 'provider' })),
  ask('top 3 regions in september', sep({ groupBy: 'region', top: 3 })),
  ask('which accounts spent the most last month?', sep({ groupBy: 'account', top: 5 })),
  ask('ELB by account last month', sep({ filters: { services: ['Elastic Load Balancing'] }, groupBy: 'account' })),
  ask('what was the most expensive day in September?', sep({ groupBy: 'day', top: 1 })),
  ask('costs by charge category last month', sep({ groupBy: 'charge-category' })),
  ask('AWS vs Azure last month', sep({ filters: { providers: ['aws', 'azure'] }, groupBy: 'provider' })),
  ask('compare Atlas Orion and Orion Zenith in September', sep({ filters: { accounts: [...ATLAS_ORION, '18938484842'] }, groupBy: 'account' })),
  // Charge categories and metrics
  ask('credits last month', sep({ filters: { chargeCategories: ['credit'] } })),
  ask('what did we spend last month excluding credits', sep({ filters: { excludeChargeCategories: ['credit'] } })),
  ask('adjustments in September', sep({ filters: { chargeCategories: ['adjustment'] } })),
  ask('how much tax did we pay last month', sep({ filters: { chargeCategories: ['tax'] } })),
  ask('amortized cost last month', sep({ metric: 'effective' })),
  ask('What was the effective cost of EC2 in September?', sep({ filters: { services: EC2 }, metric: 'effective' })),
  ask('list price for september', sep({ metric: 'list' })),
  ask('on-demand equivalent of our EC2 spend last month', sep({ filters: { services: EC2 }, metric: 'list' })),
  // Tags
  ask('costs tagged environment=prod last month', sep({ filters: { tags: ['environment=prod'] } })),
  ask('how much did the dev environment cost last month', sep({ filters: { tags: ['environment=dev'] } })),
  ask('spend by business_unit in September', sep({ groupBy: 'tag:business_unit' })),
  ask('costs per application last month', sep({ groupBy: 'tag:application' })),
  ask('what did tag Project=Foo cost last month?', sep({ filters: { tags: ['Project=Foo'] } })),
  ask('tagged org trey, september', sep({ filters: { tags: ['org=trey'] } })),
  ask('costcenter 1234 spend last month', sep({ filters: { tags: ['CostCenter=1234'] } })),
  // Days and ranges
  ask('costs on Sep 18', { kind: 'totals', period: ['2024-09-18', '2024-09-19'] }),
  ask('How much did we spend between Sep 1 and Sep 15?', { kind: 'totals', period: ['2024-09-01', '2024-09-16'] }),
  ask('EC2 from sep 10 to sep 20', { kind: 'totals', period: ['2024-09-10', '2024-09-21'], filters: { services: EC2 } }),
  ask('costs in the last 30 days', { kind: 'totals', period: ['2024-09-15', '2024-10-15'] }),
  ask('what did we spend over the last 90 days', { kind: 'totals', period: ['2024-07-17', '2024-10-15'] }),
  ask('Q3 spend by provider', { kind: 'totals', period: ['2024-07-01', '2024-10-01'], groupBy: 'provider' }),
  ask('how much did we spend in the last 3 months', { kind: 'totals', period: ['2024-07-01', '2024-10-01'] }),
  ask('what did we spend last week', { kind: 'totals', period: ['2024-09-16', '2024-09-23'] }, '2024-09-23'),
  ask('spend this week so far', { kind: 'totals', period: ['2024-09-23', '2024-09-26'] }, '2024-09-26'),
  ask('spend since monday', { kind: 'totals', period: ['2024-09-23', '2024-09-26'] }, '2024-09-26'),
  ask("yesterday's costs", { kind: 'totals', period: ['2024-09-25', '2024-09-26'] }, '2024-09-26'),
  ask('What did we spend this month so far?', { kind: 'totals', period: ['2024-09-01', '2024-09-26'] }, '2024-09-26'),
  ask('how much did we spend last month?', sep(), '2024-10-01'),
  // Trends
  ask('daily spend in september', sep({ kind: 'trend', groupBy: 'day' })),
  ask('show me the daily trend for last month', sep({ kind: 'trend', groupBy: 'day' })),
  ask('day by day AWS costs in September', sep({ kind: 'trend', groupBy: 'day', filters: { providers: ['aws'] } })),
  ask('what were the daily AWS costs from sep 20 to sep 30', { kind: 'trend', period: ['2024-09-20', '2024-10-01'], groupBy: 'day', filters: { providers: ['aws'] } }),
  ask("what's the trend for EC2 over the last 30 days", { kind: 'trend', period: ['2024-09-15', '2024-10-15'], groupBy: 'day', filters: { services: EC2 } }),
  ask('monthly costs for Q3', { kind: 'trend', period: ['2024-07-01', '2024-10-01'], groupBy: 'month' }),
  // Comparisons, movers, why
  ask('sep 1-15 vs sep 16-30', { kind: 'compare', period: ['2024-09-01', '2024-09-16'], against: ['2024-09-16', '2024-10-01'] }),
  ask('How did September compare to August?', sep({ kind: 'compare', against: AUG })),
  ask('How does this week compare to last week?', { kind: 'compare', period: ['2024-09-23', '2024-09-26'], against: ['2024-09-16', '2024-09-19'] }, '2024-09-26'),
  ask('which service grew the most in september vs august?', sep({ kind: 'movers', against: AUG, groupBy: 'service', top: 1, direction: 'up' })),
  ask('why did costs go up in September?', sep({ kind: 'why', against: AUG })),
  ask('EC2 by region, last week vs the week before', { kind: 'compare', period: ['2024-09-16', '2024-09-23'], against: ['2024-09-09', '2024-09-16'], filters: { services: EC2 }, groupBy: 'region' }, '2024-09-25'),
  // Noise, casing, typos
  ask('*What* did <@U024BE7LH> _EC2_ cost us in September, please?', sep({ filters: { services: EC2 } })),
  ask('WHAT DID AWS COST LAST MONTH???', sep({ filters: { providers: ['aws'] } })),
  ask('hey penny, quick q — how much did Storage Accounts run us in Sept?', sep({ filters: { services: ['Storage Accounts'] } })),
  ask('waht did we spnd on ec2 last mnth', sep({ filters: { services: EC2 } })),
  ask('how much did we spend in septmber', sep()),
  ask('\u201cAzure\u201d costs for \u2018last month\u2019 \ud83d\ude4f', sep({ filters: { providers: ['azure'] } })),
  // Forecast, budget, anomaly and recommendation questions: answered by their services (ask-eval-later.ts)
  ask('anything unusual last month?', sep({ kind: 'anomalies' })),
  ask('will we go over budget this month?', { kind: 'budget', period: ['2024-10-01', '2024-10-15'] }),
  ask("what's our forecast for october", { kind: 'forecast', period: ['2024-10-01', '2024-11-01'] }),
  ask('how can we cut our EC2 bill?', { kind: 'recommendations', period: OCT_SO_FAR, filters: { services: EC2 } }),
  // Refusals: unknown names, names with no costs, questions Penny cannot answer exactly
  ask('what did we spend on bigquery last month', { refused: 'not-in-data' }),
  ask('how much did GCP cost last month?', { refused: 'not-in-data' }),
  ask('What did lamda cost last month?', { refused: 'unknown-name', suggests: 'AWS Lambda' }),
  ask('Orion Zenit spend last month', { refused: 'unknown-name', suggests: 'Orion Zenith' }),
  ask('how much egress did we pay for last month', { refused: 'unsupported' }),
  ask("what's the average daily cost in september", { refused: 'unsupported' }),
  ask('what did we spend on compute in september', { refused: 'unsupported' }),
  ask('costs by service and region last month', { refused: 'unsupported' }),
  ask('costs by team last month', { refused: 'unknown-name' }),
  ask('what did we spend today?', { refused: 'no-days' }),
];
