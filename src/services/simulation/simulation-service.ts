/**
 * What-if simulations: read the changes, forecast every scope they touch (and every budget's)
 * from the store, apply the changes day by day, and answer with the month, quarter and year the
 * first change reaches, today's forecast beside them, and each affected budget's breach day
 * before and after. Budgets and recommendations come through small seams, so the budget and
 * forecast services can be connected without this file changing.
 */
import type { SimulationAnswer } from '../../answers/simulation';
import type { Budget } from '../../domain/budget/budget';
import { budgetPeriodContaining } from '../../domain/budget/budget-status';
import type { Day } from '../../domain/days';
import { isAppError } from '../../domain/errors';
import type { Recommendation } from '../../domain/advice/recommendation';
import { budgetImpact, projectPeriods, simulatePath, type BudgetImpact } from '../../domain/simulation/apply-changes';
import { scopeKey, type ResolvedChange, type SimChange, type SimScope } from '../../domain/simulation/changes';
import { parseChanges, SimulationError } from '../../domain/simulation/parse-changes';
import type { CostService } from '../cost-service';
import { presentSimulation, type DescribedChange } from './present-simulation';
import { scopeSeries, type ScopeSeries } from './scope-series';

/** The seam to the budget service: the budgets to hold a simulation against. */
export interface BudgetsForSimulation {
  list(): Promise<Budget[]>;
}

/** The seam to recommendations: `apply recommendation ID` takes its saving. */
export interface RecommendationsForSimulation {
  recommendations(asOf?: Day): Promise<Recommendation[]>;
}

export interface SimulationDeps {
  costs: CostService;
  budgets?: BudgetsForSimulation;
  advice?: RecommendationsForSimulation;
}

export class SimulationService {
  constructor(private readonly deps: SimulationDeps) {}

  async simulate(text: string, options: { asOf?: Day } = {}): Promise<SimulationAnswer> {
    const asOf = options.asOf ?? this.deps.costs.today();
    const parsed = parseChanges(text, asOf);
    const resolved = await this.resolveRecommendations(parsed, asOf);
    const anchor = resolved.map((c) => (c.change.from > asOf ? c.change.from : asOf)).sort()[0]!;
    const horizon = { start: asOf, end: budgetPeriodContaining('year', anchor).end };

    const total = await scopeSeries(this.deps.costs, { kind: 'total' }, asOf, horizon);
    const currency = total.currency ?? this.deps.costs.defaultCurrency;
    const cache = new Map<string, ScopeSeries>([['total', total]]);
    const seriesOf = async (scope: SimScope): Promise<ScopeSeries> => {
      const key = scopeKey(scope);
      const cached = cache.get(key);
      if (cached) return cached;
      const s = await scopeSeries(this.deps.costs, scope, asOf, horizon, currency);
      cache.set(key, s);
      return s;
    };

    const changes: ResolvedChange[] = [];
    const described: DescribedChange[] = [];
    for (const { change, label } of resolved) {
      const series = await seriesOf(change.scope);
      const canonical = { ...change, scope: series.canonical };
      changes.push(canonical);
      described.push({ change: canonical, typed: change, label, applied: series.applied });
    }
    const scopes = new Map<string, Map<Day, bigint>>();
    for (const c of changes) scopes.set(scopeKey(c.scope), (await seriesOf(c.scope)).forecast);
    const path = simulatePath({ asOf, horizon, total: total.forecast, scopes, changes });

    const budgets = await this.budgetImpacts(anchor, path, seriesOf);
    return presentSimulation({
      asOf, anchor, currency, changes: described, periods: projectPeriods(anchor, total.actuals, path), path, actuals: total.actuals,
      budgets: budgets.impacts, budgetNote: budgets.note,
    });
  }

  private async resolveRecommendations(parsed: SimChange[], asOf: Day): Promise<{ change: ResolvedChange; label?: string }[]> {
    const out: { change: ResolvedChange; label?: string }[] = [];
    for (const c of parsed) {
      if (c.kind !== 'recommendation') {
        out.push({ change: c });
        continue;
      }
      const rec = (await this.deps.advice?.recommendations(asOf))?.find((r) => r.id === c.id);
      if (!rec) throw new SimulationError(`There is no recommendation ${c.id} to apply. \`/cost recommend\` lists them with their ids.`);
      // Its saving comes off all spend: the dollars it names are somewhere in the total.
      out.push({ change: { kind: 'add', scope: { kind: 'total' }, monthly: -rec.monthlySaving, from: c.from, text: c.text }, label: rec.title });
    }
    return out;
  }

  private async budgetImpacts(anchor: Day, path: ReturnType<typeof simulatePath>, seriesOf: (s: SimScope) => Promise<ScopeSeries>): Promise<{ impacts: BudgetImpact[]; note?: string }> {
    if (!this.deps.budgets) return { impacts: [], note: 'Budgets are not connected to simulations yet, so no budget is checked.' };
    const budgets = await this.deps.budgets.list();
    if (budgets.length === 0) return { impacts: [], note: 'No budgets are set up, so no budget is checked.' };
    const impacts: BudgetImpact[] = [];
    for (const budget of budgets) {
      // A budget on a name the data does not have has no spend to change: not affected.
      const series = await seriesOf(budget.scope).catch((error: unknown) => {
        if (isAppError(error) && error.code === 'UNKNOWN_DIMENSION_VALUE') return undefined;
        throw error;
      });
      if (!series) continue;
      const canonical = { ...budget, scope: series.canonical as Budget['scope'] };
      const impact = budgetImpact({ budget: canonical, actuals: series.actuals, forecast: series.forecast }, anchor, path);
      if (impact) impacts.push({ ...impact, budget });
    }
    return impacts.length > 0 ? { impacts } : { impacts, note: `None of the ${budgets.length} budgets is affected by these changes.` };
  }
}
