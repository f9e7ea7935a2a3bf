/**
 * Anomaly scan, revisions, listing and feedback over an in-memory store. By hand: AWS EC2 costs
 * $60 a day, S3 $40, GCP BigQuery $50, from January 1; on March 14 EC2 costs $860. The total
 * ($150 a day) is then $950 against $150 expected: +$800, and every driver is EC2's +$800.
 */
import { daysIn } from '../../../../src/domain/days';
import { fixedClock } from '../../../../src/ports/clock';
import { AlertService } from '../../../../src/services/watchdog/alert-service';
import { AnomalyService } from '../../../../src/services/watchdog/anomaly-service';
import { SeriesLoader } from '../../../../src/services/watchdog/series-loader';
import { rec } from '../../../fixtures/records';
import { InMemoryCostStore } from '../../../fakes/in-memory-cost-store';
import { InMemoryAlertDeliveries, InMemoryAlertSubscriptions, InMemoryAnomalyEvents, InMemorySeriesTunings } from '../../../fakes/in-memory-watchdog';

const D = 1_000_000_000n;
const ASOF = '2026-03-15';
const SPIKE = '2026-03-14';
const S3 = { service: 'Amazon S3', resourceId: 'b-1' };
const GCP = { provider: 'gcp', service: 'BigQuery', subAccountId: 'P1', subAccountName: 'analytics', regionId: 'us-central1', regionName: 'Iowa', resourceId: 'q' };

async function setup() {
  const store = new InMemoryCostStore();
  const records = [...daysIn({ start: '2026-01-01', end: ASOF })].flatMap((d) => [rec(d, (d === SPIKE ? 860n : 60n) * D), rec(d, 40n * D, S3), rec(d, 50n * D, GCP)]);
  // A commitment purchase on March 1 is not usage: never an anomaly.
  records.push(rec('2026-03-01', 5000n * D, { chargeCategory: 'purchase', resourceId: '' }));
  await store.writeRecords(records);
  const clock = fixedClock(`${ASOF}T06:00:00Z`);
  const events = new InMemoryAnomalyEvents();
  const tunings = new InMemorySeriesTunings();
  const loader = new SeriesLoader(store);
  const anomalies = new AnomalyService({ loader, events, tunings, clock, settings: { minImpact: 50n * D, minDeviationPct: 20, tagKeys: [] }, defaultCurrency: 'USD' });
  const alerts = new AlertService({ subscriptions: new InMemoryAlertSubscriptions(), deliveries: new InMemoryAlertDeliveries(), events, tunings, clock, today: () => ASOF });
  return { store, anomalies, alerts, events, tunings };
}

describe('AnomalyService', () => {
  it('raises one event for the spike, on the outermost series, with its drivers', async () => {
    const { anomalies } = await setup();
    const { created, updated } = await anomalies.scan(ASOF);
    expect(updated).toEqual([]);
    expect(created.map((e) => e.id)).toEqual([`total|${SPIKE}`]);
    const event = created[0]!;
    expect(event.anomaly).toMatchObject({ day: SPIKE, kind: 'spike', actual: 950n * D, expected: 150n * D, impact: 800n * D, severity: 'high' });
    expect(event.drivers.map((d) => [d.dimension, d.key, d.impact])).toEqual([
      ['service', 'Amazon Elastic Compute Cloud', 800n * D],
      ['account', 'A1', 800n * D],
      ['region', 'us-east-1', 800n * D],
    ]);
    expect(event.chart?.series.map((s) => s.name)).toEqual(['Daily usage', 'Expected']);
    // A rerun (or a second instance) raises nothing new.
    expect(await anomalies.scan(ASOF)).toEqual({ created: [], updated: [] });
  });

  it('re-judges a raised event when its day is revised: changed, then retracted', async () => {
    const { store, anomalies } = await setup();
    await anomalies.scan(ASOF);
    await store.writeRecords([rec(SPIKE, 1460n * D)]);
    const changed = await anomalies.scan(ASOF);
    expect(changed.created).toEqual([]);
    expect(changed.updated.map((e) => [e.id, e.status, e.anomaly.impact, e.revision])).toEqual([[`total|${SPIKE}`, 'open', 1400n * D, 2]]);
    await store.writeRecords([rec(SPIKE, 60n * D)]);
    const retracted = await anomalies.scan(ASOF);
    expect(retracted.updated.map((e) => [e.id, e.status, e.revision])).toEqual([[`total|${SPIKE}`, 'retracted', 3]]);
  });

  it('lists anomalies for a period from scratch, with the same numbers, and only days before as-of', async () => {
    const { anomalies } = await setup();
    const listed = await anomalies.list({ start: '2026-03-01', end: '2026-04-01' }, ASOF);
    expect(listed.range).toEqual({ start: '2026-03-01', end: ASOF });
    expect(listed.anomalies.map((a) => [a.day, a.scopeText, a.impact])).toEqual([[SPIKE, 'Total spend', 800n * D]]);
    expect((await anomalies.list({ start: '2026-03-01', end: '2026-04-01' }, SPIKE)).anomalies).toEqual([]);
  });

  it('judges each provider\'s accounts and services, a name two providers share apart', async () => {
    const { store, anomalies } = await setup();
    await store.writeRecords([rec('2026-03-10', 7n * D, { service: 'Storage', resourceId: 's' }), rec('2026-03-10', 3n * D, { ...GCP, service: 'Storage', resourceId: 't' })]);
    const all = await anomalies.allSeries({ start: '2026-03-01', end: ASOF }, 'USD');
    expect([...all.keys()].sort()).toEqual([
      'provider=aws', 'provider=aws|account=A1', 'provider=aws|service=Amazon Elastic Compute Cloud', 'provider=aws|service=Amazon S3', 'provider=aws|service=Storage',
      'provider=gcp', 'provider=gcp|account=P1', 'provider=gcp|service=BigQuery', 'provider=gcp|service=Storage', 'total',
    ]);
    const day = (key: string) => all.get(key)!.series.usage[9];
    expect([day('provider=aws|service=Storage'), day('provider=gcp|service=Storage'), day('total')]).toEqual([7n * D, 3n * D, 160n * D]);
    expect(all.get('provider=gcp|account=P1')!.label).toBe('Google Cloud · account analytics (P1)');
  });

  it('feedback records who pressed what and tunes the series', async () => {
    const { anomalies, alerts, tunings } = await setup();
    const [event] = (await anomalies.scan(ASOF)).created;
    const expected = await alerts.feedback(event!.id, 'U2', 'expected');
    expect(expected?.alert.subject === 'anomaly' && expected.alert.anomaly.feedback.map((f) => [f.user, f.action])).toEqual([['U2', 'expected']]);
    expect(await tunings.get('total')).toEqual({ thresholdMultiplier: 1.5 });
    const snoozed = await alerts.feedback(event!.id, 'U3', 'snooze');
    expect(snoozed?.alert.subject === 'anomaly' && snoozed.alert.anomaly.feedback.map((f) => [f.user, f.action, f.until])).toEqual([['U2', 'expected', undefined], ['U3', 'snooze', '2026-03-22']]);
    expect(await tunings.get('total')).toEqual({ thresholdMultiplier: 1.5, mutedUntil: '2026-03-22' });
    expect(await alerts.feedback('nope', 'U2', 'expected')).toBeUndefined();
    // Feedback tunes later alerts; it does not retract the one it was given on.
    expect(await anomalies.scan(ASOF)).toEqual({ created: [], updated: [] });
  });
});
