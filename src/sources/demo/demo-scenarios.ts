/**
 * Situations the demo company is in, so that recommendations have something real to find and
 * something to leave alone: an idle load balancer, an orphaned volume, an unused public IP, a dev
 * VM already on a working-hours schedule, a log bill that jumped last month, a credit that runs
 * out soon, a yearly support plan about to renew, and instance types (some of an older family).
 */
import type { DemoAccount, DemoService } from './demo-catalog';

export interface ScenarioResource {
  account: string; // DemoAccount name
  service: DemoService;
  id: string;
  /** Cost a day, the same every day (idle), or on weekdays only (scheduled). */
  daily: number;
  pattern: 'flat' | 'weekdays';
  region: string;
  tags: Record<string, string>;
  resourceType: string;
  instanceType?: string;
}

const ELB: DemoService = { provider: 'aws', name: 'Elastic Load Balancing', category: 'Networking', daily: 0.54, weekendFactor: 1, resourcePrefix: 'lb-' };
const EBS: DemoService = { provider: 'aws', name: 'Amazon Elastic Block Store', category: 'Storage', daily: 1.64, weekendFactor: 1, resourcePrefix: 'vol-' };
const VPC: DemoService = { provider: 'aws', name: 'Amazon Virtual Private Cloud', category: 'Networking', daily: 0.12, weekendFactor: 1, resourcePrefix: 'eipalloc-' };
const GCE: DemoService = { provider: 'gcp', name: 'Compute Engine', category: 'Compute', daily: 9.6, weekendFactor: 0, resourcePrefix: 'vm-' };

export const SCENARIO_RESOURCES: ScenarioResource[] = [
  // An ALB left behind when the old API moved: $0.0225 an hour, no capacity units.
  { account: 'staging', service: ELB, id: 'arn:aws:elasticloadbalancing:us-east-1:333333333333:loadbalancer/app/old-api-staging/7f3a9c21d4e5b610', daily: 0.54, pattern: 'flat', region: 'us-east-1', tags: { team: 'platform', env: 'staging' }, resourceType: 'Load balancer' },
  // 500 GB of gp2 from a deleted sandbox instance: $50 a month.
  { account: 'sandbox', service: EBS, id: 'vol-0c9e4d2b7a1f38e65', daily: 1.64, pattern: 'flat', region: 'us-west-2', tags: { team: 'ml', env: 'dev' }, resourceType: 'volume' },
  // A public IPv4 address nothing is attached to: $0.005 an hour.
  { account: 'prod-core', service: VPC, id: 'eipalloc-0a1b2c3d4e5f60718', daily: 0.12, pattern: 'flat', region: 'us-east-1', tags: { team: 'web', env: 'prod' }, resourceType: 'IP address' },
  // A dev VM already stopped at weekends: the schedule rule must leave it alone.
  { account: 'acme-web-dev', service: GCE, id: 'vm-web-preview-scheduled', daily: 9.6, pattern: 'weekdays', region: 'us-central1', tags: { team: 'web', env: 'dev' }, resourceType: 'instance', instanceType: 'e2-standard-8' },
];

/** A service whose cost jumped from the first day of the month before the anchor's month. */
export const LEVEL_SHIFTS = [{ service: 'Amazon CloudWatch', account: 'data-platform', factor: 2.6 }];

/** The sandbox's promotional credit ends this many days after the anchor (its records say so). */
export const CREDIT_EXPIRES_AFTER_DAYS = 20;

/** A yearly support plan bought this many days before the anchor: it renews a week after it. */
export const SUPPORT_PLAN = { account: 'prod-core', daysBeforeAnchor: 358, amount: 4800, service: 'AWS Support (Business)', id: 'support-business-annual' };

/** Instance types by provider: current families and older ones (the previous-generation rule's food). */
export const INSTANCE_TYPES: Record<DemoAccount['provider'], { current: string[]; previous: string[] }> = {
  aws: { current: ['m6i.large', 'm6i.xlarge', 'c6i.xlarge', 'r6i.large', 't3.medium', 'm5.xlarge'], previous: ['m4.xlarge', 'c4.2xlarge', 't2.large', 'r4.xlarge'] },
  gcp: { current: ['n2-standard-4', 'e2-standard-4', 'n2-highmem-8'], previous: ['n1-standard-4', 'n1-standard-8'] },
  azure: { current: ['Standard_D4s_v5', 'Standard_E4s_v5'], previous: ['Standard_D4_v2', 'Standard_DS3_v2'] },
};

/** Share of instances on an older family. */
export const PREVIOUS_GENERATION_SHARE = 0.3;
