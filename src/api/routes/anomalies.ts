/**
 * GET /anomalies: `penny anomalies --json` over HTTP, with the CLI's period and as-of. Not kept
 * whole in the response cache: feedback retunes series without a new write generation.
 */
import { anomaliesJson } from '../../answers/watchdog-json';
import { parsePeriod, periodFromBounds } from '../../domain/period';
import type { Watchdog } from '../../services/watchdog';
import { anomaliesParamsSchema, checkPeriodChoice, parseQuery } from '../params';
import type { Route } from '../router';

export function anomalyRoutes(watchdog: Pick<Watchdog, 'anomalies' | 'today'>): Route[] {
  return [
    {
      method: 'GET',
      path: '/anomalies',
      access: 'read',
      summary: 'Unusual daily spend (spikes, level shifts, ramps, new spend) with its drivers: the JSON of `penny anomalies --json`. Judged from the days before asOf.',
      query: anomaliesParamsSchema,
      response: 'Anomalies',
      handler: async ({ query }) => {
        const p = parseQuery(anomaliesParamsSchema, query);
        checkPeriodChoice(p);
        const asOf = p.asOf ?? watchdog.today();
        const range = p.from && p.to ? periodFromBounds(p.from, p.to).range : parsePeriod(p.period ?? '30d', asOf).range;
        return { json: anomaliesJson(await watchdog.anomalies.list(range, asOf)) };
      },
    },
  ];
}
