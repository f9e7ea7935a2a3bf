/**
 * Budgets: set, create, replace, list and delete them (each change is logged as a write, so
 * cached answers are dropped on every instance), say where each stands (spend to date, forecast, the day it
 * runs out), and fire crossed thresholds once per period. A firing is recorded by a unique insert
 * (BudgetFirings.claim) before anyone is told, so reruns, restarts and a second instance never
 * fire it again. When several thresholds are crossed at once (a budget set late, a big day),
 * each is recorded but only the highest of each kind is announced.
 */
import { AppError, isAppError } from '../../domain/errors';
import { budgetPeriodContaining, crossedThresholds, percentUsed, projectedBreach, thresholdFiringKey, type ThresholdCrossing } from '../../domain/budget/budget-status';
import { defineBudget, formatBudgetScope, type Budget, type BudgetInput, type BudgetScope } from '../../domain/budget/budget';
import { addDays, daysIn, type DateRange, type Day } from '../../domain/days';
import type { CostFilters } from '../../domain/cost-query';
import { matchDimension } from '../../domain/dimension-match';
import type { AlertAnswer, BudgetLine, BudgetStatusAnswer, FiredThreshold } from '../../answers/watchdog';
import type { BudgetFirings, BudgetRepository, StoredBudget } from '../../ports/budgets';
import type { Clock } from '../../ports/clock';
import type { WriteLog } from '../../ports/write-log';
import type { CostService } from '../cost-service';
import type { ForecastService } from './forecast-service';
import { historyRange } from './forecast-service';
import type { DailySeries, SeriesLoader } from './series-loader';
import { spendOn } from './watchdog-present';

/** An alert to deliver, with when it was raised (channels that subscribed later do not get it). */
export interface RaisedAlert {
  alert: AlertAnswer;
  raisedAt: Date;
  /** Fired by this call (false: fired by an earlier run). */
  fresh: boolean;
}

export interface BudgetServiceDeps {
  budgets: BudgetRepository;
  firings: BudgetFirings;
  costs: CostService;
  loader: SeriesLoader;
  forecast: ForecastService;
  clock: Clock;
  writes: Pick<WriteLog, 'changed'>;
}

export class BudgetService {
  constructor(private readonly deps: BudgetServiceDeps) {}

  /** Creates or replaces the budget of that name (Slack's modal, `penny budget set`). */
  async set(input: BudgetInput, updatedBy: string): Promise<StoredBudget> {
    const budget = this.stored(input, updatedBy);
    await this.deps.budgets.upsert(budget);
    await this.changed(`budget ${budget.name} set`);
    return budget;
  }

  /** A new budget; ALREADY_EXISTS when the name is taken (names compare case-insensitively). */
  async create(input: BudgetInput, updatedBy: string): Promise<StoredBudget> {
    const budget = this.stored(input, updatedBy);
    if (!(await this.deps.budgets.create(budget))) {
      const taken = (await this.deps.budgets.get(budget.name))?.name ?? budget.name;
      throw new AppError('ALREADY_EXISTS', `There is already a budget called "${taken}". Change it instead, or pick another name.`);
    }
    await this.changed(`budget ${budget.name} added`);
    return budget;
  }

  /** Replaces the budget called `name` (which keeps its stored name); NOT_FOUND when there is none. */
  async replace(name: string, input: Omit<BudgetInput, 'name'>, updatedBy: string): Promise<StoredBudget> {
    const existing = await this.require(name);
    const budget = this.stored({ ...input, name: existing.name }, updatedBy);
    if (!(await this.deps.budgets.replace(budget))) throw await this.notFound(name);
    await this.changed(`budget ${budget.name} changed`);
    return budget;
  }

  get(name: string): Promise<StoredBudget | undefined> {
    return this.deps.budgets.get(name);
  }

  /** The budget called `name`; NOT_FOUND, naming a near miss, when there is none. */
  async require(name: string): Promise<StoredBudget> {
    const budget = await this.deps.budgets.get(name);
    if (!budget) throw await this.notFound(name);
    return budget;
  }

  list(): Promise<StoredBudget[]> {
    return this.deps.budgets.list();
  }

