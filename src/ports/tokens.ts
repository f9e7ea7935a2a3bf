/** API tokens (JWT): who is asking, and with which role. The jose adapter is in src/auth. */
import type { Role } from '../domain/roles';

export interface Principal {
  subject: string;
  role: Role;
  expiresAt?: Date;
}

export interface TokenVerifier {
  /** The token's principal; throws AppError UNAUTHENTICATED saying what is wrong with it. */
  verify(token: string): Promise<Principal>;
}

export interface TokenRequest {
  role: Role;
  subject: string;
  ttlSeconds: number;
}

export interface TokenIssuer {
  /** A signed token, one line. */
  issue(request: TokenRequest): Promise<string>;
}
