/**
 * API tokens with jose: HS256 with a shared secret, or RS256/ES256 with a key pair. Each key
 * allows exactly one algorithm, so `alg: none` and algorithm confusion (an RS256 public key used
 * as an HS256 secret) are refused by jose before any claim is read. exp, nbf and aud are checked.
 *
 * jose is ESM only; like agenda it is loaded with `await import()` (see scheduler/agenda-scheduler.ts).
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import type { errors as JoseErrors } from 'jose';
import { AppError } from '../domain/errors';
import { parseRole } from '../domain/roles';
import type { Clock } from '../ports/clock';
import type { Principal, TokenIssuer, TokenRequest, TokenVerifier } from '../ports/tokens';

export interface TokenKeys {
  secret?: string;
  publicKey?: string;
  privateKey?: string;
  audience: string;
}

type Alg = 'HS256' | 'RS256' | 'ES256';
const ISSUER = 'penny';

type Jose = typeof import('jose');
let jose: Promise<Jose> | undefined;
const loadJose = () => (jose ??= import('jose'));

/** The one algorithm a key may be used with. */
function algorithmOf(key: KeyObject): Alg {
  if (key.asymmetricKeyType === 'rsa') return 'RS256';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
  throw new AppError('CONFIG_INVALID', 'PENNY_JWT_PUBLIC_KEY must be an RSA key (RS256) or a P-256 EC key (ES256).');
}

function readKey(pem: string, kind: 'public' | 'private', name: string): KeyObject {
  try {
    return kind === 'public' ? createPublicKey(pem) : createPrivateKey(pem);
  } catch (error) {
    throw new AppError('CONFIG_INVALID', `${name} is not a readable PEM ${kind} key.`, { cause: error });
  }
}

export class JoseTokens implements TokenVerifier, TokenIssuer {
  private readonly verifyKey?: { key: KeyObject | Uint8Array; alg: Alg };
  private readonly signKey?: { key: KeyObject | Uint8Array; alg: Alg };

  constructor(private readonly keys: TokenKeys, private readonly clock: Clock) {
    if (keys.secret) {
      const secret = new TextEncoder().encode(keys.secret);
      this.verifyKey = { key: secret, alg: 'HS256' };
      this.signKey = { key: secret, alg: 'HS256' };
    } else if (keys.publicKey) {
      const key = readKey(keys.publicKey, 'public', 'PENNY_JWT_PUBLIC_KEY');
      this.verifyKey = { key, alg: algorithmOf(key) };
    }
    if (keys.privateKey && !keys.secret) {
      const key = readKey(keys.privateKey, 'private', 'PENNY_JWT_PRIVATE_KEY');
      const alg = algorithmOf(createPublicKey(key));
      if (this.verifyKey && this.verifyKey.alg !== alg) throw new AppError('CONFIG_INVALID', 'PENNY_JWT_PRIVATE_KEY is not the same kind of key as PENNY_JWT_PUBLIC_KEY.');
      this.signKey = { key, alg };
    }
  }

  /** Whether tokens can be checked at all (a secret or a public key is set). */
  get enabled(): boolean {
    return this.verifyKey !== undefined;
  }

  async verify(token: string): Promise<Principal> {
    if (!this.verifyKey) {
      throw new AppError('UNAUTHENTICATED', 'This Penny accepts no API tokens yet: an admin sets PENNY_JWT_SECRET (or PENNY_JWT_PUBLIC_KEY) and creates one with `penny token create`.');
    }
    const { jwtVerify, errors } = await loadJose();
    try {
      const { payload } = await jwtVerify(token, this.verifyKey.key, {
        algorithms: [this.verifyKey.alg],
        audience: this.keys.audience,
        requiredClaims: ['exp'],
        currentDate: this.clock.now(),
        clockTolerance: 5,
      });
      const role = typeof payload.role === 'string' ? parseRole(payload.role) : undefined;
      if (!role) throw new AppError('UNAUTHENTICATED', 'The token has no valid "role" claim (viewer, finance or admin). Create a new one with `penny token create --role viewer`.');
      return { subject: payload.sub ?? 'unknown', role, ...(payload.exp ? { expiresAt: new Date(payload.exp * 1000) } : {}) };
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('UNAUTHENTICATED', refusal(error, errors, this.verifyKey.alg, this.keys.audience), { cause: error });
    }
  }

  async issue(request: TokenRequest): Promise<string> {
    if (!this.signKey) {
      throw new AppError('NOT_CONFIGURED', 'To create tokens, set PENNY_JWT_SECRET (HS256, at least 32 characters) or PENNY_JWT_PRIVATE_KEY with PENNY_JWT_PUBLIC_KEY (RS256/ES256).');
    }
    const { SignJWT } = await loadJose();
    const now = Math.floor(this.clock.now().getTime() / 1000);
    return new SignJWT({ role: request.role })
      .setProtectedHeader({ alg: this.signKey.alg, typ: 'JWT' })
      .setSubject(request.subject)
      .setIssuer(ISSUER)
      .setAudience(this.keys.audience)
      .setIssuedAt(now)
      .setExpirationTime(now + request.ttlSeconds)
      .sign(this.signKey.key);
  }
}

/** What to tell the caller; never the token or the key. */
function refusal(error: unknown, errors: typeof JoseErrors, alg: Alg, audience: string): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired. Ask an admin for a new one (`penny token create`).';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return 'The token is not valid yet (its "nbf" is in the future).';
    if (error.claim === 'aud') return `The token is for another audience; this Penny accepts "aud": "${audience}".`;
    if (error.claim === 'exp') return 'The token has no expiry ("exp"); Penny accepts only tokens that expire.';
    return `The token's "${error.claim}" claim is not acceptable.`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return `The token is signed with an algorithm this Penny does not accept; it takes ${alg} only.`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The token\'s signature does not match this Penny\'s key.';
  return 'The token is not a valid JWT.';
}
