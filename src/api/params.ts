/**
 * Query parameters, validated with zod. A mistake answers 400 with a sentence that names the
 * parameter, what it got and what it takes. Repeatable filters may be given several times.
 */
import { z } from 'zod';
import { AppError } from '../domain/errors';
import { isDay } from '../domain/days';

const day = z.string().refine(isDay, 'must be a date like 2024-09-01 (YYYY-MM-DD)');
const text = z.string().trim().min(1, 'must not be empty');
const list = z.array(text).default([]);

export const COST_GROUPS = 'service, account, region, provider, day, month, charge-category, project or tag:KEY';

/** The query of /costs/summary and /costs/daily. */
export const costParamsSchema = z
  .object({
    from: day.optional().describe('First day, inclusive (YYYY-MM-DD); goes with `to`.'),
    to: day.optional().describe('Last day, inclusive (YYYY-MM-DD); goes with `from`.'),
    period: text.optional().describe('A period in words, as in Slack: "last month", 30d, 2024-09, "Q3 2024". Default: this month (summary), 30d (daily).'),
    groupBy: z
      .string()
      .regex(/^(service|account|region|provider|day|month|charge-category|project|tag:.+)$/, `must be ${COST_GROUPS}`)
      .optional()
      .describe(`Group by ${COST_GROUPS}.`),
    provider: list.describe('Only this provider (aws, azure, gcp, …); repeatable.'),
    account: list.describe('Only this sub-account (id or name) or billing account; repeatable.'),
    service: list.describe('Only this service (name or short name such as ec2); repeatable.'),
    region: list.describe('Only this region (id or name); repeatable.'),
    project: list.describe('Only costs of this project (see /projects); repeatable.'),
    tag: z.array(z.string().regex(/^[^=]+=.*$/, 'must be KEY=VALUE, like team=data')).default([]).describe('Only costs with this tag, KEY=VALUE; repeatable.'),
    metric: z.enum(['billed', 'effective', 'list'], { error: 'must be billed, effective or list' }).default('billed').describe('Which cost: billed (default), effective or list.'),
    compare: z.enum(['true', 'false'], { error: 'must be true or false' }).optional().describe('Also give the previous period.'),
    currency: z.string().regex(/^[A-Za-z]{3}$/, 'must be a three-letter currency code such as USD').optional().describe('Only costs billed in this currency.'),
  })
  .strict();

export type CostParams = z.infer<typeof costParamsSchema>;

export const reportParamsSchema = z
  .object({
    format: z.enum(['json', 'csv'], { error: 'must be json or csv' }).default('json').describe('json (default) or csv (RFC 4180).'),
    asOf: day.optional().describe('The report as it was due on this day (default today): the week or month before it.'),
  })
  .strict();

const asOf = day.optional().describe('Answer as if today were this day, from the days before it (default: today).');

/** The query of /anomalies: the CLI's `penny anomalies` period and --as-of. */
export const anomaliesParamsSchema = z
  .object({
    from: day.optional().describe('First day, inclusive (YYYY-MM-DD); goes with `to`.'),
    to: day.optional().describe('Last day, inclusive (YYYY-MM-DD); goes with `from`.'),
    period: text.optional().describe('A period in words, counted back from asOf: 30d (default), "last month", 2024-09.'),
    asOf,
  })
  .strict();

/** The query of /budgets and /budgets/{name}. */
export const budgetParamsSchema = z.object({ asOf }).strict();

/** The query of /recommendations: `penny recommend`'s --as-of, --all and filters. */
export const recommendationParamsSchema = z
  .object({
    asOf: day.optional().describe('Use only the days before this one (default: today).'),
    all: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false').describe('Also list dismissed and snoozed ones.'),
    provider: list.describe('Only this provider (aws, azure, gcp, …); repeatable.'),
    account: list.describe('Only this account (id or name); repeatable.'),
    service: list.describe('Only this service (name or short name such as ec2); repeatable.'),
    region: list.describe('Only this region; repeatable.'),
  })
  .strict();

/** `from`/`to` or `period`, never both, and never one bound alone. */
export function checkPeriodChoice(p: { from?: string; to?: string; period?: string }): void {
  if ((p.from || p.to) && p.period) throw new AppError('QUERY_INVALID', 'Give either "period" or "from" and "to", not both.');
  if (Boolean(p.from) !== Boolean(p.to)) throw new AppError('QUERY_INVALID', '"from" and "to" go together: give both (YYYY-MM-DD, "to" inclusive).');
}

/** Names of the parameters a schema takes as lists; the others may be given once. */
function listKeys(schema: z.ZodObject): Set<string> {
  const shape = z.toJSONSchema(schema, { io: 'input' }) as { properties?: Record<string, { type?: string }> };
  return new Set(Object.entries(shape.properties ?? {}).filter(([, p]) => p.type === 'array').map(([k]) => k));
}

const LISTS = new WeakMap<z.ZodObject, Set<string>>();

/** Parses URL query parameters with a zod object schema; throws QUERY_INVALID with a helpful sentence. */
export function parseQuery<S extends z.ZodObject>(schema: S, query: URLSearchParams): z.infer<S> {
  let lists = LISTS.get(schema);
  if (!lists) LISTS.set(schema, (lists = listKeys(schema)));
  const input: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const values = query.getAll(key);
    if (lists.has(key)) input[key] = values;
    else if (values.length > 1) throw new AppError('QUERY_INVALID', `Give the query parameter "${key}" only once.`);
    else input[key] = values[0]!;
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error, input, Object.keys(schema.shape));
  return parsed.data;
}

/** Validates a JSON body; the sentence names the field (`owner`, `match.accounts[0]`). */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown, what: string): z.infer<S> {
  if (body === undefined) throw new AppError('QUERY_INVALID', `Send ${what} as a JSON object in the request body.`);
  // reportInput: the sentence must tell a missing field from one of the wrong type.
  const parsed = schema.safeParse(body, { reportInput: true });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
  const What = what.charAt(0).toUpperCase() + what.slice(1);
  if (issue.code === 'unrecognized_keys') throw new AppError('QUERY_INVALID', `${What} has unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}.`);
  const message = issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message;
  throw new AppError('QUERY_INVALID', field ? `In ${what}, "${field}" ${message}.` : `${What} ${message}.`, { detail: parsed.error.issues });
}

function invalid(error: z.ZodError, input: Record<string, unknown>, known: string[]): AppError {
  const issue = error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    return new AppError('QUERY_INVALID', `Unknown query parameter ${issue.keys.map((k) => `"${k}"`).join(', ')}. This endpoint takes: ${known.join(', ')}.`);
  }
  const key = String(issue.path[0] ?? '');
  const value = input[key];
  const got = Array.isArray(value) ? value[Number(issue.path[1] ?? 0)] : value;
  return new AppError('QUERY_INVALID', `Query parameter "${key}" ${issue.message}${got !== undefined ? `; got "${got}"` : ''}.`, { detail: error.issues });
}
