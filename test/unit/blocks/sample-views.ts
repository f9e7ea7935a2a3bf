/** Realistic view models for builder tests, made by the real presenters from hand-made answers. */
import { presentCompare, presentDaily, presentDigest, presentHome, presentSummary, presentTop } from '../../../src/services/present/presenters';
import type { RenderedChart } from '../../../src/ports/chart-renderer';
import { answer, FRESH, period, type Row } from '../present/answer-fixtures';

export const URL_CHART: Extract<RenderedChart, { type: 'url' }> = { type: 'url', url: 'https://quickchart.io/chart?c=%7B%7D', altText: 'Top services. Bar chart, total $2,950.00.' };
export const PNG_CHART: RenderedChart = { type: 'png', png: Buffer.from([0x89, 0x50]), filename: 'chart.png', altText: 'Daily cost chart' };

const services: Row[] = [
  ['AmazonEC2', '1523.4567', 'USD', 'Amazon Elastic Compute Cloud'],
  ['AmazonRDS', '812.10', 'USD', 'Amazon Relational Database Service'],
  ['AmazonS3', '301.99', 'USD', 'Amazon Simple Storage Service'],
  ['BigQuery', '220', 'USD', 'BigQuery'],
  ['AzureVM', '75.5', 'USD', 'Virtual Machines'],
  ['Lambda', '12.004', 'USD', 'AWS Lambda'],
  ['Credit', '-5', 'USD', 'Promotional credit'],
];
const previous: Row[] = [
  ['AmazonEC2', '1400', 'USD', 'Amazon Elastic Compute Cloud'],
  ['AmazonRDS', '900', 'USD', 'Amazon Relational Database Service'],
  ['AmazonS3', '301.99', 'USD', 'Amazon Simple Storage Service'],
  ['Old', '40', 'USD', 'Amazon Lightsail'],
];
const applied = [{ dim: 'provider', input: 'aws', matched: ['AWS'] }, { dim: 'account', input: 'prod east', matched: ['prod-east (123456789012)'] }];

export const summary = () => presentSummary(answer({ groupBy: 'service', rows: services, previous, applied }), FRESH, 'last month');
export const top = () =>
  presentTop(
    answer({ groupBy: 'account', rows: [['123456789012', '900', 'USD', 'prod'], ['210987654321', '300', 'USD', 'staging'], ['sandbox', '2']], previous: [['123456789012', '1000', 'USD', 'prod']] }),
    'account',
    FRESH,
    'last month',
  );
export const compare = () => presentCompare(answer({ groupBy: 'service', rows: services, previous }), 'last month');
export const daily = () => {
  const p = period('2026-11-14..2026-11-20');
  const aws = answer({ period: p, groupBy: 'day', rows: [['2026-11-14', '40'], ['2026-11-15', '42.5'], ['2026-11-18', '60'], ['2026-11-19', '38']] });
  const gcp = answer({ period: p, groupBy: 'day', rows: [['2026-11-14', '5'], ['2026-11-18', '7.25']] });
  return presentDaily([{ provider: 'aws', answer: aws }, { provider: 'gcp', answer: gcp }], p.label, '2026-11-14..2026-11-20', FRESH, 'USD');
};
export const home = () =>
  presentHome({
    mtd: answer({ period: period('this month'), groupBy: 'service', rows: services, previous }),
    byProvider: answer({ period: period('this month'), groupBy: 'provider', rows: [['aws', '2650'], ['gcp', '220'], ['azure', '75.5']] }),
    byAccount: answer({ period: period('this month'), groupBy: 'account', rows: [['123456789012', '2000', 'USD', 'prod'], ['my-project', '220']] }),
    last30: answer({ period: period('30d'), groupBy: 'day', rows: [['2026-11-02', '100'], ['2026-11-19', '120']] }),
    freshness: FRESH,
    digests: [{ channel: 'C0123ABC', time: '09:00', timeZone: 'Europe/Berlin' }],
  });
export const digest = () =>
  presentDigest({
    localDate: '2026-11-20',
    yesterday: answer({ period: period('2026-11-19..2026-11-19'), groupBy: 'service', rows: services.slice(0, 4) }),
    week: answer({ period: period('2026-11-12..2026-11-18'), groupBy: 'service', rows: [['AmazonEC2', '9000'], ['AmazonRDS', '5684.7'], ['BigQuery', '1400']] }),
    mtd: answer({ period: period('2026-11-01..2026-11-19'), groupBy: 'service', rows: services, previous }),
    last14: answer({ period: period('2026-11-06..2026-11-19'), groupBy: 'day', rows: [['2026-11-19', '2857.5467']] }),
    freshness: FRESH,
  });
