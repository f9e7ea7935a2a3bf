/**
 * A deterministic, realistic multi-cloud cost history: weekly seasonality, growth, a few spikes,
 * idle resources, credits and commitment purchases. Every value is a pure function of
 * (resource, day), so regenerating any day gives the same records and loading is idempotent.
 * The same generator, scaled up, feeds the benchmarks.
 */
import { naturalKey, type CostDimensions, type CostRecord, type Tags } from '../../domain/cost-record';
import { addDays, daysIn, firstDayOfMonth, monthOf, rangeLength, type DateRange, type Day } from '../../domain/days';
import { DEFAULT_CURRENCY } from '../../domain/money';
import type { CostSource } from '../../ports/cost-source';
import { DEMO_ACCOUNTS, DEMO_REGIONS, DEMO_SERVICES, DEMO_TEAMS, type DemoAccount, type DemoService } from './demo-catalog';
import { CREDIT_EXPIRES_AFTER_DAYS, INSTANCE_TYPES, LEVEL_SHIFTS, PREVIOUS_GENERATION_SHARE, SCENARIO_RESOURCES, SUPPORT_PLAN } from './demo-scenarios';

export interface DemoScale {
  /** Extra synthetic accounts beyond the named ones (benchmarks use hundreds). */
  extraAccounts?: number;
  /** Extra synthetic services beyond the named ones. */
  extraServices?: number;
  /** How many services each synthetic account uses. */
  servicesPerAccount?: number;
  /** Resources per service in a synthetic account (real accounts run many of each). */
  resourcesPerService?: number;
}

interface Resource {
  id: string;
  account: DemoAccount;
  service: DemoService;
  region: { id: string; name: string };
  base: number;
  growthPerDay: number;
  idle: boolean;
  committed: boolean;
  tags: Tags;
  startOffset: number; // days after the dataset's anchor when it appears
  instanceType?: string;
  resourceType?: string;
  /** Scenario resources: the same cost every day, or on weekdays only (demo-scenarios.ts). */
  pattern?: 'flat' | 'weekdays';
}

interface Spike {
  service: string;
  account: string;
  fromEnd: number; // first spike day, as days before the anchor
  days: number;
  factor: number;
}

const SPIKES: Spike[] = [
  { service: 'BigQuery', account: 'acme-analytics', fromEnd: 3, days: 3, factor: 5 },
  { service: 'Amazon Elastic Compute Cloud', account: 'data-platform', fromEnd: 40, days: 8, factor: 2.2 },
  { service: 'Amazon Virtual Private Cloud', account: 'prod-core', fromEnd: 120, days: 1, factor: 8 },
  { service: 'Vertex AI', account: 'acme-ml-training', fromEnd: 200, days: 11, factor: 3 },
];

export const DEMO_EPOCH: Day = '2020-01-06'; // a Monday; growth and randomness are anchored here

export class DemoCostSource implements CostSource {
  readonly id = 'demo';
  private readonly resources: Resource[];
  private readonly shiftFrom: Day;

  /**
   * `anchor` fixes growth and spike positions. Keep it for the life of a dataset (the demo stores
   * it) so that a day generated later is the same as when it was first generated.
   */
  /** `currency` labels the made-up amounts: PENNY_CURRENCY, so the demo reads like the user's own bills. */
  constructor(private readonly anchor: Day, scale: DemoScale = {}, private readonly currency: string = DEFAULT_CURRENCY) {
    this.resources = buildResources(scale);
    this.shiftFrom = firstDayOfMonth(monthOf(addDays(firstDayOfMonth(monthOf(anchor)), -1)));
  }

  get resourceCount(): number {
    return this.resources.length;
  }

  async *fetch(range: DateRange): AsyncIterable<CostRecord[]> {
    let batch: CostRecord[] = [];
    let month = monthOf(range.start);
    const ingestedAt = new Date(`${this.anchor}T00:00:00Z`);
    for (const day of daysIn(range)) {
      if (monthOf(day) !== month && batch.length > 0) {
        yield batch;
        batch = [];
        month = monthOf(day);
      }
      for (const record of this.recordsFor(day, ingestedAt)) batch.push(record);
    }
    if (batch.length > 0) yield batch;
  }

  *recordsFor(day: Day, ingestedAt: Date): Generator<CostRecord> {
    const dayIndex = rangeLength({ start: DEMO_EPOCH, end: day });
    const anchorIndex = rangeLength({ start: DEMO_EPOCH, end: this.anchor });
    const weekend = [5, 6].includes(((dayIndex % 7) + 7) % 7); // epoch is a Monday
    for (const r of this.resources) {
      if (dayIndex < anchorIndex - 400 + r.startOffset) continue;
      if (r.pattern) {
        if (r.pattern === 'flat' || !weekend) yield this.record(r, day, 'usage', r.base, ingestedAt);
        continue;
      }
      const noise = r.idle ? 1 : 1 + (unit(`${r.id}|${day}`) - 0.5) * 0.16;
      const weekly = weekend && !r.idle ? r.service.weekendFactor : 1;
      const growth = r.idle ? 1 : Math.exp(r.growthPerDay * (dayIndex - anchorIndex));
      const billed = r.base * weekly * growth * noise * spikeFactor(r, anchorIndex - dayIndex) * this.shiftFactor(r, day);
      yield this.record(r, day, 'usage', billed, ingestedAt);
    }
    if (day.endsWith('-01')) yield* this.monthlyCharges(day, ingestedAt);
    if (day === addDays(this.anchor, -SUPPORT_PLAN.daysBeforeAnchor)) yield* this.supportPlan(day, ingestedAt);
  }