  /** False when there was no such budget. */
  async delete(name: string): Promise<boolean> {
    const deleted = await this.deps.budgets.delete(name);
    if (deleted) await this.changed(`budget ${name.trim()} deleted`);
    return deleted;
  }

  /** Deletes the budget called `name`; NOT_FOUND when there is none. */
  async remove(name: string): Promise<void> {
    if (!(await this.delete(name))) throw await this.notFound(name);
  }

  /** Where one budget stands as of `asOf` (its line alone); NOT_FOUND when there is none. */
  async statusOf(name: string, asOf: Day = this.deps.costs.today()): Promise<BudgetStatusAnswer> {
    const budget = await this.require(name);
    const currency = await this.currency(asOf);
    const line = await this.line(budget, budgetPeriodContaining(budget.period, asOf), asOf, currency);
    return { kind: 'budget-status', asOf, currency, budgets: [line], actions: [] };
  }

  /** Every budget's period containing `asOf`, from the days before it. */
  async status(asOf: Day = this.deps.costs.today()): Promise<BudgetStatusAnswer> {
    const currency = await this.currency(asOf);
    const budgets = await this.deps.budgets.list();
    const lines: BudgetLine[] = [];
    for (const b of budgets) lines.push(await this.line(b, budgetPeriodContaining(b.period, asOf), asOf, currency));
    return { kind: 'budget-status', asOf, currency, budgets: lines, actions: [] };
  }

  /**
   * Fires the thresholds crossed as of `asOf`, in the current period and in the one the day
   * before belongs to (its last day's data arrives after it ends). Returns the alerts of those
   * periods to deliver: the highest fired threshold of each kind, new (`fresh`) or fired by an
   * earlier run (deliveries are claimed per channel, so delivering again never posts twice).
   */
  async fire(asOf: Day, owner: string): Promise<RaisedAlert[]> {
    const currency = await this.currency(asOf);
    const raised: RaisedAlert[] = [];
    for (const budget of await this.deps.budgets.list()) {
      const periods = uniqueRanges([budgetPeriodContaining(budget.period, addDays(asOf, -1)), budgetPeriodContaining(budget.period, asOf)]);
      for (const period of periods) {
        const line = await this.line(budget, period, asOf, currency);
        if (line.unmatched) continue;
        const fresh = new Set((await this.claimCrossings(budget, line, period, asOf, owner)).map((c) => `${c.kind}|${c.threshold}`));
        const firings = await this.deps.firings.forPeriod(budget.name, period.start);
        if (firings.length === 0) continue;
        line.fired = firings.map((f) => ({ kind: f.kind, threshold: f.threshold, at: f.firedAt.toISOString() }));
        for (const f of announce(firings)) {
          const crossing = { kind: f.kind, threshold: f.threshold };
          const alert: AlertAnswer = { kind: 'alert', subject: 'budget', alertKey: `budget:${thresholdFiringKey(budget.name, period.start, crossing)}`, budget: line, crossing, currency };
          raised.push({ alert, raisedAt: f.firedAt, fresh: fresh.has(`${f.kind}|${f.threshold}`) });
        }
      }
    }
    return raised;
  }

  private stored(input: BudgetInput, updatedBy: string): StoredBudget {
    return { ...defineBudget(input), updatedBy, updatedAt: this.deps.clock.now() };
  }

  private changed(what: string): Promise<void> {
    return this.deps.writes.changed(what, this.deps.clock.now());
  }

