/**
 * What the rules read, folded from stored records in one pass: each resource's daily usage cost,
 * each provider's daily on-demand compute, the credits and purchases, and the services' last two
 * complete months. Built by the recommendation service; the rules only read it.
 */
import type { CostRecord, Tags } from '../cost-record';
import type { DateRange, Day, Month } from '../days';
import type { Nanos } from '../money';
import type { RecommendationScope } from './recommendation';
import { COMMITMENT_COVERED, resourceKind, type ResourceKind } from './resource-kind';

/** The fields of a stored record the rules read. */
export type ScannedRecord = Pick<
  CostRecord,
  | 'provider' | 'subAccountId' | 'subAccountName' | 'service' | 'serviceCategory' | 'regionId' | 'chargeCategory'
  | 'resourceId' | 'resourceType' | 'instanceType' | 'currency' | 'tags' | 'day' | 'billed' | 'effective'
>;

export interface ResourceSeries {
  scope: RecommendationScope;
  kind: ResourceKind;
  serviceCategory: string;
  instanceType: string;
  tags: Tags;
  currency: string;
  /** Billed usage cost per day, only the days it has any record. */
  daily: Map<Day, Nanos>;
}

/** A provider's compute usage per day: all of it, and the part no commitment discounted. */
export interface ComputeSeries {
  provider: string;
  currency: string;
  daily: Map<Day, { all: Nanos; onDemand: Nanos }>;
}

export interface ChargeRecord {
  scope: RecommendationScope;
  kind: 'credit' | 'purchase';
  currency: string;
  tags: Tags;
  day: Day;
  amount: Nanos;
}

/** A service's cost in one complete month. */
export interface ServiceMonth {
  provider: string;
  service: string;
  currency: string;
  month: Month;
  amount: Nanos;
}

export interface AdviceData {
  /** The first day not read: every number comes from days before it. */
  asOf: Day;
  /** The days the resource and compute series cover. */
  window: DateRange;
  resources: ResourceSeries[];
  compute: ComputeSeries[];
  charges: ChargeRecord[];
  /** The last two complete months before asOf, by service. */
  serviceMonths: ServiceMonth[];
  months: { previous: Month; last: Month } | undefined;
  /**
   * Anomaly impact in the last complete month by `serviceKey`, when an anomaly service is
   * connected; undefined when none is (then no rise counts as explained, and the evidence says so).
   */
  anomalyImpact?: Map<string, Nanos>;
}

export function serviceKey(provider: string, service: string): string {
  return `${provider}\u001f${service}`;
}

/** Folds usage records into resource and compute series, and keeps credits and purchases. */
export class AdviceDataBuilder {
  private readonly resources = new Map<string, ResourceSeries>();
  private readonly compute = new Map<string, ComputeSeries>();
  private readonly charges: ChargeRecord[] = [];

  constructor(private readonly window: DateRange) {}

  add(r: ScannedRecord): void {
    if (r.day < this.window.start || r.day >= this.window.end) return;
    if (r.chargeCategory === 'credit' || r.chargeCategory === 'purchase') {
      this.addCharge(r);
      return;
    }
    if (r.chargeCategory !== 'usage') return;
    const kind = resourceKind(r.resourceType ?? '', r.resourceId, r.service);
    if (isCommitmentCompute(r, kind)) this.addCompute(r);
    if (r.resourceId) this.addResource(r, kind);
  }

  build(asOf: Day, extra: Pick<AdviceData, 'serviceMonths' | 'months' | 'anomalyImpact'> = { serviceMonths: [], months: undefined }): AdviceData {
    return { asOf, window: this.window, resources: [...this.resources.values()], compute: [...this.compute.values()], charges: this.charges, ...extra };
  }

  /** A credit or purchase, from any day (renewals read purchases a year back). */
  addCharge(r: ScannedRecord): void {
    if (r.chargeCategory !== 'credit' && r.chargeCategory !== 'purchase') return;
    this.charges.push({ scope: scopeOf(r), kind: r.chargeCategory, currency: r.currency, tags: r.tags, day: r.day, amount: r.billed });
  }

  private addResource(r: ScannedRecord, kind: ResourceKind): void {
    const key = `${r.provider}\u001f${r.subAccountId}\u001f${r.resourceId}\u001f${r.currency}`;
    let series = this.resources.get(key);
    if (!series) {
      series = { scope: scopeOf(r), kind, serviceCategory: r.serviceCategory, instanceType: r.instanceType ?? '', tags: r.tags, currency: r.currency, daily: new Map() };
      this.resources.set(key, series);
    }
    if (!series.instanceType && r.instanceType) series.instanceType = r.instanceType;
    if (series.kind === 'other' && kind !== 'other') series.kind = kind;
    series.daily.set(r.day, (series.daily.get(r.day) ?? 0n) + r.billed);
  }

  private addCompute(r: ScannedRecord): void {
    const key = `${r.provider}\u001f${r.currency}`;
    let series = this.compute.get(key);
    if (!series) this.compute.set(key, (series = { provider: r.provider, currency: r.currency, daily: new Map() }));
    const day = series.daily.get(r.day) ?? { all: 0n, onDemand: 0n };
    day.all += r.billed;
    // A commitment shows as effective (amortized) cost below billed; on-demand usage has them equal.
    if (r.effective === r.billed) day.onDemand += r.billed;
    series.daily.set(r.day, day);
  }
}

/** Compute services by name, for sources that give no service category (Cost Explorer). */
const COMPUTE_SERVICES = /elastic compute cloud - compute|^aws lambda$|fargate|^compute engine$|^virtual machines$/i;

function scopeOf(r: ScannedRecord): RecommendationScope {
  return { provider: r.provider, account: r.subAccountId, accountName: r.subAccountName, service: r.service, region: r.regionId, resourceId: r.resourceId };
}

/**
 * Usage a compute commitment would cover: instances, containers and functions, or, where the
 * source has no resources (Cost Explorer by service), a compute service's usage.
 */
function isCommitmentCompute(r: ScannedRecord, kind: ResourceKind): boolean {
  if (r.serviceCategory !== 'Compute' && !COMPUTE_SERVICES.test(r.service)) return false;
  if (!r.resourceId) return !/other|data transfer|ebs|block store/i.test(r.service);
  return COMMITMENT_COVERED.has(kind);
}
