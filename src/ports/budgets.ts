/**
 * Budgets and their threshold firings. A firing is recorded by a unique insert before anyone is
 * told, so each threshold fires once per period across reruns, restarts and instances.
 */
import type { Budget } from '../domain/budget/budget';
import type { ThresholdKind } from '../domain/budget/budget-status';
import type { Day } from '../domain/days';
import type { Nanos } from '../domain/money';

export interface StoredBudget extends Budget {
  /** Who last set it (Slack user id, or "cli"). */
  updatedBy: string;
  updatedAt: Date;
}

export interface BudgetRepository {
  /** Creates or replaces the budget of that name (names compare case-insensitively). */
  upsert(budget: StoredBudget): Promise<void>;
  /** Adds a new one; false when the name is taken (any case), and nothing is written. */
  create(budget: StoredBudget): Promise<boolean>;
  /** Replaces the budget of that name; false when there is none, and nothing is written. */
  replace(budget: StoredBudget): Promise<boolean>;
  get(name: string): Promise<StoredBudget | undefined>;
  list(): Promise<StoredBudget[]>;
  /** False when there was no such budget. */
  delete(name: string): Promise<boolean>;
}

export interface BudgetFiring {
  /** thresholdFiringKey(budget, periodStart, crossing). */
  key: string;
  budget: string;
  periodStart: Day;
  kind: ThresholdKind;
  threshold: number;
  firedAt: Date;
  /** The instance that fired it. */
  owner: string;
  actual: Nanos;
  forecast?: Nanos;
}

export interface BudgetFirings {
  /** Records the firing; true for exactly one caller per key, false when it had already fired. */
  claim(firing: BudgetFiring): Promise<boolean>;
  /** The firings of one budget in the period starting `periodStart`, oldest first. */
  forPeriod(budget: string, periodStart: Day): Promise<BudgetFiring[]>;
}
