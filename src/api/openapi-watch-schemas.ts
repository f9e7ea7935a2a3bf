/** JSON Schemas of the budget, anomaly and recommendation answers (the CLI's --json contracts). */
import { RECOMMENDATION_KINDS } from '../domain/advice/recommendation';
import { BUDGET_PERIODS } from '../domain/budget/budget';

const decimal = { type: 'string', pattern: '^-?\\d+(\\.\\d+)?$', description: 'An exact decimal amount.' };
const day = { type: 'string', format: 'date' };
const nullable = (schema: Record<string, unknown>) => ({ oneOf: [schema, { type: 'null' }] });
const percents = { type: 'array', items: { type: 'number' } };
const scopeArg = { type: 'string', description: 'total, provider:aws, account:ID, service:NAME or tag:KEY=VALUE.' };

const budgetLine = {
  type: 'object',
  required: ['name', 'scope', 'period', 'from', 'to', 'amount', 'actual', 'percent', 'forecast', 'projected_breach', 'thresholds', 'forecast_thresholds', 'fired'],
  properties: {
    name: { type: 'string' },
    scope: scopeArg,
    period: { enum: [...BUDGET_PERIODS] },
    from: { ...day, description: 'First day of the period containing as_of.' },
    to: { ...day, description: 'Last day of that period, inclusive.' },
    amount: decimal,
    actual: { ...decimal, description: 'Spend in the period, from the days before as_of.' },
    percent: nullable({ type: 'number', description: 'actual / amount × 100, for display; the decimals are the exact figures.' }),
    forecast: nullable({ ...decimal, description: 'The period-end forecast; null once the period has ended.' }),
    projected_breach: nullable({ ...day, description: 'The day spend reached, or is forecast to reach, the amount.' }),
    thresholds: percents,
    forecast_thresholds: percents,
    fired: { type: 'array', items: { type: 'object', properties: { kind: { enum: ['actual', 'forecast'] }, threshold: { type: 'number' }, at: { type: 'string', format: 'date-time' } } } },
    unmatched: { type: 'boolean', description: 'Present (true) when the scope matches no costs yet.' },
  },
};

const recommendation = {
  type: 'object',
  required: ['id', 'kind', 'title', 'scope', 'monthly_saving', 'currency', 'saving_method', 'evidence', 'state', 'source'],
  properties: {
    id: { type: 'string', description: 'rec-…, stable while the advice stands.' },
    kind: { enum: [...RECOMMENDATION_KINDS] },
    title: { type: 'string' },
    scope: { type: 'object', properties: { provider: { type: 'string' }, account: { type: 'string' }, account_name: { type: 'string' }, service: { type: 'string' }, region: { type: 'string' }, resource_id: { type: 'string' } } },
    resource_id: nullable({ type: 'string' }),
    monthly_saving: decimal,
    currency: { type: 'string' },
    saving_method: { type: 'string' },
    evidence: { type: 'object', description: 'summary, from, to, and the facts the saving rests on (money as decimal strings).', properties: { summary: { type: 'string' }, from: day, to: day } },
    state: { enum: ['open', 'dismissed', 'snoozed'] },
    source: { enum: ['penny', 'aws'] },
    snoozed_until: day,
    reopened: { type: 'boolean' },
    first_seen: day,
    also_suggested: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, kind: { type: 'string' }, source: { type: 'string' }, monthly_saving: decimal } } },
  },
};

export const WATCH_SCHEMAS: Record<string, unknown> = {
  Budget: {
    type: 'object',
    description: 'A budget as set (`penny budget list --json` rows): the request body with defaults filled in.',
    required: ['name', 'scope', 'period', 'amount', 'thresholds', 'forecast_thresholds'],
    properties: { name: { type: 'string' }, scope: scopeArg, period: { enum: [...BUDGET_PERIODS] }, amount: decimal, thresholds: percents, forecast_thresholds: percents },
  },
  BudgetLine: budgetLine,
  BudgetStatus: {
    type: 'object',
    description: 'The `penny budget status --json` contract.',
    required: ['as_of', 'currency', 'budgets'],
    properties: { as_of: day, currency: { type: 'string' }, budgets: { type: 'array', items: { $ref: '#/components/schemas/BudgetLine' } } },
  },
  Anomalies: {
    type: 'object',
    description: 'The `penny anomalies --json` contract: one entry per event, oldest first.',
    required: ['from', 'to', 'anomalies'],
    properties: {
      from: day,
      to: { ...day, description: 'Inclusive; no later than the day before as-of.' },
      anomalies: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            day, start_day: day,
            kind: { enum: ['spike', 'level-shift', 'ramp', 'new'] },
            scope: { type: 'object', description: 'The series: {} is the total; else provider, account, service and tag (KEY=VALUE).', properties: { provider: { type: 'string' }, account: { type: 'string' }, service: { type: 'string' }, tag: { type: 'string' } } },
            currency: { type: 'string' }, actual: decimal, expected: decimal, impact: decimal,
            deviation_pct: nullable({ type: 'number' }),
            severity: { enum: ['low', 'medium', 'high'] },
            status: { enum: ['open', 'retracted'] },
            drivers: { type: 'array', items: { type: 'object', properties: { dimension: { type: 'string' }, key: { type: 'string' }, label: { type: 'string' }, impact: decimal } } },
          },
        },
      },
    },
  },
  Recommendations: {
    type: 'object',
    description: 'The `penny recommend --json` contract, ranked by monthly saving.',
    required: ['as_of', 'currency', 'recommendations', 'total_monthly_saving'],
    properties: {
      as_of: day,
      currency: { type: 'string' },
      recommendations: { type: 'array', items: recommendation },
      total_monthly_saving: decimal,
      other_currencies: { type: 'array', items: { type: 'object', properties: { currency: { type: 'string' }, total_monthly_saving: decimal, count: { type: 'integer' } } } },
      notes: { type: 'array', items: { type: 'string' } },
    },
  },
};