  private shiftFactor(r: Resource, day: Day): number {
    if (day < this.shiftFrom) return 1;
    return LEVEL_SHIFTS.find((s) => s.service === r.service.name && s.account === r.account.name)?.factor ?? 1;
  }

  private *supportPlan(day: Day, ingestedAt: Date): Generator<CostRecord> {
    const account = DEMO_ACCOUNTS.find((a) => a.name === SUPPORT_PLAN.account)!;
    const service: DemoService = { provider: 'aws', name: SUPPORT_PLAN.service, category: 'Other', daily: 0, weekendFactor: 1, resourcePrefix: '' };
    const plan: Resource = { ...resource(account, service, 0), id: SUPPORT_PLAN.id, tags: {}, region: { id: '', name: '' } };
    yield this.record(plan, day, 'purchase', SUPPORT_PLAN.amount, ingestedAt);
  }

  private *monthlyCharges(day: Day, ingestedAt: Date): Generator<CostRecord> {
    const sandbox = this.resources.find((r) => r.account.name === 'sandbox');
    // The credit's records carry the day it ends, as a promotional credit's terms do.
    if (sandbox) yield this.record({ ...sandbox, id: '', tags: { 'credit-expires': addDays(this.anchor, CREDIT_EXPIRES_AFTER_DAYS) } }, day, 'credit', -250, ingestedAt);
    const rds = this.resources.find((r) => r.service.name === 'Amazon Relational Database Service' && r.account.name === 'prod-core');
    if (rds) yield this.record({ ...rds, id: '' }, day, 'purchase', 900, ingestedAt);
  }

  private record(r: Resource, day: Day, chargeCategory: CostDimensions['chargeCategory'], billed: number, ingestedAt: Date): CostRecord {
    const dims: CostDimensions = {
      source: 'demo',
      provider: r.account.provider,
      providerName: r.account.provider === 'aws' ? 'AWS' : r.account.provider === 'gcp' ? 'Google Cloud' : 'Microsoft',
      billingAccountId: r.account.billingAccountId,
      billingAccountName: r.account.billingAccountName,
      subAccountId: r.account.id,
      subAccountName: r.account.name,
      service: r.service.name,
      serviceCategory: r.service.category,
      regionId: r.region.id,
      regionName: r.region.name,
      chargeCategory,
      resourceId: r.id,
      currency: this.currency,
      tags: r.id || chargeCategory === 'credit' ? r.tags : {},
    };
    if (r.id && r.resourceType) dims.resourceType = r.resourceType;
    if (r.id && r.instanceType) dims.instanceType = r.instanceType;
    const billedNanos = toNanos(billed);
    const effective = chargeCategory === 'usage' && r.committed ? toNanos(billed * 0.72) : billedNanos;
    const list = chargeCategory === 'usage' ? toNanos(billed * 1.12) : billedNanos;
    return { ...dims, id: naturalKey(dims, day), day, month: monthOf(day), billed: billedNanos, effective, list, ingestedAt };
  }
}

function spikeFactor(r: Resource, daysBeforeAnchor: number): number {
  for (const s of SPIKES) {
    if (s.service === r.service.name && s.account === r.account.name && daysBeforeAnchor <= s.fromEnd && daysBeforeAnchor > s.fromEnd - s.days) {
      return s.factor;
    }
  }
  return 1;
}

function buildResources(scale: DemoScale): Resource[] {
  const accounts = [...DEMO_ACCOUNTS, ...syntheticAccounts(scale.extraAccounts ?? 0)];
  const services = [...DEMO_SERVICES, ...syntheticServices(scale.extraServices ?? 0)];
  const out: Resource[] = [];
  for (const account of accounts) {
    const synthetic = account.id.startsWith('synthetic-');
    // Named accounts use the named services; synthetic ones pick from all of them.
    const mine = (synthetic ? services : DEMO_SERVICES).filter((s) => s.provider === account.provider);
    const used = synthetic ? pick(mine, scale.servicesPerAccount ?? 4, account.id) : mine;
    for (const service of used) {
      const count = synthetic ? (scale.resourcesPerService ?? 6) : 1 + Math.floor(unit(`${account.id}|${service.name}|n`) * 4);
      for (let i = 0; i < count; i++) out.push(resource(account, service, i));
    }
  }
  return [...out, ...scenarioResources(accounts)];
}

