/**
 * Asks the cost engine the questions behind each answer (summary, daily, top, compare, home,
 * digest, report) and hands the results to the presenters. Every face and job shares it.
 */
import type { GroupDim } from '../domain/cost-query';
import { addDays } from '../domain/days';
import { parsePeriod, type Period } from '../domain/period';
import type { CostRequest, CostService } from './cost-service';
import type { CompareAnswer, DailyAnswer, DigestAnswer, Freshness, HomeAnswer, ReportAnswer, SummaryAnswer, TopAnswer } from '../answers/types';
import type { BreakdownAnswer } from '../answers/breakdown';
import { presentDailySeries } from './daily-series';
import { reportAnswer } from './report-answer';
import type { CostReports } from './cost-reports';
import { presentBreakdown, presentCompare, presentDaily, presentDigest, presentHome, presentSummary, presentTop } from './present/presenters';

/** Providers usually revise the last couple of days of cost data. */
export const SETTLING_DAYS = 2;

/** Filters as people typed them; resolved to stored values by the cost service. */
export interface ViewFilters {
  providers: string[];
  accounts: string[];
  services: string[];
  regions: string[];
  tags: string[];
  projects?: string[];
}

export const NO_FILTERS: ViewFilters = { providers: [], accounts: [], services: [], regions: [], tags: [] };

export class CostAnswers {
  /** With `reports`, `/cost report` gives the full report (totals and every breakdown); without, the service breakdown. */
  constructor(private readonly costs: CostService, private readonly reports: CostReports) {}

  period(text: string): Period {
    return parsePeriod(text, this.costs.today());
  }

  /** Any engine request as a breakdown answer (`penny cost`, the API). */
  async breakdown(request: CostRequest): Promise<BreakdownAnswer> {
    return presentBreakdown(await this.costs.query(request));
  }

  /** Costs day by day; with a dimension (provider, service, …) each day is split by it too. */
  async dailyBreakdown(request: CostRequest): Promise<BreakdownAnswer> {
    if (!request.groupBy || request.groupBy === 'day') return this.breakdown({ ...request, groupBy: 'day' });
    return presentDailySeries(await this.costs.query({ ...request, byDay: true, compare: false, compareWith: undefined }));
  }

  async freshness(): Promise<Freshness> {
    const coverage = await this.costs.coverage();
    return { today: this.costs.today(), lastDay: coverage.lastDay, settlingDays: SETTLING_DAYS };
  }

  async summary(periodText: string, filters = NO_FILTERS): Promise<SummaryAnswer> {
    const freshness = await this.freshness();
    const period = clipToData(this.period(periodText), freshness);
    const answer = await this.costs.query(this.request(period, filters, 'service', true));
    return presentSummary(answer, freshness, periodText);
  }

  async daily(periodText: string, filters = NO_FILTERS): Promise<DailyAnswer> {
    const period = this.period(periodText);
    const byProvider = await this.costs.query(this.request(period, filters, 'provider'));
    const providers = [...new Set(byProvider.breakdown.currencies.flatMap((c) => c.groups.map((g) => g.key)))];
    const perProvider = await Promise.all(
      providers.map(async (provider) => ({ provider, answer: await this.costs.query({ ...this.request(period, filters, 'day'), providers: [provider] }) })),
    );
    return presentDaily(perProvider, period.label, periodText, await this.freshness(), this.costs.defaultCurrency);
  }

  async top(dim: GroupDim, periodText: string, filters = NO_FILTERS): Promise<TopAnswer> {
    const freshness = await this.freshness();
    const period = clipToData(this.period(periodText), freshness);
    const answer = await this.costs.query(this.request(period, filters, dim, true));
    return presentTop(answer, dim, freshness, periodText);
  }

  async compare(periodText: string, vsText: string | undefined, filters = NO_FILTERS): Promise<CompareAnswer> {
    // Like summary and top: "this month" ends at the last day with data, so the same days compare.
    const period = clipToData(this.period(periodText), await this.freshness());
    const request = this.request(period, filters, 'service', true);
    if (vsText) request.compareWith = this.period(vsText);
    return presentCompare(await this.costs.query(request), periodText);
  }

  /** The Home dashboard; `extras` are what other services know (digests set up, cloud sync status). */
  async home(extras: Pick<HomeAnswer, 'digest' | 'sources'> = {}): Promise<HomeAnswer> {
    const today = this.costs.today();
    const mtdPeriod = clipToData(parsePeriod('this month', today), await this.freshness());
    const [mtd, byProvider, byAccount, last30, freshness] = await Promise.all([
      this.costs.query({ period: mtdPeriod, groupBy: 'service', compare: true }),
      this.costs.query({ period: parsePeriod('this month', today), groupBy: 'provider' }),
      this.costs.query({ period: parsePeriod('this month', today), groupBy: 'account' }),
      this.costs.query({ period: parsePeriod('30d', today), groupBy: 'day' }),
      this.freshness(),
    ]);
    return { ...presentHome({ mtd, byProvider, byAccount, last30, freshness, digests: extras.digest }), ...(extras.sources?.length ? { sources: extras.sources } : {}) };
  }

  /** The digest for a channel's local date: "yesterday" is the day before that date. */
  async digest(localDate: string, providers: string[]): Promise<DigestAnswer> {
    const yesterday = addDays(localDate, -1);
    const filters = { ...NO_FILTERS, providers };
    const day = (from: string, to: string) => this.periodBetween(from, to);
    const [yesterdayAnswer, week, mtd, last14, freshness] = await Promise.all([
      this.costs.query(this.request(day(yesterday, yesterday), filters, 'service')),
      this.costs.query(this.request(day(addDays(yesterday, -7), addDays(yesterday, -1)), filters, 'service')),
      this.costs.query(this.request(parsePeriod('this month', yesterday), filters, 'service', true)),
      this.costs.query(this.request(day(addDays(yesterday, -13), yesterday), filters, 'day')),
      this.freshness(),
    ]);
    return presentDigest({ localDate, yesterday: yesterdayAnswer, week, mtd, last14, freshness });
  }

  async report(cadence: 'weekly' | 'monthly', format: 'csv' | 'json'): Promise<ReportAnswer> {
    return reportAnswer(await this.reports.build(cadence), format);
  }

  private periodBetween(from: string, to: string): Period {
    return parsePeriod(`${from}..${to}`, this.costs.today());
  }

  private request(period: Period, f: ViewFilters, groupBy: GroupDim, compare = false): CostRequest {
    return { period, groupBy, compare, providers: f.providers, accounts: f.accounts, services: f.services, regions: f.regions, tags: f.tags, projects: f.projects };
  }
}

/**
 * A to-date period ends at the last day with cost data, so that "this month" compares the same
 * complete days with last month instead of counting today, which has no data yet, against a full day.
 */
export function clipToData(period: Period, freshness: Freshness): Period {
  const { lastDay } = freshness;
  if (period.kind !== 'to-date' || !lastDay || lastDay < period.range.start || addDays(lastDay, 1) >= period.range.end) return period;
  return { ...period, label: period.label.replace(/to \d{4}-\d{2}-\d{2}\)$/, `to ${lastDay})`), range: { start: period.range.start, end: addDays(lastDay, 1) } };
}
