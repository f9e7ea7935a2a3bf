/** Who is asking (the bearer token) and whether their role may use the route. */
import { AppError } from '../domain/errors';
import { can, leastRoleFor, PERMISSION_TEXT, type Permission } from '../domain/roles';
import type { Principal, TokenVerifier } from '../ports/tokens';
import type { ApiRequest } from './http';

/**
 * Tokens already checked, kept for a minute (never past their expiry), so that a dashboard's
 * repeated calls skip the signature check. A token is only kept after jose accepted it.
 */
export class CheckedTokens implements TokenVerifier {
  private readonly kept = new Map<string, { principal: Principal; until: number }>();

  constructor(private readonly tokens: TokenVerifier, private readonly now: () => number, private readonly maxEntries = 1000) {}

  async verify(token: string): Promise<Principal> {
    const now = this.now();
    const hit = this.kept.get(token);
    if (hit && now < hit.until) return hit.principal;
    const principal = await this.tokens.verify(token);
    const until = Math.min(now + 60_000, principal.expiresAt?.getTime() ?? now);
    this.kept.delete(token);
    this.kept.set(token, { principal, until });
    if (this.kept.size > this.maxEntries) this.kept.delete(this.kept.keys().next().value!);
    return principal;
  }
}

export async function authenticate(request: ApiRequest, tokens: TokenVerifier): Promise<Principal> {
  const header = request.headers.authorization;
  if (!header) throw new AppError('UNAUTHENTICATED', 'This needs a token: send "Authorization: Bearer <token>". An admin creates one with `penny token create --role viewer`.');
  const match = /^Bearer +([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim());
  if (!match) throw new AppError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>".');
  return tokens.verify(match[1]!);
}

export function authorize(principal: Principal, permission: Permission): void {
  if (can(principal.role, permission)) return;
  const least = leastRoleFor(permission);
  const who = least === 'admin' ? 'an admin token' : `a ${least} or admin token`;
  throw new AppError('FORBIDDEN', `${PERMISSION_TEXT[permission]} needs ${who}; this token's role is ${principal.role}.`);
}
