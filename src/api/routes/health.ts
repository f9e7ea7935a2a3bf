/** GET /healthz (and /api/v1/healthz), without auth: 200 when the database answers, else 503. */
import type { HealthService } from '../../services/health';
import type { ApiResponse } from '../http';
import type { Route } from '../router';

export async function healthResponse(health: HealthService): Promise<ApiResponse> {
  const report = await health.check();
  return { status: report.ok ? 200 : 503, json: report };
}

export function healthRoutes(health: HealthService): Route[] {
  return [
    {
      method: 'GET',
      path: '/healthz',
      access: 'public',
      summary: 'Health, without auth: whether the database answers, and the last sync per source. 503 when the database is down.',
      response: 'Health',
      handler: () => healthResponse(health),
    },
  ];
}
