/**
 * The tools the model may call, as zod schemas: the one definition both of what the model is told
 * (JSON Schema) and of what is accepted (arguments are parsed with it before anything runs).
 * Every tool maps to a typed intent of the offline answerer; none takes a query, a field name or
 * anything else that could reach the store unchecked.
 */
import { z } from 'zod';
import { CHARGE_CATEGORIES, METRICS } from '../../domain/cost-record';
import type { LlmTool } from '../../ports/llm-client';

const NAME = z.string().trim().min(1).max(200);
const NAMES = z.array(NAME).max(10);

const period = z.string().trim().min(1).max(60)
  .describe('A period such as "last month", "this month", "last 7 days", "September 2024", "2024-09", "Q3 2024" or "2024-09-01..2024-09-15". Relative periods are read against today.');
const against = z.string().trim().min(1).max(60).optional()
  .describe('The period to compare with (default: the period just before, like for like).');

const filters = z.object({
  providers: NAMES.optional().describe('Cloud providers, e.g. "aws", "azure", "gcp".'),
  accounts: NAMES.optional().describe('Accounts, projects or subscriptions, by name or id.'),
  services: NAMES.optional().describe('Services as the user names them, e.g. "EC2", "Amazon S3", "BigQuery".'),
  regions: NAMES.optional().describe('Regions, e.g. "us-east-1", "West Europe".'),
  tags: z.array(z.string().trim().regex(/^[^=\s][^=]{0,63}=.{1,128}$/)).max(5).optional().describe('Tags as KEY=VALUE, e.g. "env=prod".'),
  chargeCategories: z.array(z.enum(CHARGE_CATEGORIES)).max(5).optional().describe('Only these charge categories.'),
  excludeChargeCategories: z.array(z.enum(CHARGE_CATEGORIES)).max(5).optional().describe('Leave these charge categories out, e.g. ["credit"].'),
}).strict().optional().describe('Narrow the costs; leave out for all costs.');

const metric = z.enum(METRICS as [string, ...string[]]).optional()
  .describe('Cost basis: "billed" (as invoiced, the default), "effective" (amortized) or "list" (before discounts).');
const breakdown = z.string().trim().regex(/^(service|account|region|provider|charge-category|tag:[^\s]{1,64})$/);
const timeOrBreakdown = z.string().trim().regex(/^(day|month|service|account|region|provider|charge-category|tag:[^\s]{1,64})$/);

export const TOOL_ARGS = {
  query_costs: z.object({
    period, filters, metric,
    groupBy: timeOrBreakdown.optional().describe('Break the total down: "service", "account", "region", "provider", "charge-category", "tag:KEY"; "day" or "month" for a trend.'),
    top: z.number().int().min(1).max(50).optional().describe('Keep only the N largest groups.'),
  }).strict(),
  compare_periods: z.object({
    period, against, filters, metric,
    groupBy: breakdown.optional().describe('Also compare each group: "service", "account", "region", "provider", "tag:KEY".'),
    top: z.number().int().min(1).max(50).optional(),
  }).strict(),
  top_movers: z.object({
    period, against, filters, metric,
    groupBy: breakdown.optional().describe('What moved: "service" (default), "account", "region", "provider", "tag:KEY".'),
    direction: z.enum(['up', 'down', 'any']).optional().describe('"up" for increases, "down" for decreases, "any" (default).'),
    top: z.number().int().min(1).max(20).optional().describe('How many movers (default 5).'),
  }).strict(),
  explain_change: z.object({ period, against, filters, metric }).strict(),
  anomalies: z.object({ period: period.optional(), filters }).strict(),
  forecast: z.object({
    period: period.optional(),
    filters,
    groupBy: z.enum(['provider', 'service']).optional().describe('Split the forecast by "provider" or "service".'),
  }).strict(),
  budgets: z.object({
    period: period.optional(),
    filters,
    names: NAMES.optional().describe('Budgets by name, e.g. ["data-platform"]; leave out for every budget (or those the filters name).'),
  }).strict(),
  recommendations: z.object({ filters, top: z.number().int().min(1).max(20).optional().describe('How many to list (default 5).') }).strict(),
} as const;

export type ToolName = keyof typeof TOOL_ARGS;
export type ToolArgs<N extends ToolName> = z.infer<(typeof TOOL_ARGS)[N]>;
export type FilterArgs = z.infer<typeof filters>;

const DESCRIPTIONS: Record<ToolName, string> = {
  query_costs: 'Total cost for a period, optionally narrowed by filters and broken down by a dimension (or by day or month for a trend).',
  compare_periods: 'A period against another (by default the one before): both totals and the change, optionally per group.',
  top_movers: 'The groups whose cost changed most between two periods.',
  explain_change: 'Why cost changed between two periods: the biggest changes by service, account and region.',
  anomalies: 'Unusual daily costs (spikes) in a period, each with its impact and what drove it.',
  forecast: 'The projected cost of a period that has not ended yet (default: this whole month), with its range and the spend so far.',
  budgets: 'Budget status, as of today: each budget\'s spend, share used, forecast and whether it is over or projected to go over.',
  recommendations: 'Savings recommendations, best first, with their monthly savings.',
};

export function isToolName(name: string): name is ToolName {
  return Object.prototype.hasOwnProperty.call(TOOL_ARGS, name);
}

/** The tools as the model is told about them. */
export function toolDefinitions(): LlmTool[] {
  return (Object.keys(TOOL_ARGS) as ToolName[]).map((name) => {
    const { $schema: _drop, ...parameters } = z.toJSONSchema(TOOL_ARGS[name]) as Record<string, unknown>;
    return { name, description: DESCRIPTIONS[name], parameters };
  });
}