function scenarioResources(accounts: DemoAccount[]): Resource[] {
  return SCENARIO_RESOURCES.flatMap((s) => {
    const account = accounts.find((a) => a.name === s.account);
    if (!account) return [];
    const region = DEMO_REGIONS[account.provider].find((r) => r.id === s.region) ?? DEMO_REGIONS[account.provider][0]!;
    return [{
      ...resource(account, s.service, 0), id: s.id, region, base: s.daily, idle: false, committed: false, tags: s.tags, startOffset: 0,
      pattern: s.pattern, resourceType: s.resourceType, ...(s.instanceType ? { instanceType: s.instanceType } : {}),
    }];
  });
}

/** Instances say their type: most of a current family, some of an older one. */
function instanceTypeOf(account: DemoAccount, service: DemoService, seed: string): string | undefined {
  if (service.category !== 'Compute' || !['i-', 'vm-'].includes(service.resourcePrefix)) return undefined;
  const types = INSTANCE_TYPES[account.provider];
  const list = unit(`${seed}|generation`) < PREVIOUS_GENERATION_SHARE ? types.previous : types.current;
  return list[Math.floor(unit(`${seed}|itype`) * list.length)];
}

function resource(account: DemoAccount, service: DemoService, i: number): Resource {
  const seed = `${account.id}|${service.name}|${i}`;
  const regions = DEMO_REGIONS[account.provider];
  const envFactor = account.env === 'prod' ? 1 : account.env === 'staging' ? 0.4 : 0.25;
  const idle = unit(`${seed}|idle`) < 0.06;
  const untagged = unit(`${seed}|untagged`) < 0.1;
  const team = DEMO_TEAMS[Math.floor(unit(`${seed}|team`) * DEMO_TEAMS.length)]!;
  const instanceType = instanceTypeOf(account, service, seed);
  return {
    ...(instanceType ? { instanceType } : {}),
    id: `${service.resourcePrefix}${hex(seed)}`,
    account,
    service,
    // Most of an account's resources share its home region.
    region: regions[Math.floor(unit(unit(`${seed}|spread`) < 0.8 ? `${account.id}|home` : `${seed}|region`) * regions.length)]!,
    base: service.daily * envFactor * (0.3 + 2.2 * unit(`${seed}|size`) ** 2) * (idle ? 0.4 : 1),
    growthPerDay: (0.0002 + unit(`${account.id}|growth`) * 0.0012) * (unit(`${seed}|g`) < 0.2 ? 2 : 1),
    idle,
    committed: service.category === 'Compute' && unit(`${seed}|ri`) < 0.4,
    tags: untagged ? {} : { team, env: account.env, 'cost-center': `cc-${100 + DEMO_TEAMS.indexOf(team)}` },
    startOffset: unit(`${seed}|start`) < 0.15 ? Math.floor(unit(`${seed}|when`) * 300) : 0,
  };
}

function syntheticAccounts(n: number): DemoAccount[] {
  const providers: DemoAccount['provider'][] = ['aws', 'gcp', 'azure'];
  return Array.from({ length: n }, (_, i) => {
    const template = DEMO_ACCOUNTS.find((a) => a.provider === providers[i % 3])!;
    return { ...template, id: `synthetic-${String(i).padStart(4, '0')}`, name: `team-account-${String(i).padStart(4, '0')}`, env: i % 4 === 0 ? 'dev' : 'prod' };
  });
}

function syntheticServices(n: number): DemoService[] {
  const providers: DemoService['provider'][] = ['aws', 'gcp', 'azure'];
  const categories = ['Compute', 'Storage', 'Databases', 'Networking', 'Analytics'];
  return Array.from({ length: n }, (_, i) => ({
    provider: providers[i % 3]!,
    name: `${providers[i % 3]!.toUpperCase()} Service ${String(i).padStart(3, '0')}`,
    category: categories[i % categories.length]!,
    daily: 1 + (i % 17),
    weekendFactor: i % 2 ? 0.8 : 1,
    resourcePrefix: `svc${i}-`,
  }));
}

function pick<T>(items: T[], n: number, seed: string): T[] {
  return [...items].sort((a, b) => unit(`${seed}|${String(a)}|${items.indexOf(a)}`) - unit(`${seed}|${String(b)}|${items.indexOf(b)}`)).slice(0, n);
}

/** A deterministic number in [0, 1) from a string (FNV-1a then a mix step). */
export function unit(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return (h >>> 0) / 4294967296;
}

function hex(text: string): string {
  return [unit(`${text}|a`), unit(`${text}|b`)].map((u) => Math.floor(u * 0xffffffff).toString(16).padStart(8, '0')).join('').slice(0, 17);
}

function toNanos(amount: number): bigint {
  // Generated values are rounded to the cent-fraction a bill would show, then held exactly.
  return BigInt(Math.round(amount * 1e6)) * 1000n;
}

/** The default demo history: 13 months up to (not including) `anchor`. */
export function demoHistoryRange(anchor: Day): DateRange {
  return { start: addDays(anchor, -396), end: anchor };
}
