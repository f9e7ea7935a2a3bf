/**
 * The REST API under /api/v1 (docs/api.md): a route table, bearer-token auth with roles, and one
 * node handler that Bolt's custom routes (HTTP mode) or the API's own server (Socket Mode) call.
 * Handlers are thin: parse, call a service, render JSON.
 */
import type { Logger } from '../ports/logger';
import type { Principal, TokenVerifier } from '../ports/tokens';
import type { CostAnswers } from '../services/cost-answers';
import type { HealthService } from '../services/health';
import { authenticate, authorize, CheckedTokens } from './auth';
import { cacheKey, ResponseCache } from './response-cache';
import type { Clock } from '../ports/clock';
import { AppError } from '../domain/errors';
import { nodeHandler, type ApiRequest, type ApiResponse, type NodeHandler } from './http';
import { openApiDocument } from './openapi';
import { API_PREFIX, RouteTable, type Route } from './router';
import { costRoutes } from './routes/costs';
import { healthResponse, healthRoutes } from './routes/health';
import { anomalyRoutes } from './routes/anomalies';
import { budgetRoutes } from './routes/budgets';
import { projectRoutes } from './routes/projects';
import { recommendationRoutes } from './routes/recommendations';
import { reportRoutes } from './routes/reports';
import type { CostReports } from '../services/cost-reports';
import type { ProjectService } from '../services/projects';
import type { RecommendationService } from '../services/advice/recommendation-service';
import type { Watchdog } from '../services/watchdog';

export interface ApiDeps {
  answers: CostAnswers;
  health: HealthService;
  tokens: TokenVerifier;
  projects: ProjectService;
  reports: CostReports;
  /** Budgets and anomalies (and its today, the default as-of). */
  watchdog: Pick<Watchdog, 'budgets' | 'anomalies' | 'today'>;
  advice: Pick<RecommendationService, 'list'>;
  logger: Logger;
  clock: Clock;
  /** Today in the reporting time zone (answers to "this month" change with it). */
  today(): string;
  /** The current write generation, when answers may be cached (PENNY_QUERY_CACHE > 0). */
  generation?: () => Promise<string>;
}

export interface PennyApi {
  routes: readonly Route[];
  /** Serves /api/v1/… and /healthz. */
  handle: NodeHandler;
  /** The same handler as Bolt custom routes (HTTP mode, beside /slack/events). */
  boltRoutes: { path: string; method: string[]; handler: NodeHandler }[];
  document: Record<string, unknown>;
  /** Runs one request without HTTP (tests, the bench). */
  dispatch(request: ApiRequest): Promise<ApiResponse>;
}

export type { Principal };

export function createApi(deps: ApiDeps): PennyApi {
  const routes: Route[] = [
    ...healthRoutes(deps.health), ...costRoutes(deps.answers), ...projectRoutes(deps.projects), ...reportRoutes(deps.reports),
    ...anomalyRoutes(deps.watchdog), ...budgetRoutes(deps.watchdog), ...recommendationRoutes(deps.advice),
  ];
  let document: Record<string, unknown> = {};
  routes.push({
    method: 'GET',
    path: '/openapi.json',
    access: 'public',
    summary: 'This document (OpenAPI 3.1).',
    handler: async () => ({ json: document }),
  });
  document = openApiDocument(routes);
  const table = new RouteTable(routes);
  const tokens = new CheckedTokens(deps.tokens, () => deps.clock.now().getTime());
  const responses = deps.generation ? new ResponseCache() : undefined;

  const dispatch = async (request: ApiRequest): Promise<ApiResponse> => {
    // /healthz at the root too, for load balancers and orchestrators.
    if (request.path === '/healthz' && request.method === 'GET') return healthResponse(deps.health);
    if (request.path !== API_PREFIX && !request.path.startsWith(`${API_PREFIX}/`)) throw new AppError('NOT_FOUND', `There is no ${request.path}. The API is under ${API_PREFIX}.`);
    const { route, params } = table.find(request.method, request.path);
    let principal: Principal | undefined;
    if (route.access !== 'public') {
      principal = await authenticate(request, tokens);
      authorize(principal, route.access);
    }
    const run = () => route.handler({ ...request, params, principal });
    if (!route.cacheable || !responses || !deps.generation) return run();
    // Kept as text, so a repeated answer is not serialized again.
    const rendered = async () => {
      const answer = await run();
      return answer.json === undefined ? answer : { ...answer, json: undefined, text: JSON.stringify(answer.json) };
    };
    return responses.get(await deps.generation(), cacheKey(request.method, route.path, request.query, deps.today()), rendered);
  };
  const handle = nodeHandler(dispatch, deps.logger);
  return {
    routes,
    handle,
    document,
    dispatch,
    boltRoutes: [
      { path: `${API_PREFIX}{/*rest}`, method: ['GET', 'POST', 'PUT', 'DELETE'], handler: handle },
      { path: '/healthz', method: ['GET'], handler: handle },
    ],
  };
}
