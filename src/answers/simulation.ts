/**
 * A what-if answer: the changes as understood, the month, quarter and year they reach with
 * today's forecast beside them, and every affected budget's breach day before and after.
 * Amounts are exact bigint nanos.
 */
import type { BreachProjection } from '../domain/budget/budget-status';
import type { Day } from '../domain/days';
import type { ChartSpec } from './chart-spec';

export interface SimulatedChange {
  /** What was typed. */
  text: string;
  /** What it was understood as: "Amazon Elastic Compute Cloud −20% from 2026-12-02". */
  description: string;
  kind: 'percent' | 'add' | 'stop' | 'recommendation';
  from: Day;
}

export interface SimulatedPeriod {
  period: 'month' | 'quarter' | 'year';
  label: string;
  from: Day;
  /** Inclusive. */
  to: Day;
  actualToDate: bigint;
  forecast: bigint;
  simulated: bigint;
}

export interface SimulatedBudget {
  name: string;
  scope: string;
  periodLabel: string;
  amount: bigint;
  forecastBefore: bigint;
  forecastAfter: bigint;
  before: BreachProjection;
  after: BreachProjection;
}

export interface SimulationAnswer {
  kind: 'simulation';
  /** The first day not spent: everything before it is actual. */
  asOf: Day;
  currency: string;
  changes: SimulatedChange[];
  periods: SimulatedPeriod[];
  budgets: SimulatedBudget[];
  /** Why no budget is listed, when none is. */
  budgetNote?: string;
  notes: string[];
  chart?: ChartSpec;
}
