/**
 * Matches what a person typed ("ec2", "atlas orion", "us-east-1") to stored dimension values.
 */
export interface Candidate {
  value: string;
  label: string;
  parent?: string;
}

export type MatchResult = { ok: true; values: string[]; labels: string[] } | { ok: false; suggestions: string[] };

/** Short names people use for services; each maps to phrases found in providers' service names. */
const SERVICE_ALIASES: Record<string, string[]> = {
  ec2: ['elastic compute cloud', 'ec2 - other'],
  ebs: ['elastic block store'],
  s3: ['simple storage service'],
  rds: ['relational database service'],
  elb: ['elastic load balancing'],
  alb: ['elastic load balancing'],
  eks: ['elastic kubernetes service', 'elastic container service for kubernetes'],
  ecs: ['elastic container service'],
  ecr: ['ec2 container registry', 'elastic container registry'],
  vpc: ['virtual private cloud'],
  sqs: ['simple queue service'],
  sns: ['simple notification service'],
  efs: ['elastic file system'],
  kms: ['key management service'],
  route53: ['route 53'],
  'route 53': ['route 53'],
  dynamo: ['dynamodb'],
  gce: ['compute engine'],
  gcs: ['cloud storage'],
  gke: ['kubernetes engine'],
  bq: ['bigquery'],
  vm: ['virtual machines'],
  vms: ['virtual machines'],
  aks: ['azure kubernetes service'],
  blob: ['storage accounts', 'storage'],
};

function norm(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

export function matchDimension(input: string, candidates: readonly Candidate[], options: { aliases?: boolean; byParent?: boolean } = {}): MatchResult {
  const wanted = norm(input);
  const found = (list: Candidate[]): MatchResult => ({ ok: true, values: list.map((c) => c.value), labels: list.map((c) => c.label || c.value) });
  const exact = candidates.filter((c) => norm(c.value) === wanted || (c.label && norm(c.label) === wanted));
  if (exact.length > 0) return found(exact);
  if (options.byParent) {
    const children = candidates.filter((c) => c.parent && norm(c.parent) === wanted);
    if (children.length > 0) return found(children);
  }
  const phrases = options.aliases ? SERVICE_ALIASES[wanted] : undefined;
  if (phrases) {
    const aliased = candidates.filter((c) => phrases.some((p) => norm(c.value).includes(p)));
    if (aliased.length > 0) return found(aliased);
  }
  if (wanted.length >= 3) {
    const partial = candidates.filter((c) => norm(c.value).includes(wanted) || (c.label && norm(c.label).includes(wanted)));
    if (partial.length > 0) return found(partial);
  }
  return { ok: false, suggestions: options.aliases ? [...new Set([...aliasSuggestions(wanted, candidates), ...closest(wanted, candidates)])].slice(0, 3) : closest(wanted, candidates) };
}

/** "ec3" is one letter from the short name "ec2": suggest what that short name stands for. */
function aliasSuggestions(wanted: string, candidates: readonly Candidate[]): string[] {
  const out: string[] = [];
  for (const [alias, phrases] of Object.entries(SERVICE_ALIASES)) {
    if (distance(wanted, alias) > (alias.length <= 3 ? 1 : 2)) continue;
    for (const c of candidates) if (phrases.some((p) => norm(c.value).includes(p))) out.push(c.label || c.value);
  }
  return out;
}

function closest(wanted: string, candidates: readonly Candidate[]): string[] {
  return candidates
    .map((c) => {
      const name = c.label || c.value;
      return { name, d: Math.min(distance(wanted, norm(c.value)), c.label ? distance(wanted, norm(c.label)) : Infinity) };
    })
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name))
    .slice(0, 3)
    .map((x) => x.name);
}

/** Levenshtein distance, bounded to keep long names cheap. */
export function distance(a: string, b: string): number {
  if (a === b) return 0;
  const s = a.slice(0, 64);
  const t = b.slice(0, 64);
  let prev = Array.from({ length: t.length + 1 }, (_, i) => i);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[t.length]!;
}
