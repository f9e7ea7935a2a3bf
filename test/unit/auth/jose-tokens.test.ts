/**
 * API tokens with the real jose: what is accepted, and every way a token is refused, with the
 * sentence the caller gets. Tokens that Penny would never make are forged here with jose itself.
 */
import { generateKeyPairSync, createHmac } from 'node:crypto';
import { SignJWT } from 'jose';
import { JoseTokens } from '../../../src/auth/jose-tokens';
import { parseTtl } from '../../../src/domain/duration';
import { fixedClock } from '../../../src/ports/clock';

const SECRET = 'a-test-secret-that-is-at-least-32-characters';
const clock = fixedClock('2024-10-02T12:00:00Z');
const NOW = Math.floor(clock.now().getTime() / 1000);
const hs = () => new JoseTokens({ secret: SECRET, audience: 'penny' }, clock);
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

function forge(claims: Record<string, unknown>, key: Uint8Array | import('node:crypto').KeyObject = new TextEncoder().encode(SECRET), alg = 'HS256') {
  return new SignJWT(claims).setProtectedHeader({ alg }).sign(key);
}

it('round-trips a token it issued: role, subject, expiry', async () => {
  const tokens = hs();
  const token = await tokens.issue({ role: 'finance', subject: 'grafana', ttlSeconds: 3600 });
  expect(token.split('.')).toHaveLength(3);
  expect(await tokens.verify(token)).toEqual({ role: 'finance', subject: 'grafana', expiresAt: new Date((NOW + 3600) * 1000) });
});

it.each([
  ['alg: none', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ role: 'admin', aud: 'penny', exp: NOW + 60 })}.`, /algorithm this Penny does not accept; it takes HS256 only/],
  ['an expired token', () => forge({ role: 'admin', aud: 'penny', exp: NOW - 60 }), /has expired/],
  ['a token not valid yet', () => forge({ role: 'admin', aud: 'penny', exp: NOW + 600, nbf: NOW + 300 }), /not valid yet/],
  ['another audience', () => forge({ role: 'admin', aud: 'someone-else', exp: NOW + 60 }), /another audience; this Penny accepts "aud": "penny"/],
  ['no expiry', () => forge({ role: 'admin', aud: 'penny' }), /no expiry/],
  ['no role', () => forge({ aud: 'penny', exp: NOW + 60 }), /no valid "role" claim/],
  ['an unknown role', () => forge({ role: 'root', aud: 'penny', exp: NOW + 60 }), /no valid "role" claim/],
  ['another secret', () => forge({ role: 'admin', aud: 'penny', exp: NOW + 60 }, new TextEncoder().encode('x'.repeat(40))), /signature does not match/],
  ['HS512 with the right secret', () => forge({ role: 'admin', aud: 'penny', exp: NOW + 60 }, new TextEncoder().encode(SECRET), 'HS512'), /takes HS256 only/],
  ['garbage', async () => 'not.a.jwt', /not a valid JWT/],
])('refuses %s', async (_name, make, message) => {
  await expect(hs().verify(await make())).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringMatching(message) });
});

describe('with a key pair', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const pem = (k: import('node:crypto').KeyObject, type: 'spki' | 'pkcs8') => k.export({ type, format: 'pem' }).toString();

  it.each([['RS256', rsa], ['ES256', ec]] as const)('%s: issues with the private key and checks with the public key', async (alg, pair) => {
    const tokens = new JoseTokens({ publicKey: pem(pair.publicKey, 'spki'), privateKey: pem(pair.privateKey, 'pkcs8'), audience: 'penny' }, clock);
    const token = await tokens.issue({ role: 'viewer', subject: 's', ttlSeconds: 60 });
    expect(JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString())).toMatchObject({ alg });
    expect((await tokens.verify(token)).role).toBe('viewer');
    const verifyOnly = new JoseTokens({ publicKey: pem(pair.publicKey, 'spki'), audience: 'penny' }, clock);
    expect((await verifyOnly.verify(token)).role).toBe('viewer');
    await expect(verifyOnly.issue({ role: 'viewer', subject: 's', ttlSeconds: 60 })).rejects.toMatchObject({ code: 'NOT_CONFIGURED' });
  });

  it('refuses algorithm confusion: an HS256 token whose secret is the RS256 public key', async () => {
    const publicPem = pem(rsa.publicKey, 'spki');
    const header = b64({ alg: 'HS256', typ: 'JWT' });
    const payload = b64({ role: 'admin', aud: 'penny', exp: NOW + 60 });
    const signature = createHmac('sha256', publicPem).update(`${header}.${payload}`).digest('base64url');
    const tokens = new JoseTokens({ publicKey: publicPem, audience: 'penny' }, clock);
    await expect(tokens.verify(`${header}.${payload}.${signature}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/takes RS256 only/) });
  });

  it('refuses an ES256 token when the key is RSA', async () => {
    const token = await forge({ role: 'admin', aud: 'penny', exp: NOW + 60 }, ec.privateKey, 'ES256');
    const tokens = new JoseTokens({ publicKey: pem(rsa.publicKey, 'spki'), audience: 'penny' }, clock);
    await expect(tokens.verify(token)).rejects.toMatchObject({ message: expect.stringMatching(/takes RS256 only/) });
  });

  it('refuses keys it cannot use, naming the setting', () => {
    expect(() => new JoseTokens({ publicKey: '-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----', audience: 'penny' }, clock)).toThrow(/PENNY_JWT_PUBLIC_KEY is not a readable PEM public key/);
    const ed = generateKeyPairSync('ed25519');
    expect(() => new JoseTokens({ publicKey: pem(ed.publicKey, 'spki'), audience: 'penny' }, clock)).toThrow(/RSA key \(RS256\) or a P-256 EC key/);
  });
});

it('without keys, says how to set them up', async () => {
  const tokens = new JoseTokens({ audience: 'penny' }, clock);
  await expect(tokens.verify('x.y.z')).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/PENNY_JWT_SECRET/) });
  await expect(tokens.issue({ role: 'admin', subject: 's', ttlSeconds: 1 })).rejects.toMatchObject({ code: 'NOT_CONFIGURED' });
});

it('reads token lifetimes', () => {
  expect([parseTtl('30d'), parseTtl('12h'), parseTtl('90m'), parseTtl('2w'), parseTtl('3600s')]).toEqual([2_592_000, 43_200, 5_400, 1_209_600, 3_600]);
  expect([parseTtl('0d'), parseTtl('d'), parseTtl('30 days'), parseTtl('-1d')]).toEqual([undefined, undefined, undefined, undefined]);
});
