/**
 * The cost query engine every face of Penny asks: Slack, the CLI, jobs.
 * It resolves what people typed to stored values, asks the store, and compares periods.
 */
import { canonicalProvider, providerLabel, type Metric } from '../domain/cost-record';
import { buildBreakdown, mergeRows, type CostBreakdown, type CostFilters, type CostQuery, type GroupDim, type GroupRow } from '../domain/cost-query';
import { todayIn, type Day } from '../domain/days';
import { matchDimension, type Candidate } from '../domain/dimension-match';
import { AppError } from '../domain/errors';
import { parseCategoryFilter, parseTagFilter } from '../domain/filter-syntax';
import { previousPeriod, type Period } from '../domain/period';
import type { Clock } from '../ports/clock';
import type { CatalogDim, CostStore, StoreCoverage } from '../ports/cost-store';
import type { ProjectRepository } from '../ports/projects';
import { projectRows, projectFilter } from './project-costs';

export interface CostRequest {
  period: Period;
  groupBy?: GroupDim;
  metric?: Metric;
  providers?: string[];
  accounts?: string[];
  services?: string[];
  regions?: string[];
  chargeCategories?: string[];
  /** "KEY=VALUE" */
  tags?: string[];
  /** Project names (the registry); a cost counts when it belongs to any of them. */
  projects?: string[];
  excludeCredits?: boolean;
  currency?: string;
  compare?: boolean;
  /** Compare with this period instead of the one before (implies compare). */
  compareWith?: Period;
  /** Also split the groups by day (CostResult.days). */
  byDay?: boolean;
}

/** A filter as it was understood, for showing people what was matched. */
export interface AppliedFilter {
  dim: string;
  input: string;
  matched: string[];
}

export interface CostResult {
  period: Period;
  query: CostQuery;
  breakdown: CostBreakdown;
  previous?: { period: Period; breakdown: CostBreakdown };
  applied: AppliedFilter[];
  /** PENNY_CURRENCY: the currency an answer with no rows is shown in. */
  defaultCurrency: string;
  /** With `byDay`: the groups split by day (merged, every row has `day`). */
  days?: GroupRow[];
}

export class CostService {
  constructor(private readonly deps: { store: CostStore; clock: Clock; timeZone: string; currency: string; projects?: Pick<ProjectRepository, 'list'> }) {}

  /** Today's date in the reporting time zone. */
  today(): Day {
    return todayIn(this.deps.timeZone, this.deps.clock.now());
  }

  get defaultCurrency(): string {
    return this.deps.currency;
  }

  coverage(): Promise<StoreCoverage> {
    return this.deps.store.coverage();
  }

  async query(request: CostRequest): Promise<CostResult> {
    const { filters, applied } = await this.resolveFilters(request);
    const query: CostQuery = { range: request.period.range, groupBy: request.groupBy, filters, metric: request.metric ?? 'billed' };
    const prevPeriod = request.compareWith ?? (request.compare ? previousPeriod(request.period) : undefined);
    const [rows, prevRows] = await Promise.all([
      this.groupCosts(request.byDay ? { ...query, splitByDay: true } : query),
      prevPeriod ? this.groupCosts({ ...query, range: prevPeriod.range }) : Promise.resolve(undefined),
    ]);
    const groups = request.byDay ? rows.map(({ day: _day, ...row }) => row) : rows;
    const answer: CostResult = { period: request.period, query, breakdown: buildBreakdown(query, groups), applied, defaultCurrency: this.deps.currency };
    if (request.byDay) answer.days = mergeRows(rows);
    if (prevPeriod && prevRows) answer.previous = { period: prevPeriod, breakdown: buildBreakdown({ ...query, range: prevPeriod.range }, prevRows) };
    return answer;
  }

  /** Grouping by project takes one query per project (see project-costs.ts); the rest is one store query. */
  private async groupCosts(query: CostQuery): Promise<GroupRow[]> {
    if (query.groupBy !== 'project') return this.deps.store.groupCosts(query);
    return projectRows(this.deps.store, query, await this.projectList());
  }

  private async projectList() {
    if (!this.deps.projects) throw new AppError('NOT_AVAILABLE', 'Projects are not set up in this Penny.');
    return this.deps.projects.list();
  }

  /** What a request's typed filters match in the stored data; throws UNKNOWN_DIMENSION_VALUE. */
  resolve(request: Omit<CostRequest, 'period'>): Promise<{ filters: CostFilters; applied: AppliedFilter[] }> {
    return this.resolveFilters(request);
  }

  private async resolveFilters(request: Omit<CostRequest, 'period'>): Promise<{ filters: CostFilters; applied: AppliedFilter[] }> {
    const filters: CostFilters = {};
    const applied: AppliedFilter[] = [];
    const resolve = async (dim: CatalogDim, noun: string, inputs: string[] | undefined, opts: { aliases?: boolean; byParent?: boolean } = {}) => {
      if (!inputs?.length) return undefined;
      const candidates: Candidate[] = await this.deps.store.dimensionValues(dim);
      const values: string[] = [];
      for (const input of inputs) {
        const result = matchDimension(input, candidates, opts);
        if (!result.ok) throw unknownValue(noun, input, result.suggestions);
        values.push(...result.values);
        applied.push({ dim: noun, input, matched: result.labels });
      }
      return [...new Set(values)];
    };
    if (request.providers?.length) {
      const known = await this.deps.store.dimensionValues('provider');
      const providers = request.providers.map((p) => {
        const id = canonicalProvider(p);
        if (!known.some((k) => k.value === id)) throw unknownValue('provider', p, known.map((k) => providerLabel(k.value)));
        applied.push({ dim: 'provider', input: p, matched: [providerLabel(id)] });
        return id;
      });
      filters.providers = [...new Set(providers)];
    }
    filters.subAccountIds = await resolve('account', 'account', request.accounts, { byParent: true });
    filters.services = await resolve('service', 'service', request.services, { aliases: true });
    filters.regionIds = await resolve('region', 'region', request.regions);
    if (request.chargeCategories?.length) filters.chargeCategories = request.chargeCategories.map(parseCategoryFilter);
    if (request.excludeCredits) filters.excludeChargeCategories = ['credit'];
    if (request.tags?.length) filters.tags = await this.resolveTags(request.tags, applied);
    if (request.projects?.length) filters.ruleSets = [projectFilter(request.projects, await this.projectList(), applied)];
    if (request.currency) filters.currency = request.currency.toUpperCase();
    for (const key of Object.keys(filters) as (keyof CostFilters)[]) if (filters[key] === undefined) delete filters[key];
    return { filters, applied };
  }

  private async resolveTags(tags: string[], applied: AppliedFilter[]): Promise<{ key: string; value: string }[]> {
    const keys = await this.deps.store.dimensionValues('tag-key');
    return tags.map((text) => {
      const { key, value } = parseTagFilter(text);
      const match = keys.find((k) => k.value === key) ?? keys.find((k) => k.value.toLowerCase() === key.toLowerCase());
      if (!match) {
        const near = matchDimension(key, keys);
        throw unknownValue('tag key', key, near.ok ? near.labels : near.suggestions);
      }
      applied.push({ dim: 'tag', input: text, matched: [`${match.value}=${value}`] });
      return { key: match.value, value };
    });
  }
}

function unknownValue(noun: string, input: string, suggestions: string[]): AppError {
  const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
  return new AppError('UNKNOWN_DIMENSION_VALUE', `I don't see any ${noun} called "${input}" in your costs.${hint}`, { detail: { noun, input } });
}
