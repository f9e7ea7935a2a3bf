/** How much of a month's cost per service the raised anomalies explain (hand-computed). */
import { serviceKey } from '../../../../src/domain/advice/advice-data';
import type { AnomalyEvent } from '../../../../src/ports/alerts';
import { impactByService } from '../../../../src/services/watchdog/anomaly-lookup';

const D = 1_000_000_000n;
const OCTOBER = { start: '2026-10-01', end: '2026-11-01' };

function event(scope: AnomalyEvent['scope'], startDay: string, day: string, impact: bigint, extra: Partial<AnomalyEvent> = {}): AnomalyEvent {
  return {
    id: `${JSON.stringify(scope)}|${startDay}`, seriesKey: 'k', scope, scopeText: 's', currency: 'USD',
    anomaly: { day, kind: 'level-shift', startDay, actual: 0n, expected: 0n, impact: impact * D, deviationPct: null, severity: 'high', score: null },
    drivers: [], status: 'open', revision: 1, feedback: [], createdAt: new Date(0), updatedAt: new Date(0), ...extra,
  };
}

it('counts each day of a change inside the range, by service, with or without its cloud', () => {
  const map = impactByService([
    // A spike on one day: 200.
    event({ provider: 'aws', service: 'Amazon EC2' }, '2026-10-10', '2026-10-10', 200n),
    // A shift from Sep 29 to Oct 3: only Oct 1–3 count, 3 × 50 = 150.
    event({ provider: 'aws', service: 'Amazon EC2' }, '2026-09-29', '2026-10-03', 50n),
    // A total-spend spike whose drivers name services without a cloud.
    event({}, '2026-10-20', '2026-10-20', 90n, { drivers: [
      { dimension: 'service', key: 'BigQuery', label: 'BigQuery', actual: 0n, expected: 0n, impact: 70n * D },
      { dimension: 'account', key: 'acme', label: 'acme', actual: 0n, expected: 0n, impact: 90n * D },
    ] }),
    // Retracted, and one after the range: neither counts.
    event({ provider: 'gcp', service: 'BigQuery' }, '2026-10-05', '2026-10-05', 999n, { status: 'retracted' }),
    event({ provider: 'gcp', service: 'BigQuery' }, '2026-11-02', '2026-11-02', 999n),
  ], OCTOBER);
  expect(map).toEqual(new Map([
    [serviceKey('aws', 'Amazon EC2'), 350n * D],
    [serviceKey('', 'BigQuery'), 70n * D],
  ]));
});
