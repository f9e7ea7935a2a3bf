/**
 * /budgets: where each budget stands (`penny budget status --json`), and finance's changes to
 * them. The body is read by the domain's budgetFromFields, as `penny budget set` reads its
 * options; amounts are decimal strings, since a JSON number may lose digits on the way.
 * Answers are not kept whole (alerts fire without a new write generation); the store reads are.
 */
import { z } from 'zod';
import { budgetJson, budgetStatusJson } from '../../answers/watchdog-json';
import { BUDGET_PERIODS } from '../../domain/budget/budget';
import { budgetFromFields } from '../../domain/budget/budget-fields';
import { AppError } from '../../domain/errors';
import type { Watchdog } from '../../services/watchdog';
import { budgetParamsSchema, parseBody, parseQuery } from '../params';
import type { Route, RouteRequest } from '../router';

const percentages = (what: string) =>
  z.array(z.number({ error: 'must be a number (a percentage, such as 80)' })).optional().describe(`Percentages of the amount ${what}.`);

// Values are checked by the domain (BUDGET_INVALID, its sentences); zod checks only the JSON's shape.
const budgetFields = {
  amount: z
    .string({ error: 'must be a decimal string such as "5000.00" (amounts are sent as strings, since a JSON number may lose digits)' })
    .meta({ pattern: '^\\d+(\\.\\d{1,9})?$', examples: ['5000.00'] })
    .describe('The amount per period, an exact decimal string such as "5000.00" (at most 9 decimals).'),
  period: z.string().meta({ enum: [...BUDGET_PERIODS] }).optional().describe('month (default), quarter or year: calendar periods, UTC days.'),
  scope: z
    .string()
    .optional()
    .describe('What it counts: total (default), provider:aws, account:ID, service:NAME or tag:KEY=VALUE.'),
  thresholds: percentages('that alert on actual spend (default [50, 80, 100])'),
  forecast_thresholds: percentages('that alert on the period-end forecast (default [100])'),
};

export const newBudgetSchema = z.object({ name: z.string().describe('Any text; names compare case-insensitively.'), ...budgetFields }).strict();
export const budgetChangeSchema = z
  .object({ name: z.string().optional().describe('If given, the name in the path (renaming is delete and create).'), ...budgetFields })
  .strict();

const NAMES = { amount: '"amount"', period: '"period"' };
const by = (r: RouteRequest) => `api:${r.principal?.subject ?? 'unknown'}`;

function budgetOf(name: string, body: z.infer<typeof budgetChangeSchema>) {
  return budgetFromFields(
    { name, amount: body.amount, period: body.period, scope: body.scope, actualThresholds: body.thresholds, forecastThresholds: body.forecast_thresholds },
    NAMES,
  );
}

export function budgetRoutes(watchdog: Pick<Watchdog, 'budgets'>): Route[] {
  const { budgets } = watchdog;
  return [
    {
      method: 'GET', path: '/budgets', access: 'read', query: budgetParamsSchema, response: 'BudgetStatus',
      summary: 'Where each budget stands in its period containing asOf: spend, share used, forecast, projected breach and alerts fired (the JSON of `penny budget status --json`).',
      handler: async ({ query }) => ({ json: budgetStatusJson(await budgets.status(parseQuery(budgetParamsSchema, query).asOf)) }),
    },
    {
      method: 'POST', path: '/budgets', access: 'budgets', body: newBudgetSchema, response: 'Budget',
      summary: 'Creates a budget (finance, admin). 400 ALREADY_EXISTS when the name is taken.',
      handler: async (r) => {
        const body = parseBody(newBudgetSchema, r.body, 'the budget');
        return { status: 201, json: budgetJson(await budgets.create(budgetOf(body.name, body), by(r))) };
      },
    },
    {
      method: 'GET', path: '/budgets/:name', access: 'read', query: budgetParamsSchema, response: 'BudgetLine',
      summary: 'One budget, as its entry in GET /budgets.',
      handler: async (r) => {
        const answer = await budgets.statusOf(r.params.name!, parseQuery(budgetParamsSchema, r.query).asOf);
        return { json: (budgetStatusJson(answer).budgets as unknown[])[0] };
      },
    },
    {
      method: 'PUT', path: '/budgets/:name', access: 'budgets', body: budgetChangeSchema, response: 'Budget',
      summary: 'Replaces a budget\'s amount, period, scope and thresholds (finance, admin); fields left out take their defaults.',
      handler: async (r) => {
        const body = parseBody(budgetChangeSchema, r.body, 'the budget');
        const name = r.params.name!;
        if (body.name !== undefined && body.name.trim().toLowerCase() !== name.trim().toLowerCase()) {
          throw new AppError('QUERY_INVALID', `The body names "${body.name}" but the path names "${name}". A budget keeps its name: to rename it, create the new one and delete the old.`);
        }
        const { name: _, ...input } = budgetOf(name, body);
        return { json: budgetJson(await budgets.replace(name, input, by(r))) };
      },
    },
    {
      method: 'DELETE', path: '/budgets/:name', access: 'budgets', summary: 'Deletes a budget (finance, admin).',
      handler: async (r) => {
        await budgets.remove(r.params.name!);
        return { status: 204 };
      },
    },
  ];
}
