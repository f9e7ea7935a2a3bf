/**
 * The seam for services still being built (watchdog: anomalies and budgets; advice:
 * recommendations). Their routes, roles and documentation are here already; until a service is
 * plugged into LaterServices, its routes answer 501 NOT_AVAILABLE saying so.
 */
import { AppError } from '../../domain/errors';
import type { ApiResponse } from '../http';
import type { Route, RouteRequest } from '../router';

/** What a plugged-in service gives the API: JSON-ready answers. */
export interface LaterServices {
  anomalies?: { list(request: RouteRequest): Promise<unknown> };
  budgets?: {
    list(request: RouteRequest): Promise<unknown>;
    get(name: string): Promise<unknown>;
    create(body: unknown): Promise<unknown>;
    update(name: string, body: unknown): Promise<unknown>;
    remove(name: string): Promise<void>;
  };
  recommendations?: { list(request: RouteRequest): Promise<unknown> };
}

const MISSING = {
  anomalies: 'Anomaly detection is not set up yet in this Penny. Until it is, GET /costs/daily shows the daily costs.',
  budgets: 'Budgets are not set up yet in this Penny. Until they are, GET /costs/summary shows what was spent.',
  recommendations: 'Recommendations are not set up yet in this Penny.',
} as const;

function need<K extends keyof LaterServices>(later: LaterServices, key: K): NonNullable<LaterServices[K]> {
  const service = later[key];
  if (!service) throw new AppError('NOT_AVAILABLE', MISSING[key]);
  return service;
}

const json = async (work: Promise<unknown>, status = 200): Promise<ApiResponse> => ({ status, json: await work });

export function laterRoutes(later: LaterServices): Route[] {
  const budgets = () => need(later, 'budgets');
  return [
    { method: 'GET', path: '/anomalies', access: 'read', summary: 'Open cost anomalies.', handler: (r) => json(need(later, 'anomalies').list(r)) },
    { method: 'GET', path: '/budgets', access: 'read', summary: 'Budgets and how much of each is spent.', handler: (r) => json(budgets().list(r)) },
    { method: 'POST', path: '/budgets', access: 'budgets', summary: 'Creates a budget (finance, admin).', handler: (r) => json(budgets().create(r.body), 201) },
    { method: 'GET', path: '/budgets/:name', access: 'read', summary: 'One budget.', handler: (r) => json(budgets().get(r.params.name!)) },
    { method: 'PUT', path: '/budgets/:name', access: 'budgets', summary: 'Changes a budget (finance, admin).', handler: (r) => json(budgets().update(r.params.name!, r.body)) },
    {
      method: 'DELETE',
      path: '/budgets/:name',
      access: 'budgets',
      summary: 'Deletes a budget (finance, admin).',
      handler: async (r) => {
        await budgets().remove(r.params.name!);
        return { status: 204, text: '' };
      },
    },
    { method: 'GET', path: '/recommendations', access: 'read', summary: 'Savings recommendations.', handler: (r) => json(need(later, 'recommendations').list(r)) },
  ];
}
