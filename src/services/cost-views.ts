/**
 * Asks the cost engine the questions behind each view (summary, daily, top, compare, home,
 * digest, report) and hands the answers to the presenters. Slack, the console and jobs share it.
 */
import type { GroupDim } from '../domain/cost-query';
import { addDays, lastDay } from '../domain/days';
import { parsePeriod, type Period } from '../domain/period';
import type { CostRequest, CostService } from './cost-service';
import type { CompareView, DailyView, DigestView, Freshness, HomeView, SummaryView, TopView } from '../views/view-models';
import { presentCompare, presentDaily, presentDigest, presentHome, presentSummary, presentTop, reportCsv, reportJson, reportRowCount } from '../views/presenters';

/** Providers usually revise the last couple of days of cost data. */
export const SETTLING_DAYS = 2;

/** Filters as people typed them; resolved to stored values by the cost service. */
export interface ViewFilters {
  providers: string[];
  accounts: string[];
  services: string[];
  regions: string[];
  tags: string[];
}

export const NO_FILTERS: ViewFilters = { providers: [], accounts: [], services: [], regions: [], tags: [] };

export interface ReportFile {
  periodLabel: string;
  filename: string;
  content: string;
  rows: number;
  format: 'csv' | 'json';
}

export class CostViews {
  constructor(private readonly costs: CostService) {}

  period(text: string): Period {
    return parsePeriod(text, this.costs.today());
  }

  async freshness(): Promise<Freshness> {
    const coverage = await this.costs.coverage();
    return { today: this.costs.today(), lastDay: coverage.lastDay, settlingDays: SETTLING_DAYS };
  }

  async summary(periodText: string, filters = NO_FILTERS): Promise<SummaryView> {
    const freshness = await this.freshness();
    const period = clipToData(this.period(periodText), freshness);
    const answer = await this.costs.query(this.request(period, filters, 'service', true));
    return presentSummary(answer, freshness, periodText);
  }

  async daily(periodText: string, filters = NO_FILTERS): Promise<DailyView> {
    const period = this.period(periodText);
    const byProvider = await this.costs.query(this.request(period, filters, 'provider'));
    const providers = [...new Set(byProvider.breakdown.currencies.flatMap((c) => c.groups.map((g) => g.key)))];
    const perProvider = await Promise.all(
      providers.map(async (provider) => ({ provider, answer: await this.costs.query({ ...this.request(period, filters, 'day'), providers: [provider] }) })),
    );
    return presentDaily(perProvider, period.label, periodText, await this.freshness());
  }

  async top(dim: GroupDim, periodText: string, filters = NO_FILTERS): Promise<TopView> {
    const freshness = await this.freshness();
    const period = clipToData(this.period(periodText), freshness);
    const answer = await this.costs.query(this.request(period, filters, dim, true));
    return presentTop(answer, dim, freshness, periodText);
  }

  async compare(periodText: string, vsText: string | undefined, filters = NO_FILTERS): Promise<CompareView> {
    const period = this.period(periodText);
    const request = this.request(period, filters, 'service', true);
    if (vsText) request.compareWith = this.period(vsText);
    return presentCompare(await this.costs.query(request), periodText);
  }

  async home(digests?: HomeView['digest']): Promise<HomeView> {
    const today = this.costs.today();
    const mtdPeriod = clipToData(parsePeriod('this month', today), await this.freshness());
    const [mtd, byProvider, byAccount, last30, freshness] = await Promise.all([
      this.costs.query({ period: mtdPeriod, groupBy: 'service', compare: true }),
      this.costs.query({ period: parsePeriod('this month', today), groupBy: 'provider' }),
      this.costs.query({ period: parsePeriod('this month', today), groupBy: 'account' }),
      this.costs.query({ period: parsePeriod('30d', today), groupBy: 'day' }),
      this.freshness(),
    ]);
    return presentHome({ mtd, byProvider, byAccount, last30, freshness, digests });
  }

  /** The digest for a channel's local date: "yesterday" is the day before that date. */
  async digest(localDate: string, providers: string[]): Promise<DigestView> {
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

  async report(cadence: 'weekly' | 'monthly', format: 'csv' | 'json'): Promise<ReportFile> {
    const period = this.period(cadence === 'weekly' ? 'last week' : 'last month');
    const answer = await this.costs.query({ period, groupBy: 'service', compare: true });
    const rows = reportRowCount(answer);
    const stamp = `${period.range.start}_to_${lastDay(period.range)}`;
    return {
      periodLabel: period.label,
      filename: `penny-${cadence}-report-${stamp}.${format}`,
      content: format === 'csv' ? reportCsv(answer) : reportJson(answer),
      rows,
      format,
    };
  }

  private periodBetween(from: string, to: string): Period {
    return parsePeriod(`${from}..${to}`, this.costs.today());
  }

  private request(period: Period, f: ViewFilters, groupBy: GroupDim, compare = false): CostRequest {
    return { period, groupBy, compare, providers: f.providers, accounts: f.accounts, services: f.services, regions: f.regions, tags: f.tags };
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
