/**
 * A budget: how much a scope of spend may cost per calendar period, and at which shares of it
 * (on actual spend, and on the period-end forecast) someone is told.
 */
import { AppError } from '../errors';
import type { Nanos } from '../money';

export type BudgetScope =
  | { kind: 'total' }
  | { kind: 'provider' | 'account' | 'service'; value: string }
  | { kind: 'tag'; key: string; value: string };

export type BudgetPeriod = 'month' | 'quarter' | 'year';
export const BUDGET_PERIODS: readonly BudgetPeriod[] = ['month', 'quarter', 'year'];

export interface Budget {
  name: string;
  scope: BudgetScope;
  period: BudgetPeriod;
  amount: Nanos;
  /** Percentages of the amount; ascending, unique. */
  actualThresholds: number[];
  forecastThresholds: number[];
}

export const DEFAULT_ACTUAL_THRESHOLDS = [50, 80, 100];
export const DEFAULT_FORECAST_THRESHOLDS = [100];

export class BudgetError extends AppError {
  constructor(reason: string) {
    super('BUDGET_INVALID', `That budget doesn't work: ${reason}.`, { detail: { reason } });
  }
}

export interface BudgetInput {
  name: string;
  scope: BudgetScope;
  period: BudgetPeriod;
  amount: Nanos;
  actualThresholds?: readonly number[];
  forecastThresholds?: readonly number[];
}

/** A checked budget with default thresholds filled in. Throws BudgetError. */
export function defineBudget(input: BudgetInput): Budget {
  const name = input.name.trim();
  if (!name) throw new BudgetError('it needs a name');
  if (!BUDGET_PERIODS.includes(input.period)) throw new BudgetError(`the period must be one of ${BUDGET_PERIODS.join(', ')}`);
  if (input.amount <= 0n) throw new BudgetError('the amount must be more than zero');
  checkScope(input.scope);
  return {
    name,
    scope: input.scope,
    period: input.period,
    amount: input.amount,
    actualThresholds: thresholds(input.actualThresholds ?? DEFAULT_ACTUAL_THRESHOLDS),
    forecastThresholds: thresholds(input.forecastThresholds ?? DEFAULT_FORECAST_THRESHOLDS),
  };
}

function thresholds(values: readonly number[]): number[] {
  for (const v of values) {
    if (!Number.isFinite(v) || v <= 0 || v > 1000) throw new BudgetError(`a threshold must be a percentage above 0 and at most 1000, not ${v}`);
  }
  return [...new Set(values)].sort((a, b) => a - b);
}

function checkScope(scope: BudgetScope): void {
  if (scope.kind === 'total') return;
  if (!scope.value.trim()) throw new BudgetError(`the ${scope.kind} scope needs a value`);
  if (scope.kind === 'tag' && !scope.key.trim()) throw new BudgetError('a tag scope needs a key, as in tag team=data');
}

/**
 * Reads what a person types: "total", "provider aws", "account=prod-core",
 * "service Amazon Elastic Compute Cloud", "tag team=data" (or "tag:team=data").
 */
export function parseBudgetScope(text: string): BudgetScope {
  const input = text.trim();
  if (/^(total|all|everything)$/i.test(input)) return { kind: 'total' };
  const tag = /^tag[\s:=]+([^=\s][^=]*?)\s*=\s*(.+)$/i.exec(input);
  if (tag) return { kind: 'tag', key: tag[1]!.trim(), value: tag[2]!.trim() };
  const dim = /^(provider|account|service)(?:\s*=\s*|\s+)(.+)$/i.exec(input);
  if (dim) return { kind: dim[1]!.toLowerCase() as 'provider' | 'account' | 'service', value: dim[2]!.trim() };
  throw new BudgetError(`I can't read the scope "${input}"; try total, provider aws, account prod-core, service EC2 or tag team=data`);
}

export function formatBudgetScope(scope: BudgetScope): string {
  if (scope.kind === 'total') return 'total';
  if (scope.kind === 'tag') return `tag ${scope.key}=${scope.value}`;
  return `${scope.kind} ${scope.value}`;
}
