/**
 * Evaluation questions over the demo company's data (DemoCostSource, anchor 2025-03-01, loaded
 * from 2024-11-01). Unless said otherwise, "today" is Thursday 2025-02-20.
 */
import type { EvalItem, ExpectAnswer, ExpectRefusal } from './ask-eval';

export const DEMO_ANCHOR = '2025-03-01';
export const DEMO_RANGE = { start: '2024-11-01', end: DEMO_ANCHOR };

const JAN: [string, string] = ['2025-01-01', '2025-02-01'];
const DEC: [string, string] = ['2024-12-01', '2025-01-01'];
const FEB_SO_FAR: [string, string] = ['2025-02-01', '2025-02-20'];
const JAN_SAME_DAYS: [string, string] = ['2025-01-01', '2025-01-20'];
const LAST_WEEK: [string, string] = ['2025-02-10', '2025-02-17'];
const LAST_30: [string, string] = ['2025-01-21', '2025-02-20'];
const EC2 = ['Amazon Elastic Compute Cloud'];
const PROD_CORE = '111111111111';
const DATA_PLATFORM = '222222222222';
const SANDBOX = '444444444444';

const ask = (q: string, expect: ExpectAnswer | ExpectRefusal, asOf = '2025-02-20'): EvalItem => ({ q, asOf, expect });
const jan = (more: Partial<ExpectAnswer> = {}): ExpectAnswer => ({ kind: 'totals', period: JAN, ...more });

