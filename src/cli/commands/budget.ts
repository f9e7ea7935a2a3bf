/**
 * `penny budget set|list|delete|status`. Everything typed is checked (and the budget defined)
 * before the database opens; a name that matches no budget exits 2 like any usage error.
 */
import { Command } from 'commander';
import { budgetJson, budgetScopeArg, budgetStatusJson } from '../../answers/watchdog-json';
import type { Budget } from '../../domain/budget/budget';
import { budgetFromFields } from '../../domain/budget/budget-fields';
import { AppError } from '../../domain/errors';
import { nanosToDecimalString } from '../../domain/money';
import { budgetStatusText } from '../../console/text/watchdog-text';
import { BudgetNotFound } from '../../services/watchdog/budget-service';
import { checkThenRun } from '../checked-command';
import { EXIT, type CliIo } from '../runtime';
import { renderTable } from '../text-table';
import { asOfOption } from '../watchdog-options';

interface SetOptions {
  amount?: string;
  period?: string;
  scope?: string;
  thresholds?: string;
  forecastThreshold?: string;
}

export function budgetCommand(io: CliIo): Command {
  const budget = new Command('budget').description('Budgets: how much a scope of spend may cost per month, quarter or year');
  budget
    .command('set')
    .description('create or change a budget')
    .argument('<name>', 'the budget name')
    .requiredOption('--amount <N>', 'the amount per period, e.g. 5000 or 1250.50')
    .option('--period <period>', 'month (default), quarter or year')
    .option('--scope <scope>', 'total (default), provider:aws, account:ID, service:NAME or tag:KEY=VALUE')
    .option('--thresholds <list>', 'percentages of actual spend that alert (default 50,80,100)')
    .option('--forecast-threshold <list>', 'percentages of forecast spend that alert (default 100)')
    .action(async (name: string, opts: SetOptions) => io.exit(await runSet(io, name, opts)));
  budget
    .command('list')
    .description('list the budgets')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => io.exit(await runList(io, opts)));
  budget
    .command('delete')
    .description('delete a budget')
    .argument('<name>', 'the budget name')
    .action(async (name: string) => io.exit(await runDelete(io, name)));
  budget
    .command('status')
    .description('where each budget stands: spend, forecast, projected breach, alerts fired')
    .option('--as-of <YYYY-MM-DD>', 'answer as if today were this day, from the days before it')
    .option('--json', 'print JSON (amounts are exact decimal strings)')
    .action(async (opts: { asOf?: string; json?: boolean }) => io.exit(await runStatus(io, opts)));
  for (const cmd of budget.commands) cmd.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  return budget;
}

/** The budget as typed, checked by the domain's rules (the API reads its body the same way). */
export function budgetFromOptions(name: string, opts: SetOptions): Budget {
  return budgetFromFields({
    name,
    amount: opts.amount ?? '',
    period: opts.period,
    scope: opts.scope,
    ...(opts.thresholds !== undefined ? { actualThresholds: percentages('--thresholds', opts.thresholds) } : {}),
    ...(opts.forecastThreshold !== undefined ? { forecastThresholds: percentages('--forecast-threshold', opts.forecastThreshold) } : {}),
  }, { amount: '--amount', period: '--period' });
}

function percentages(flag: string, text: string): number[] {
  const values = text.split(',').map((t) => t.trim().replace(/%$/, ''));
  if (values.some((v) => !/^\d+(\.\d+)?$/.test(v))) throw new AppError('BUDGET_INVALID', `${flag} takes percentages like 50,80,100, not "${text}".`);
  return values.map(Number);
}

async function runSet(io: CliIo, name: string, opts: SetOptions): Promise<number> {
  return checkThenRun(io, () => budgetFromOptions(name, opts), async (core, budget) => {
    const saved = await core.watchdog.budgets.set(budget, 'cli');
    io.out(`Budget ${saved.name} saved: ${nanosToDecimalString(saved.amount)} per ${saved.period}, scope ${budgetScopeArg(saved.scope)}, alerts at ${saved.actualThresholds.join(', ')}% of spend and ${saved.forecastThresholds.join(', ')}% of forecast.\n`);
    return EXIT.ok;
  });
}

async function runList(io: CliIo, opts: { json?: boolean }): Promise<number> {
  return checkThenRun(io, () => undefined, async (core) => {
    const budgets = await core.watchdog.budgets.list();
    if (opts.json) io.out(`${JSON.stringify({ budgets: budgets.map(budgetJson) })}\n`);
    else if (budgets.length === 0) io.out('No budgets yet. Set one with `penny budget set NAME --amount N`.\n');
    else io.out(`${renderTable(['NAME', 'SCOPE', 'PERIOD', 'AMOUNT', 'ALERTS AT'], budgets.map((b) => [b.name, budgetScopeArg(b.scope), b.period, nanosToDecimalString(b.amount), `${b.actualThresholds.join(',')}% · forecast ${b.forecastThresholds.join(',')}%`]))}\n`);
    return EXIT.ok;
  });
}

async function runDelete(io: CliIo, name: string): Promise<number> {
  return checkThenRun(io, () => name.trim(), async (core, checked) => {
    if (!(await core.watchdog.budgets.delete(checked))) throw new BudgetNotFound(checked);
    io.out(`Budget ${checked} deleted.\n`);
    return EXIT.ok;
  });
}

async function runStatus(io: CliIo, opts: { asOf?: string; json?: boolean }): Promise<number> {
  return checkThenRun(io, ({ today }) => asOfOption(opts.asOf, today), async (core, asOf) => {
    const answer = await core.watchdog.budgets.status(asOf);
    io.out(opts.json ? `${JSON.stringify(budgetStatusJson(answer))}\n` : `${budgetStatusText(answer)}\n`);
    return EXIT.ok;
  });
}
