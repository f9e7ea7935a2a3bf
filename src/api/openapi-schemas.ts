/** JSON Schemas of the API's answers, for the OpenAPI document. */
import { WATCH_SCHEMAS } from './openapi-watch-schemas';

const decimal = { type: 'string', pattern: '^-?\\d+(\\.\\d+)?$', description: 'An exact decimal amount.' };
const day = { type: 'string', format: 'date' };
const nullable = (schema: Record<string, unknown>) => ({ oneOf: [schema, { type: 'null' }] });

const project = {
  type: 'object',
  required: ['name', 'owner', 'channel', 'match'],
  properties: {
    name: { type: 'string' },
    owner: { type: 'string', description: 'Slack user (U…) or user group (S…) id.' },
    channel: { type: 'string', description: 'Slack channel id for its alerts and reports.' },
    match: { type: 'object', properties: { accounts: { type: 'array', items: { type: 'string' } }, tags: { type: 'array', items: { type: 'string', description: 'KEY=VALUE' } } } },
    updatedBy: { type: 'string' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
};

const line = { type: 'object', properties: { key: { type: 'string' }, label: { type: 'string' }, currency: { type: 'string' }, cost: decimal, previous: decimal, changePct: nullable({ type: 'string' }) } };
const findings = { type: 'object', properties: { available: { type: 'boolean' }, note: { type: 'string' }, items: { type: 'array', items: { type: 'object' } } } };

export const SCHEMAS: Record<string, unknown> = {
  ...WATCH_SCHEMAS,
  Report: {
    type: 'object',
    description: 'As CSV (format=csv): section,key,label,currency,cost,previous_cost,change_pct, with the totals first.',
    properties: {
      cadence: { enum: ['weekly', 'monthly'] },
      period: { type: 'string' },
      from: day,
      to: day,
      previous: { type: 'object', properties: { label: { type: 'string' }, from: day, to: day } },
      metric: { type: 'string' },
      totals: { type: 'array', items: { type: 'object', properties: { currency: { type: 'string' }, total: decimal, previous: decimal, changePct: nullable({ type: 'string' }) } } },
      breakdowns: { type: 'object', properties: { provider: { type: 'array', items: line }, service: { type: 'array', items: line }, account: { type: 'array', items: line }, project: { type: 'array', items: line } } },
      anomalies: findings,
      recommendations: findings,
    },
  },
  Project: project,
  ProjectList: { type: 'object', required: ['projects'], properties: { projects: { type: 'array', items: { $ref: '#/components/schemas/Project' } } } },
  ProjectChange: {
    type: 'object',
    required: ['project', 'notes'],
    properties: { project: { $ref: '#/components/schemas/Project' }, notes: { type: 'array', items: { type: 'string' } } },
  },
  Error: {
    type: 'object',
    required: ['error'],
    properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string', description: 'What to fix.' } } } },
  },
  Breakdown: {
    type: 'object',
    description: 'The `penny cost --json` contract. With several currencies, `currency` and `total` are null and `currencies` lists each.',
    required: ['from', 'to', 'metric', 'currency', 'total', 'groupBy', 'groups', 'currencies'],
    properties: {
      from: day,
      to: { ...day, description: 'Inclusive.' },
      metric: { enum: ['billed', 'effective', 'list'] },
      currency: nullable({ type: 'string' }),
      total: nullable(decimal),
      groupBy: nullable({ type: 'string' }),
      groups: {
        type: 'array',
        items: {
          type: 'object',
          required: ['key', 'label', 'currency', 'cost'],
          properties: { key: { type: 'string' }, label: { type: 'string' }, currency: { type: 'string' }, cost: decimal, previous: decimal },
        },
      },
      currencies: { type: 'array', items: { type: 'object', properties: { currency: { type: 'string' }, total: decimal } } },
      previous: { type: 'object', properties: { from: day, to: day, currencies: { type: 'array' } } },
      filters: { type: 'array', items: { type: 'object', properties: { dim: { type: 'string' }, input: { type: 'string' }, matched: { type: 'array', items: { type: 'string' } } } } },
      series: {
        type: 'object',
        description: 'Daily costs split by `groupBy` (only /costs/daily with a groupBy other than day).',
        properties: {
          groupBy: { type: 'string' },
          rows: { type: 'array', items: { type: 'object', properties: { day, key: { type: 'string' }, label: { type: 'string' }, currency: { type: 'string' }, cost: decimal } } },
        },
      },
    },
  },
  Health: {
    type: 'object',
    required: ['ok', 'database', 'sources'],
    properties: {
      ok: { type: 'boolean' },
      checkedAt: { type: 'string', format: 'date-time' },
      database: { type: 'object', properties: { up: { type: 'boolean' }, ms: { type: 'number' }, error: { type: 'string' } } },
      data: { type: 'object', properties: { firstDay: day, lastDay: day, lastWriteAt: { type: 'string', format: 'date-time' } } },
      sources: {
        type: 'array',
        items: { type: 'object', properties: { source: { type: 'string' }, lastSyncAt: { type: 'string', format: 'date-time' }, records: { type: 'integer' } } },
      },
    },
  },
};
