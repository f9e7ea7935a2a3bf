/** Real HTTP calls to Penny's REST API, and tokens made the way `penny token create` makes them. */
import type { Role } from '../../src/domain/roles';
import type { Penny } from '../../src/main';

export const JWT_SECRET = 'e2e-jwt-secret-at-least-32-characters-long';
export const API_ENV = { PENNY_JWT_SECRET: JWT_SECRET };

export interface ApiReply {
  status: number;
  // Tests look into the JSON freely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
  text: string;
  headers: Headers;
}

export async function apiCall(base: string, method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<ApiReply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text, headers: res.headers };
}

/** A token from the app's own issuer (its clock is the test's fixed clock). */
export function tokenFor(penny: Penny, role: Role, subject = `${role}-test`): Promise<string> {
  return penny.core.tokens.issue({ role, subject, ttlSeconds: 3600 });
}

/** GET with a token of `role`. */
export async function apiGet(base: string, penny: Penny, path: string, role: Role = 'viewer'): Promise<ApiReply> {
  return apiCall(base, 'GET', path, { token: await tokenFor(penny, role) });
}
