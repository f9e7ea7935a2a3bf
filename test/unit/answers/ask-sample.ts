/** An ask answer for renderer tests: a comparison by region with an amount finer than a cent. */
import type { AskAnswerView } from '../../../src/answers/ask';

export const SAMPLE_ASK: AskAnswerView = {
  kind: 'ask',
  text: 'EC2 (Amazon Elastic Compute Cloud) costs for September 2024: $20.00, up $5.00 (33.3%) from $15.00 in August 2024.',
  query: {
    kind: 'compare', metric: 'billed',
    period: { label: 'September 2024', start: '2024-09-01', end: '2024-10-01', last: '2024-09-30' },
    against: { label: 'August 2024', start: '2024-08-01', end: '2024-09-01', last: '2024-08-31' },
    filters: { providers: [], accounts: [], services: ['Amazon Elastic Compute Cloud'], regions: [], chargeCategories: [], excludeChargeCategories: [], tags: [] },
    filterLabels: ['service Amazon Elastic Compute Cloud'],
    groupBy: 'region',
  },
  currency: 'USD',
  total: 20_000_000_001n,
  previousTotal: 15_000_000_000n,
  groups: [{ key: 'us-east-1', label: 'us-east-1', cost: 20_000_000_001n, previous: 15_000_000_000n, change: 5_000_000_001n }],
  freshness: { today: '2024-10-16', lastDay: '2024-10-15', settlingDays: 2 },
  available: true,
  answeredBy: 'parser',
  followUps: ['by service', 'and the month before?'],
};