  private async notFound(name: string): Promise<AppError> {
    const names = (await this.deps.budgets.list()).map((b) => ({ value: b.name, label: '' }));
    const near = matchDimension(name, names);
    const hint = !near.ok && near.suggestions.length > 0 ? ` Did you mean ${near.suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
    return new AppError('NOT_FOUND', `There is no budget called "${name}".${hint}`, { detail: { name } });
  }

  private async claimCrossings(budget: Budget, line: BudgetLine, period: DateRange, asOf: Day, owner: string): Promise<ThresholdCrossing[]> {
    const open = period.end > asOf;
    const crossings = crossedThresholds(budget, line.actual, open ? line.forecast : undefined)
      // A forecast crossing says nothing new once the actual spend has reached the same share.
      .filter((c) => c.kind === 'actual' || !crossedThresholds(budget, line.actual).some((a) => a.threshold === c.threshold));
    const fired: ThresholdCrossing[] = [];
    for (const crossing of crossings) {
      const claimed = await this.deps.firings.claim({
        key: thresholdFiringKey(budget.name, period.start, crossing), budget: budget.name, periodStart: period.start,
        kind: crossing.kind, threshold: crossing.threshold, firedAt: this.deps.clock.now(), owner, actual: line.actual,
        ...(line.forecast !== undefined ? { forecast: line.forecast } : {}),
      });
      if (claimed) fired.push(crossing);
    }
    return fired;
  }

  private async line(budget: StoredBudget | Budget, period: DateRange, asOf: Day, currency: string): Promise<BudgetLine> {
    const base = {
      name: budget.name, scope: budget.scope, scopeText: formatBudgetScope(budget.scope), period: budget.period, range: period, amount: budget.amount,
      actualThresholds: [...budget.actualThresholds], forecastThresholds: [...budget.forecastThresholds],
      fired: await this.firedIn(budget.name, period),
    };
    const filters = await this.filtersOf(budget.scope);
    if (!filters) return { ...base, actual: 0n, percent: 0, breached: false, unmatched: true };
    const { series, forecast } = await this.deps.forecast.forScope(filters, period, asOf, currency);
    const actual = forecast.actualToDate;
    const line: BudgetLine = { ...base, actual, percent: percentUsed(budget.amount, actual), breached: actual >= budget.amount };
    if (period.end > asOf) line.forecast = forecast.forecast;
    const breach = projectedBreach(budget.amount, actual, forecast.path);
    if (breach.status === 'exceeded') line.breachDay = dayReached(series, period, asOf, budget.amount);
    else if (breach.status === 'projected') line.breachDay = breach.day;
    return line;
  }

  private async firedIn(name: string, period: DateRange): Promise<FiredThreshold[]> {
    return (await this.deps.firings.forPeriod(name, period.start)).map((f) => ({ kind: f.kind, threshold: f.threshold, at: f.firedAt.toISOString() }));
  }

  /** The scope's store filters, or undefined when it matches nothing in the data yet. */
  private async filtersOf(scope: BudgetScope): Promise<CostFilters | undefined> {
    try {
      return (await this.deps.costs.resolve(scopeRequest(scope))).filters;
    } catch (error) {
      if (isAppError(error) && error.code === 'UNKNOWN_DIMENSION_VALUE') return undefined;
      throw error;
    }
  }

  private async currency(asOf: Day): Promise<string> {
    return (await this.deps.loader.currency(historyRange(asOf))) ?? this.deps.costs.defaultCurrency;
  }
}

function scopeRequest(scope: BudgetScope): { providers?: string[]; accounts?: string[]; services?: string[]; tags?: string[] } {
  switch (scope.kind) {
    case 'total':
      return {};
    case 'provider':
      return { providers: [scope.value] };
    case 'account':
      return { accounts: [scope.value] };
    case 'service':
      return { services: [scope.value] };
    case 'tag':
      return { tags: [`${scope.key}=${scope.value}`] };
  }
}

/** The day cumulative spend in the period first reached `amount`. */
function dayReached(series: DailySeries, period: DateRange, asOf: Day, amount: bigint): Day | undefined {
  let sum = 0n;
  for (const day of daysIn({ start: period.start, end: asOf < period.end ? asOf : period.end })) {
    sum += spendOn(series, day);
    if (sum >= amount) return day;
  }
  return undefined;
}

/** The highest fired threshold of each kind: one message, not three, for a jump past 50, 80 and 100%. */
function announce<T extends ThresholdCrossing>(fired: T[]): T[] {
  const top = new Map<string, T>();
  for (const c of fired) if (!top.has(c.kind) || top.get(c.kind)!.threshold < c.threshold) top.set(c.kind, c);
  return [...top.values()];
}

function uniqueRanges(ranges: DateRange[]): DateRange[] {
  return ranges.filter((r, i) => ranges.findIndex((o) => o.start === r.start) === i);
}

export class BudgetNotFound extends AppError {
  constructor(name: string) {
    super('QUERY_INVALID', `There is no budget called "${name}".`, { detail: { name } });
  }
}
