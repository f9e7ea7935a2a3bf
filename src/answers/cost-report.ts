/**
 * The weekly or monthly cost report: totals, breakdowns by provider, service, account and
 * project, each against the previous period, and the top anomalies and recommendations (or, when
 * a face builds reports without those services, a note saying so). Face-neutral data; costReportJson and costReportCsv (report-formats.ts) write it.
 */
import type { Day } from '../domain/days';
import type { Metric } from '../domain/cost-record';

export type ReportCadence = 'weekly' | 'monthly';
export type ReportFormat = 'json' | 'csv';
export type ReportDim = 'provider' | 'service' | 'account' | 'project';

export interface ReportLine {
  key: string;
  label: string;
  currency: string;
  cost: bigint;
  /** The same key's cost in the previous period (0 when it had none). */
  previous: bigint;
}

export interface ReportSection {
  dim: ReportDim;
  lines: ReportLine[];
}

/** Findings of services not set up yet say so instead of being left out silently. */
export type ReportFindings = { available: false; note: string } | { available: true; items: { title: string; detail: string; amount?: bigint; currency?: string }[] };

export interface CostReport {
  cadence: ReportCadence;
  periodLabel: string;
  from: Day;
  /** Inclusive. */
  to: Day;
  previous: { label: string; from: Day; to: Day };
  metric: Metric;
  /** One per currency, largest first; currencies are never added together. */
  totals: { currency: string; cost: bigint; previous: bigint }[];
  sections: ReportSection[];
  anomalies: ReportFindings;
  recommendations: ReportFindings;
}
