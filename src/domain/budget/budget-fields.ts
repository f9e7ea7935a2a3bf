/**
 * A budget from the fields a person gives as text (`penny budget set`'s options, the API's JSON
 * body): the amount as an exact decimal, the period and the scope as words, checked by
 * defineBudget. Both faces read them alike; each names its own fields in the sentences.
 */
import { AppError } from '../errors';
import { decimalToNanos, NANO_SCALE } from '../money';
import { BudgetError, BUDGET_PERIODS, defineBudget, parseBudgetScope, type Budget, type BudgetPeriod, type BudgetScope } from './budget';

export interface BudgetFields {
  name: string;
  /** A plain decimal, e.g. 5000 or 1250.50; exponents and separators are refused, never guessed. */
  amount: string;
  /** month (default), quarter or year. */
  period?: string;
  /** total (default), provider:aws, account:ID, service:NAME or tag:KEY=VALUE. */
  scope?: string;
  actualThresholds?: readonly number[];
  forecastThresholds?: readonly number[];
}

/** How the face calls the fields in its sentences: `--amount`, or `"amount"`. */
export interface BudgetFieldNames {
  amount: string;
  period: string;
}

const PLAIN_DECIMAL = /^-?\d+(\.(\d+))?$/;

/** The checked budget, or a BUDGET_INVALID error whose sentence says what to fix. */
export function budgetFromFields(fields: BudgetFields, names: BudgetFieldNames): Budget {
  const text = fields.amount.trim();
  const match = PLAIN_DECIMAL.exec(text);
  if (!match) throw new AppError('BUDGET_INVALID', `${names.amount} takes a number such as 5000 or 1250.50, not "${fields.amount}".`);
  // Nano-units hold 9 decimals; more would be rounded, and a budget is never silently changed.
  if ((match[2] ?? '').length > NANO_SCALE) throw new BudgetError(`the amount has more than ${NANO_SCALE} decimal places`);
  const period = (fields.period ?? 'month').trim().toLowerCase();
  if (!BUDGET_PERIODS.includes(period as BudgetPeriod)) throw new AppError('BUDGET_INVALID', `${names.period} takes month, quarter or year, not "${fields.period}".`);
  return defineBudget({
    name: fields.name,
    amount: decimalToNanos(text)!,
    period: period as BudgetPeriod,
    scope: parseBudgetScopeArg(fields.scope ?? 'total'),
    ...(fields.actualThresholds !== undefined ? { actualThresholds: fields.actualThresholds } : {}),
    ...(fields.forecastThresholds !== undefined ? { forecastThresholds: fields.forecastThresholds } : {}),
  });
}

/** `provider:aws` reads as the domain's `provider aws`; `tag:KEY=VALUE` and Slack's words read as they are. */
export function parseBudgetScopeArg(text: string): BudgetScope {
  return parseBudgetScope(/^\s*(provider|account|service):/i.test(text) ? text.replace(':', ' ') : text);
}