export const DEMO_QUESTIONS: EvalItem[] = [
  ask('What did EC2 cost us last week?', { kind: 'totals', period: LAST_WEEK, filters: { services: EC2 } }),
  ask('which service grew most vs last month?', { kind: 'movers', period: FEB_SO_FAR, against: JAN_SAME_DAYS, groupBy: 'service', top: 1, direction: 'up' }),
  ask('Why is Azure up this month?', { kind: 'why', period: FEB_SO_FAR, against: JAN_SAME_DAYS, filters: { providers: ['azure'] } }),
  ask('how did last month compare to the month before', jan({ kind: 'compare', against: DEC })),
  ask('daily costs over the last 30 days', { kind: 'trend', period: LAST_30, groupBy: 'day' }),
  ask('monthly spend since november', { kind: 'trend', period: ['2024-11-01', '2025-02-20'], groupBy: 'month' }),
  ask('top 5 services this month', { kind: 'totals', period: FEB_SO_FAR, groupBy: 'service', top: 5 }),
  ask('costs by team last month', jan({ groupBy: 'tag:team' })),
  ask('what did the data team spend in January', jan({ filters: { tags: ['team=data'] } })),
  ask('spend tagged env production in december', { kind: 'totals', period: DEC, filters: { tags: ['env=prod'] } }),
  ask('BigQuery in the last 7 days', { kind: 'totals', period: ['2025-02-13', '2025-02-20'], filters: { services: ['BigQuery'] } }),
  ask('GCE costs last month', jan({ filters: { services: ['Compute Engine'] } })),
  ask('what do we pay for gke', { kind: 'totals', period: FEB_SO_FAR, filters: { services: ['Kubernetes Engine'] } }),
  ask('prod-core spend by service in January', jan({ filters: { accounts: [PROD_CORE] }, groupBy: 'service' })),
  ask('how much did data-platform spend on EC2 last month', jan({ filters: { accounts: [DATA_PLATFORM], services: EC2 } })),
  ask('sandbox credits in january', jan({ filters: { accounts: [SANDBOX], chargeCategories: ['credit'] } })),
  ask('purchases last month', jan({ filters: { chargeCategories: ['purchase'] } })),
  ask('What did we spend excluding credits in January?', jan({ filters: { excludeChargeCategories: ['credit'] } })),
  ask('amortized EC2 costs last month', jan({ filters: { services: EC2 }, metric: 'effective' })),
  ask('list price of compute engine in january', jan({ filters: { services: ['Compute Engine'] }, metric: 'list' })),
  ask('which region grew the most in january compared to december', jan({ kind: 'movers', against: DEC, groupBy: 'region', top: 1, direction: 'up' })),
  ask('biggest movers by account this month', { kind: 'movers', period: FEB_SO_FAR, against: JAN_SAME_DAYS, groupBy: 'account', top: 5, direction: 'any' }),
  ask('what dropped the most last week?', { kind: 'movers', period: LAST_WEEK, against: ['2025-02-03', '2025-02-10'], groupBy: 'service', top: 1, direction: 'down' }),
  ask('What caused the jump in BigQuery spend this week?', { kind: 'why', period: ['2025-02-24', '2025-03-01'], against: ['2025-02-17', '2025-02-22'], filters: { services: ['BigQuery'] }, drivers: ['account', 'region'] }, '2025-03-01'),
  ask('any anomalies in gcp this week?', { kind: 'anomalies', period: ['2025-02-17', '2025-02-20'], filters: { providers: ['gcp'] } }),
  ask('are we on track with our budget?', { kind: 'budget', period: FEB_SO_FAR }),
  ask('what will we spend by the end of the month?', { kind: 'forecast', period: ['2025-02-01', '2025-03-01'] }),
  ask('where can we save money on RDS?', { kind: 'recommendations', period: ['2025-02-01', '2025-02-21'], filters: { services: ['Amazon Relational Database Service'] } }),
  ask('Costs in West Europe last month', jan({ filters: { regions: ['westeurope'] } })),
  ask('How much did we spend in Iowa in december', { kind: 'totals', period: DEC, filters: { regions: ['us-central1'] } }),
  ask('us-east-1 vs eu-central-1 last month', jan({ filters: { regions: ['us-east-1', 'eu-central-1'] }, groupBy: 'region' })),
  ask('Is GCP more expensive than AWS this month?', { kind: 'totals', period: FEB_SO_FAR, filters: { providers: ['gcp', 'aws'] }, groupBy: 'provider' }),
  ask('last week vs the week before for Vertex AI', { kind: 'compare', period: LAST_WEEK, against: ['2025-02-03', '2025-02-10'], filters: { services: ['Vertex AI'] } }),
  ask('How much more did we spend on BigQuery in January than in December?', jan({ kind: 'compare', against: DEC, filters: { services: ['BigQuery'] } })),
  ask('what was our most expensive day last month?', jan({ groupBy: 'day', top: 1 })),
  ask('cost per env last month', jan({ groupBy: 'tag:env' })),
  ask('cost center breakdown for january', jan({ groupBy: 'tag:cost-center' })),
  ask('how are Lambda costs trending?', { kind: 'trend', period: LAST_30, groupBy: 'day', filters: { services: ['AWS Lambda'] } }),
  ask('Q4 costs by provider', { kind: 'totals', period: ['2024-10-01', '2025-01-01'], groupBy: 'provider' }),
  ask('what did we spend in november 2024', { kind: 'totals', period: ['2024-11-01', '2024-12-01'] }),
  ask('spend for the last 2 weeks', { kind: 'totals', period: ['2025-02-03', '2025-02-17'] }),
  ask('what did we spend 2 weeks ago', { kind: 'totals', period: ['2025-02-03', '2025-02-10'] }),
  ask('how much did Corp-IT spend last month', jan({ filters: { accounts: ['/subscriptions/5f1c2a9e-1111-4c2b-9d1e-0a1b2c3d4e5f'] } })),
  ask('What did the Customer Portal subscription cost in January?', jan({ filters: { accounts: ['/subscriptions/8e7d6c5b-2222-4a3b-8c9d-1f2e3d4c5b6a'] } })),
  ask('AKS spend yesterday', { kind: 'totals', period: ['2025-02-19', '2025-02-20'], filters: { services: ['Azure Kubernetes Service'] } }),
  ask('what did azure sql cost last month', jan({ filters: { services: ['Azure SQL Database'] } })),
  ask('How much are we spending on CloudFront per day?', { kind: 'trend', period: LAST_30, groupBy: 'day', filters: { services: ['Amazon CloudFront'] } }),
  ask('storage accounts by region in january', jan({ filters: { services: ['Storage Accounts'] }, groupBy: 'region' })),
  ask('what did dynamo cost us in Q1 so far', { kind: 'totals', period: ['2025-01-01', '2025-02-20'], filters: { services: ['Amazon DynamoDB'] } }),
  ask('hey <@U1> what did s3 + ebs cost last month?', jan({ filters: { services: ['Amazon Simple Storage Service', 'Amazon Elastic Block Store'] } })),
  ask('How much did Amazon spend on CloudWatch last week', { kind: 'totals', period: LAST_WEEK, filters: { providers: ['aws'], services: ['Amazon CloudWatch'] } }),
  ask('costs by charge category last month', jan({ groupBy: 'charge-category' })),
  ask('which team spent the most last month?', jan({ groupBy: 'tag:team', top: 1 })),
  ask('top 3 teams this month', { kind: 'totals', period: FEB_SO_FAR, groupBy: 'tag:team', top: 3 }),
  ask('what was spent in staging last month', jan({ filters: { accounts: ['333333333333'] } })),
  ask('EC2 costs this month vs last month', { kind: 'compare', period: FEB_SO_FAR, against: JAN_SAME_DAYS, filters: { services: EC2 } }),
  ask('how did AWS change from December to January', jan({ kind: 'compare', against: DEC, filters: { providers: ['aws'] } })),
  ask('What did we spend between December 1 and December 15?', { kind: 'totals', period: ['2024-12-01', '2024-12-16'] }),
  ask('ytd spend', { kind: 'totals', period: ['2025-01-01', '2025-02-20'] }),
  ask('hwo much did we spend on vertx ai last month', { refused: 'unknown-name', suggests: 'Vertex AI' }),
  ask('what did we spend today?', { refused: 'no-days' }),
  ask('How much will we spend next week?', { kind: 'forecast', period: ['2025-02-24', '2025-03-03'] }),
  ask('Daily EC2 by account last week', { refused: 'unsupported' }),
  ask('egress costs last month', { refused: 'unsupported' }),
  ask('how much did Snowflake cost us last month', { refused: 'unknown-name' }),
  ask('thanks penny!', { refused: 'empty' }),
  ask('costs for the ml team vs the web team last month', { refused: 'unsupported' }),
  ask('what did we spend on Oracle last month', { refused: 'not-in-data' }),
  ask('How much did we spend this month?', { refused: 'no-days' }, '2025-03-01'),
  ask('February spend by provider', { kind: 'totals', period: ['2025-02-01', '2025-03-01'], groupBy: 'provider' }, '2025-03-01'),
];
