/**
 * What a resource is, from what the data says about it: the source's resource type first, then
 * the shape of its id, then its service. The rules need it because the same flat cost means
 * "idle" for a load balancer and "running" for a virtual machine.
 */

export type ResourceKind =
  | 'volume'
  | 'snapshot'
  | 'load-balancer'
  | 'ip-address'
  | 'nat-gateway'
  | 'instance'
  | 'database'
  | 'cluster'
  | 'function'
  | 'storage'
  | 'other';

export const KIND_LABELS: Record<ResourceKind, string> = {
  volume: 'volume',
  snapshot: 'snapshot',
  'load-balancer': 'load balancer',
  'ip-address': 'public IP address',
  'nat-gateway': 'NAT gateway',
  instance: 'instance',
  database: 'database',
  cluster: 'cluster',
  function: 'function',
  storage: 'storage',
  other: 'resource',
};

/** Kinds whose cost moves with use, so that a flat cost day after day means nothing uses them. */
export const IDLE_PRONE: ReadonlySet<ResourceKind> = new Set(['volume', 'load-balancer', 'ip-address', 'nat-gateway']);

/** Kinds that can be stopped or scaled to zero outside working hours. */
export const SCHEDULABLE: ReadonlySet<ResourceKind> = new Set(['instance', 'database', 'cluster']);

/** Kinds a compute commitment (Savings Plan, committed use discount) covers. */
export const COMMITMENT_COVERED: ReadonlySet<ResourceKind> = new Set(['instance', 'cluster', 'function']);

const BY_TYPE: [RegExp, ResourceKind][] = [
  [/snapshot/i, 'snapshot'],
  [/volume|disk/i, 'volume'],
  [/load ?balancer/i, 'load-balancer'],
  [/\bnat\b|nat ?gateway/i, 'nat-gateway'],
  [/\bip\b|ip ?address|elastic ?ip/i, 'ip-address'],
  [/kubernetes|cluster/i, 'cluster'],
  [/sql|database|\bdb\b|mysql|postgres/i, 'database'],
  [/instance|virtual ?machine|scale ?set|\bvm\b/i, 'instance'],
  [/function/i, 'function'],
  [/bucket|storage account|blob/i, 'storage'],
];

const BY_ID: [RegExp, ResourceKind][] = [
  [/(^|[:/])snap-/i, 'snapshot'],
  [/(^|[:/])vol-|\/disks\//i, 'volume'],
  [/loadbalancer\/|\/loadbalancers\/|(^|[:/])lb-/i, 'load-balancer'],
  [/eipalloc-|(^|[:/])eip-|publicipaddresses\/|\/addresses\//i, 'ip-address'],
  [/natgateway|(^|[:/])nat-/i, 'nat-gateway'],
  [/(^|[:/])i-[0-9a-z]{6,}|\/virtualmachines\/|\/instances\/|(^|[:/])vm-/i, 'instance'],
  [/(^|[:/])(db|sql|sqldb)-|:db:|\/databases\//i, 'database'],
  [/(^|[:/])(eks|gke|aks)-|\/managedclusters\//i, 'cluster'],
  [/(^|[:/])fn-|:function:/i, 'function'],
];

const BY_SERVICE: [RegExp, ResourceKind][] = [
  [/load balanc/i, 'load-balancer'],
  [/elastic block store|managed disks|persistent disk/i, 'volume'],
  [/relational database|cloud sql|sql database|database for/i, 'database'],
  [/kubernetes/i, 'cluster'],
  [/lambda|cloud functions|azure functions/i, 'function'],
  [/simple storage|cloud storage|storage accounts/i, 'storage'],
];

export function resourceKind(resourceType: string, resourceId: string, service: string): ResourceKind {
  for (const [re, kind] of BY_TYPE) if (resourceType && re.test(resourceType)) return kind;
  for (const [re, kind] of BY_ID) if (resourceId && re.test(resourceId)) return kind;
  for (const [re, kind] of BY_SERVICE) if (re.test(service)) return kind;
  return 'other';
}
