/** The report's findings: open anomaly events by impact, at most five, and the top recommendations. */
import type { AnomalyEvent } from '../../../src/ports/alerts';
import { anomalyItems } from '../../../src/services/report-findings';

const NANO = 1_000_000_000n;

function event(id: string, day: string, actual: bigint, expected: bigint, extra: Partial<AnomalyEvent> = {}): AnomalyEvent {
  return {
    id, seriesKey: id, scope: { provider: 'aws', service: 'Amazon EC2' }, scopeText: 'AWS · Amazon EC2', currency: 'USD',
    anomaly: { day, kind: 'spike', startDay: day, actual: actual * NANO, expected: expected * NANO, impact: (actual - expected) * NANO, deviationPct: Number(((actual - expected) * 100n) / expected), severity: 'high', score: 9 },
    drivers: [], status: 'open', revision: 1, feedback: [], createdAt: new Date(0), updatedAt: new Date(0), ...extra,
  };
}

it('keeps open events, largest impact first, at most five, with the amounts as stored', () => {
  const events = [
    event('a', '2024-09-03', 400n, 100n), // +300
    event('b', '2024-09-04', 1300n, 300n), // +1000
    event('c', '2024-09-05', 250n, 200n), // +50
    event('d', '2024-09-06', 900n, 100n, { status: 'retracted' }),
    event('e', '2024-09-07', 700n, 100n), // +600
    event('f', '2024-09-08', 500n, 100n), // +400
    event('g', '2024-09-09', 180n, 100n), // +80
  ];
  const items = anomalyItems(events);
  expect(items.map((i) => i.amount)).toEqual([1000n, 600n, 400n, 300n, 80n].map((n) => n * NANO));
  expect(items[0]).toEqual({
    title: 'Spike · AWS · Amazon EC2 · Sep 4',
    detail: '$1,300.00 against $300.00 expected: +$1,000.00 (+333%).',
    amount: 1000n * NANO,
    currency: 'USD',
  });
});

it('says when someone marked the anomaly expected', () => {
  const [item] = anomalyItems([event('a', '2024-09-03', 400n, 100n, { feedback: [{ user: 'U1', action: 'expected', at: '2024-09-04T08:00:00Z' }] })]);
  expect(item!.detail).toMatch(/ Marked expected\.$/);
});
