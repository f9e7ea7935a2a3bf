/** How resources and scopes are named in titles. */
import { providerLabel } from '../../cost-record';
import type { RecommendationScope } from '../recommendation';

/** The readable end of a long resource id: ARNs and Azure paths end in the name people know. */
export function shortId(resourceId: string): string {
  // Load balancer ARNs end in …/app/NAME/ID: the name is what people know.
  const lb = /loadbalancer\/(?:app|net|gwy)\/([^/]+)\//.exec(resourceId);
  if (lb) return lb[1]!;
  const tail = resourceId.split(/[/:]/).filter(Boolean).pop() ?? resourceId;
  return tail.length > 40 ? `${tail.slice(0, 39)}…` : tail;
}

/** "prod-core (111111111111)" or the id alone. */
export function accountText(scope: RecommendationScope): string {
  if (!scope.account) return 'all accounts';
  return scope.accountName && scope.accountName !== scope.account ? `${scope.accountName} (${scope.account})` : scope.account;
}

export function providerText(provider: string): string {
  return providerLabel(provider);
}
