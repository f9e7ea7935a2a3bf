/**
 * The API's route table: `GET /costs/summary`, `PUT /projects/:name`, each with the permission it
 * needs. Matching is by path segments; `:name` segments are decoded into params.
 */
import type { z } from 'zod';
import { AppError } from '../domain/errors';
import type { Permission } from '../domain/roles';
import type { Principal } from '../ports/tokens';
import type { ApiRequest, ApiResponse } from './http';

export const API_PREFIX = '/api/v1';

/** 'public' needs no token (health, the OpenAPI document). */
export type Access = 'public' | Permission;

export interface RouteRequest extends ApiRequest {
  params: Record<string, string>;
  /** Who asked (absent on public routes). */
  principal?: Principal;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Below /api/v1, e.g. /budgets/:name. */
  path: string;
  access: Access;
  summary: string;
  /** For the OpenAPI document: the query and body schemas, and the 200 response's schema name. */
  query?: z.ZodObject;
  body?: z.ZodType;
  response?: string;
  /** Other content types the 200 response may have (text/csv). */
  alsoAs?: string[];
  /** A read whose answer depends only on the query, today and the data: kept until the next write. */
  cacheable?: boolean;
  handler(request: RouteRequest): Promise<ApiResponse>;
}

export interface Match {
  route: Route;
  params: Record<string, string>;
}

export class RouteTable {
  private readonly compiled: { route: Route; segments: string[] }[];

  constructor(readonly routes: readonly Route[]) {
    this.compiled = routes.map((route) => ({ route, segments: split(route.path) }));
  }

  /** The route for a full path (with or without /api/v1); throws NOT_FOUND naming what exists. */
  find(method: string, fullPath: string): Match {
    const path = fullPath.startsWith(API_PREFIX) ? fullPath.slice(API_PREFIX.length) : fullPath;
    const parts = split(path);
    let pathKnown = false;
    for (const { route, segments } of this.compiled) {
      const params = matchSegments(segments, parts);
      if (!params) continue;
      pathKnown = true;
      if (route.method === method) return { route, params };
    }
    const allowed = this.routes.filter((r) => matchSegments(split(r.path), parts)).map((r) => r.method);
    throw new AppError(
      'NOT_FOUND',
      pathKnown
        ? `${fullPath} answers ${allowed.join(', ')}, not ${method}.`
        : `There is no ${fullPath}. The API's paths are listed in ${API_PREFIX}/openapi.json.`,
    );
  }
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i]!;
    const got = parts[i]!;
    if (want.startsWith(':')) {
      try {
        params[want.slice(1)] = decodeURIComponent(got);
      } catch {
        return undefined;
      }
    } else if (want !== got) return undefined;
  }
  return params;
}
