/**
 * Builds the weekly (last week, Monday to Sunday) and monthly (last month) cost reports from the
 * query engine: the same numbers as every other face, each breakdown against the previous period.
 */
import type { CostReport, ReportCadence, ReportDim, ReportFindings, ReportLine } from '../answers/cost-report';
import type { CostBreakdown } from '../domain/cost-query';
import { lastDay, type Day } from '../domain/days';
import { parsePeriod, type Period } from '../domain/period';
import type { CostResult, CostService } from './cost-service';

/** Where the anomalies and recommendations come from (report-findings.ts); left out, the report says so. */
export interface ReportFindingsSource {
  anomalies?(period: Period): Promise<Extract<ReportFindings, { available: true }>['items']>;
  /** Open recommendations as of the report's day. */
  recommendations?(asOf: Day): Promise<Extract<ReportFindings, { available: true }>['items']>;
}

export interface CostReportsDeps {
  costs: CostService;
  /** Whether any project exists (the project breakdown is left out otherwise). */
  hasProjects(): Promise<boolean>;
  findings?: ReportFindingsSource;
}

const NOT_YET = {
  anomalies: 'Anomaly detection is not set up yet in this Penny.',
  recommendations: 'Recommendations are not set up yet in this Penny.',
};

export class CostReports {
  constructor(private readonly deps: CostReportsDeps) {}

  /** Last week or last month, as of `asOf` (default today in the reporting time zone). */
  period(cadence: ReportCadence, asOf: Day = this.deps.costs.today()): Period {
    return parsePeriod(cadence === 'weekly' ? 'last week' : 'last month', asOf);
  }

  async build(cadence: ReportCadence, asOf: Day = this.deps.costs.today()): Promise<CostReport> {
    const period = this.period(cadence, asOf);
    const dims: ReportDim[] = ['provider', 'service', 'account'];
    if (await this.deps.hasProjects()) dims.push('project');
    const results = await Promise.all(dims.map((dim) => this.deps.costs.query({ period, groupBy: dim, compare: true })));
    const first = results[0]!;
    const previous = first.previous!;
    const { anomalies, recommendations } = this.deps.findings ?? {};
    return {
      cadence,
      periodLabel: period.label,
      from: period.range.start,
      to: lastDay(period.range),
      previous: { label: previous.period.label, from: previous.period.range.start, to: lastDay(previous.period.range) },
      metric: first.breakdown.metric,
      totals: totals(first),
      sections: dims.map((dim, i) => ({ dim, lines: lines(results[i]!) })),
      anomalies: anomalies ? { available: true, items: await anomalies(period) } : { available: false, note: NOT_YET.anomalies },
      recommendations: recommendations ? { available: true, items: await recommendations(asOf) } : { available: false, note: NOT_YET.recommendations },
    };
  }
}

function currencies(result: CostResult): string[] {
  const now = result.breakdown.currencies.map((c) => c.currency);
  return [...new Set([...now, ...(result.previous?.breakdown.currencies.map((c) => c.currency) ?? [])])];
}

function find(b: CostBreakdown | undefined, currency: string) {
  return b?.currencies.find((c) => c.currency === currency);
}

function totals(result: CostResult): CostReport['totals'] {
  return currencies(result).map((currency) => ({
    currency,
    cost: find(result.breakdown, currency)?.total ?? 0n,
    previous: find(result.previous?.breakdown, currency)?.total ?? 0n,
  }));
}

/** Current groups in the engine's order, then keys only the previous period had, per currency. */
function lines(result: CostResult): ReportLine[] {
  return currencies(result).flatMap((currency) => {
    const now = find(result.breakdown, currency)?.groups ?? [];
    const before = find(result.previous?.breakdown, currency)?.groups ?? [];
    const prev = new Map(before.map((g) => [g.key, g.amount]));
    const out: ReportLine[] = now.map((g) => ({ key: g.key, label: g.label, currency, cost: g.amount, previous: prev.get(g.key) ?? 0n }));
    const seen = new Set(now.map((g) => g.key));
    for (const g of before) if (!seen.has(g.key)) out.push({ key: g.key, label: g.label, currency, cost: 0n, previous: g.amount });
    return out;
  });
}
