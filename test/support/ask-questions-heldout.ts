/**
 * Held-out questions: written after the parser was tuned on the main set, and kept as first written.
 * Their score is reported on its own (it is not part of the 95% gate), so that it shows how the
 * parser does on phrasings it was not fitted to.
 */
import type { EvalItem, ExpectAnswer, ExpectRefusal } from './ask-eval';

const SEP: [string, string] = ['2024-09-01', '2024-10-01'];
const AUG: [string, string] = ['2024-08-01', '2024-09-01'];
const JAN: [string, string] = ['2025-01-01', '2025-02-01'];
const DEC: [string, string] = ['2024-12-01', '2025-01-01'];
const NOV: [string, string] = ['2024-11-01', '2024-12-01'];
const FEB_SO_FAR: [string, string] = ['2025-02-01', '2025-02-20'];
const JAN_SAME_DAYS: [string, string] = ['2025-01-01', '2025-01-20'];
const EC2 = ['Amazon Elastic Compute Cloud'];

const focus = (q: string, expect: ExpectAnswer | ExpectRefusal): EvalItem => ({ q, asOf: '2024-10-15', expect });
const demo = (q: string, expect: ExpectAnswer | ExpectRefusal): EvalItem => ({ q, asOf: '2025-02-20', expect });

export const HELDOUT_FOCUS: EvalItem[] = [
  focus('Can you tell me what our total cloud spend was for September?', { kind: 'totals', period: SEP }),
  focus('How much did Amazon Web Services cost us last month?', { kind: 'totals', period: SEP, filters: { providers: ['aws'] } }),
  focus('What are our five most expensive services for September 2024?', { kind: 'totals', period: SEP, groupBy: 'service', top: 5 }),
  focus("Give me a breakdown of last month's spend by region", { kind: 'totals', period: SEP, groupBy: 'region' }),
  focus('how much did we spend on CloudFront in September', { kind: 'totals', period: SEP, filters: { services: ['Amazon CloudFront'] } }),
  focus('DynamoDB spend for last month?', { kind: 'totals', period: SEP, filters: { services: ['Amazon DynamoDB'] } }),
  focus('What did we spend in Ohio last month', { kind: 'totals', period: SEP, filters: { regions: ['us-east-2'] } }),
  focus('How much did account Orion Pioneer spend in September?', { kind: 'totals', period: SEP, filters: { accounts: ['/subscriptions/64e355d7-997c-491d-b0c1-8414dccfcf42', '21473187560'] } }),
  focus('Show me EC2 spend per day for September', { kind: 'trend', period: SEP, groupBy: 'day', filters: { services: EC2 } }),
  focus("What's the amortized spend by service for last month?", { kind: 'totals', period: SEP, groupBy: 'service', metric: 'effective' }),
  focus('Which region had the highest costs last month?', { kind: 'totals', period: SEP, groupBy: 'region', top: 1 }),
  focus('How much did we get in credits in September?', { kind: 'totals', period: SEP, filters: { chargeCategories: ['credit'] } }),
  focus('total spend for the week of sep 9', { kind: 'totals', period: ['2024-09-09', '2024-09-16'] }),
  focus('what were costs like in the first week of September', { kind: 'totals', period: ['2024-09-01', '2024-09-08'] }),
  focus('Spending on Azure Machine Learning in September?', { kind: 'totals', period: SEP, filters: { services: ['Azure Machine Learning'] } }),
  focus('how much was the OpenShift cluster last month', { kind: 'totals', period: SEP, filters: { services: ['Red Hat OpenShift Service on AWS'] } }),
  focus("what's the list-price cost of our Azure spend in Sept", { kind: 'totals', period: SEP, filters: { providers: ['azure'] }, metric: 'list' }),
  focus('EC2 spend in us-east-1 vs us-west-2 last month', { kind: 'totals', period: SEP, filters: { services: EC2, regions: ['us-east-1', 'us-west-2'] }, groupBy: 'region' }),
  focus('did our AWS costs go up or down in september compared to august?', { kind: 'compare', period: SEP, against: AUG, filters: { providers: ['aws'] } }),
];

export const HELDOUT_DEMO: EvalItem[] = [
  demo('What did we spend on Vertex AI in December?', { kind: 'totals', period: DEC, filters: { services: ['Vertex AI'] } }),
  demo('How much is the ML training project costing us this month?', { kind: 'totals', period: FEB_SO_FAR, filters: { accounts: ['acme-ml-training'] } }),
  demo('Which GCP project spent the most in January?', { kind: 'totals', period: JAN, filters: { providers: ['gcp'] }, groupBy: 'account', top: 1 }),
  demo('Show me Azure spend by subscription for last month', { kind: 'totals', period: JAN, filters: { providers: ['azure'] }, groupBy: 'account' }),
  demo("What's the weekly trend?", { refused: 'unsupported' }),
  demo('How much did we spend on the data-platform account in December vs November?', { kind: 'compare', period: DEC, against: NOV, filters: { accounts: ['222222222222'] } }),
  demo('top 10 services last month', { kind: 'totals', period: JAN, groupBy: 'service', top: 10 }),
  demo('Costs for team platform last month', { kind: 'totals', period: JAN, filters: { tags: ['team=platform'] } }),
  demo("what's our Google Cloud bill so far this month", { kind: 'totals', period: FEB_SO_FAR, filters: { providers: ['gcp'] } }),
  demo('how did spend change week over week?', { kind: 'compare', period: ['2025-02-10', '2025-02-17'], against: ['2025-02-03', '2025-02-10'] }),
  demo('What did EBS cost in staging in January?', { kind: 'totals', period: JAN, filters: { services: ['Amazon Elastic Block Store'], accounts: ['333333333333'] } }),
  demo('how much prod spend did we have last month', { refused: 'unknown-name' }),
  demo('EC2 vs RDS in January', { kind: 'totals', period: JAN, filters: { services: [...EC2, 'Amazon Relational Database Service'] }, groupBy: 'service' }),
  demo('How much did we spend per month since November?', { kind: 'trend', period: ['2024-11-01', '2025-02-20'], groupBy: 'month' }),
  demo("What's driving the increase in AWS costs this month?", { kind: 'why', period: FEB_SO_FAR, against: JAN_SAME_DAYS, filters: { providers: ['aws'] } }),
  demo('Were there any cost spikes in January?', { kind: 'anomalies', period: JAN }),
  demo("What's the projected spend for February?", { kind: 'forecast', period: ['2025-02-01', '2025-03-01'] }),
  demo('Which accounts are costing us more than last month?', { kind: 'movers', period: FEB_SO_FAR, against: JAN_SAME_DAYS, groupBy: 'account', top: 5, direction: 'up' }),
  demo('what was the total for acme-analytics yesterday', { kind: 'totals', period: ['2025-02-19', '2025-02-20'], filters: { accounts: ['acme-analytics'] } }),
  demo('How much did the payments team spend on EC2 last month?', { kind: 'totals', period: JAN, filters: { tags: ['team=payments'], services: EC2 } }),
];
