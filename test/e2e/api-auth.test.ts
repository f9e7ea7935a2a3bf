/**
 * API auth through real HTTP: every endpoint with every role (viewer reads; finance also manages
 * budgets and reports; admin does everything), and each way a token is refused: none, alg none,
 * expired, another audience, another secret, a role that may not (403). Plus `penny token create`.
 */
import { Readable } from 'node:stream';
import { SignJWT } from 'jose';
import { run } from '../../src/cli/main';
import { can, ROLES } from '../../src/domain/roles';
import { API_ENV, apiCall, JWT_SECRET, tokenFor } from '../support/api-client';
import { NOW, useE2E } from './harness';

const app = useE2E({ env: API_ENV, seed: false });
const call = (method: string, path: string, token?: string, body?: unknown) => apiCall(app().base, method, path, { token, body });
const now = Math.floor(new Date(NOW).getTime() / 1000);
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const sign = (claims: Record<string, unknown>, secret = JWT_SECRET) => new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));

describe('every endpoint, every role', () => {
  const cases = () =>
    app().penny.api.routes.flatMap((route) => ROLES.map((role) => ({ route, role })));

  it('lets a role in exactly when it may, and refuses the rest with 403', async () => {
    const seen: string[] = [];
    for (const { route, role } of cases()) {
      const path = `/api/v1${route.path.replace(':name', 'nothing-here')}`;
      const body = route.method === 'POST' || route.method === 'PUT' ? {} : undefined;
      const res = await call(route.method, path, await tokenFor(app().penny, role), body);
      const label = `${role} ${route.method} ${route.path}`;
      if (route.access === 'public' || can(role, route.access)) expect([label, [401, 403].includes(res.status)]).toEqual([label, false]);
      else expect([label, res.status, res.json.error.code]).toEqual([label, 403, 'FORBIDDEN']);
      seen.push(label);
    }
    expect(seen.length).toBeGreaterThanOrEqual(3 * 10);
  });

  it('says which role is needed', async () => {
    const res = await call('POST', '/api/v1/budgets', await tokenFor(app().penny, 'viewer'), { name: 'x' });
    expect(res.json.error.message).toBe("Managing budgets needs a finance or admin token; this token's role is viewer.");
  });
});

describe('refused tokens: 401 with a reason', () => {
  const summary = '/api/v1/costs/summary';

  it('no token', async () => {
    const res = await call('GET', summary);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="penny"');
    expect(res.json.error).toEqual({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/send "Authorization: Bearer <token>".*penny token create/) });
  });

  it.each([
    ['alg: none', async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ role: 'admin', aud: 'penny', exp: now + 600 })}.`, /does not accept; it takes HS256 only/],
    ['an expired token', () => sign({ role: 'admin', aud: 'penny', exp: now - 60 }), /has expired/],
    ['a wrong audience', () => sign({ role: 'admin', aud: 'grafana', exp: now + 600 }), /another audience/],
    ['a token not valid yet', () => sign({ role: 'admin', aud: 'penny', exp: now + 6000, nbf: now + 600 }), /not valid yet/],
    ['another secret', () => sign({ role: 'admin', aud: 'penny', exp: now + 600 }, 'another-secret-that-is-32-characters-long'), /signature does not match/],
  ])('%s', async (_name, make, message) => {
    const res = await call('GET', summary, await make());
    expect(res.status).toBe(401);
    expect(res.json.error).toEqual({ code: 'UNAUTHENTICATED', message: expect.stringMatching(message) });
  });

  it('a header that is not Bearer', async () => {
    const res = await apiCall(app().base, 'GET', summary, { headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } });
    expect(res.status).toBe(401);
    expect(res.json.error.message).toMatch(/must be "Bearer <token>"/);
  });
});

describe('penny token create', () => {
  const cli = async (argv: string[], env: NodeJS.ProcessEnv = API_ENV) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await run(argv, { out: (t) => void out.push(t), err: (t) => void err.push(t), isTTY: false, env: { PENNY_SECRETS_DIR: '/nonexistent', ...env }, exit: () => undefined, stdin: Readable.from([]), stdinIsTTY: false });
    return { code, out: out.join(''), err: err.join('') };
  };

  it('prints one line the API accepts with that role', async () => {
    const made = await cli(['token', 'create', '--role', 'finance', '--ttl', '300d', '--subject', 'grafana']);
    expect(made.code).toBe(0);
    expect(made.out).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const token = made.out.trim();
    expect((await call('GET', '/api/v1/costs/summary', token)).status).toBe(200);
    // Past auth (finance may manage budgets), to the body's check.
    expect((await call('POST', '/api/v1/budgets', token, {})).json.error).toEqual({ code: 'QUERY_INVALID', message: 'In the budget, "name" is required.' });

  });

  it.each([
    [['token', 'create', '--role', 'root'], /--role must be admin, finance or viewer, not "root"/],
    [['token', 'create', '--role', 'viewer', '--ttl', 'forever'], /--ttl must be a duration like 30d/],
    [['token', 'create', '--role', 'viewer', '--ttl', '400d'], /at most 366d/],
  ])('%j is a usage error (exit 2) with a clear message', async (argv, message) => {
    const res = await cli(argv);
    expect(res.code).toBe(2);
    expect(res.err).toMatch(message);
  });

  it('says which setting is missing', async () => {
    const res = await cli(['token', 'create', '--role', 'viewer'], {});
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/set PENNY_JWT_SECRET/);
  });

  it('is a usage error without --role', async () => {
    expect((await cli(['token', 'create'])).code).toBe(2);
  });
});
