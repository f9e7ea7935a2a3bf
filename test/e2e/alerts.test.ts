/**
 * Alerts end to end through the real Bolt app, the real store, the real watchdog job on Agenda,
 * and the fake Slack Web API: a channel subscribes with `/cost alerts on`, a spike lands in the
 * store, the alert is posted once (two instances running), updated in place after the day's data
 * is revised, feedback from its buttons is recorded and shown, and a retraction updates it again.
 *
 * Data (by hand): $100 of EC2 usage a day from January 1; on March 14 it costs $900. As of
 * March 15 that is +$800 over the $100 expected; revised to $1,500 it is +$1,400.
 */
import { daysIn } from '../../src/domain/days';
import { fixedClock } from '../../src/ports/clock';
import { rec } from '../fixtures/records';
import { sendBlockAction, TEST_USER } from '../support/slack-requests';
import { usd } from '../support/oracles';
import { blockText, SECRET, useE2E } from './harness';

const D = 1_000_000_000n;
const SPIKE = '2026-03-14';
const CHANNEL = 'CALERTS';

const app = useE2E({ clock: fixedClock('2026-03-15T12:00:00Z'), seed: false, start: { watchdogInterval: '1 second' } });

const postsTo = (channel: string) => app().api.callsTo('chat.postMessage').filter((c) => c.body.channel === channel);
const updatesTo = (channel: string) => app().api.callsTo('chat.update').filter((c) => c.body.channel === channel);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('subscribes a channel to alerts', async () => {
  const { answer } = await app().cost('alerts on', { channel: CHANNEL });
  expect(blockText(answer)).toContain('Alerts are on');
  expect(await app().penny.core.watchdog.alerts.status(CHANNEL)).toMatchObject({ subscribed: true, filters: [] });
});

it('posts the alert once, with its chart, drivers and buttons, though two instances run the job', async () => {
  const other = await app().startAnother();
  try {
    const records = [...daysIn({ start: '2026-01-01', end: '2026-03-15' })].map((d) => rec(d, (d === SPIKE ? 900n : 100n) * D));
    await app().penny.core.store.writeRecords(records, { importId: 'e2e-alerts' });
    const post = await app().api.waitFor('chat.postMessage', (c) => c.body.channel === CHANNEL, 60_000);
    const text = blockText(post.body);
    expect(text).toContain(`Spike in Total spend`);
    expect(text).toContain(`${usd(900n * D)} against ${usd(100n * D)} expected: +${usd(800n * D)} (+800%)`);
    expect(text).toContain(`Amazon Elastic Compute Cloud (service) +${usd(800n * D)}`);
    expect(text).toMatch(/"image_url":"https:\/\/quickchart\.io/);
    expect(text).toContain('penny_alert_expected');
    // Both instances keep running the job every second; give them chances to post it again.
    await sleep(5000);
    expect(postsTo(CHANNEL)).toHaveLength(1);
  } finally {
    await other.stop();
  }
  expect(app().api.violations).toEqual([]);
}, 120_000);

it('updates the same message after the day is revised, never posting a second one', async () => {
  const ts = String(postsTo(CHANNEL)[0]!.response.ts);
  await app().penny.core.store.writeRecords([rec(SPIKE, 1500n * D)], { importId: 'e2e-revision' });
  const update = await app().api.waitFor('chat.update', (c) => c.body.channel === CHANNEL && blockText(c.body).includes(`+${usd(1400n * D)}`), 60_000);
  expect(update.body.ts).toBe(ts);
  expect(update.response.ok).toBe(true);
  expect(postsTo(CHANNEL)).toHaveLength(1);
}, 90_000);

it('records feedback from a button and shows who pressed what on the message', async () => {
  const ts = String(postsTo(CHANNEL)[0]!.response.ts);
  const id = `total|${SPIKE}`;
  const before = updatesTo(CHANNEL).length;
  const res = await sendBlockAction(app().base, SECRET, {
    channel: { id: CHANNEL, name: 'alerts' },
    container: { type: 'message', message_ts: ts, channel_id: CHANNEL, is_ephemeral: false },
    message: { ts, type: 'message' },
    actions: [{ type: 'button', action_id: 'penny_alert_expected', block_id: 'penny_alert_feedback', value: id, action_ts: '1' }],
  });
  expect(res.status).toBe(200);
  const update = await app().api.waitFor('chat.update', (c) => c.body.channel === CHANNEL && blockText(c.body).includes(`<@${TEST_USER.id}> marked this expected`), 30_000);
  expect(update.body.ts).toBe(ts);
  expect(updatesTo(CHANNEL).length).toBeGreaterThan(before);
  const event = await app().penny.core.watchdog.alerts.event(id);
  expect(event?.feedback.map((f) => [f.user, f.action])).toEqual([[TEST_USER.id, 'expected']]);
  expect(postsTo(CHANNEL)).toHaveLength(1);
}, 60_000);

it('lists the raised anomaly in the weekly report, with its impact and the feedback on it', async () => {
  // As of Monday March 16, last week is March 9 to 15: the revised spike is +$1,400.
  const report = await app().penny.core.reports.build('weekly', '2026-03-16');
  expect(report.from).toBe('2026-03-09');
  expect(report.anomalies).toEqual({
    available: true,
    items: [{ title: 'Spike · Total spend · Mar 14', detail: `${usd(1500n * D)} against ${usd(100n * D)} expected: +${usd(1400n * D)} (+1400%). Marked expected.`, amount: 1400n * D, currency: 'USD' }],
  });
});

it('retracts the message in place when the revised data no longer shows the anomaly', async () => {
  const ts = String(postsTo(CHANNEL)[0]!.response.ts);
  await app().penny.core.store.writeRecords([rec(SPIKE, 100n * D)], { importId: 'e2e-retraction' });
  const update = await app().api.waitFor('chat.update', (c) => c.body.channel === CHANNEL && blockText(c.body).includes('Retracted'), 60_000);
  expect(update.body.ts).toBe(ts);
  expect(blockText(update.body)).not.toContain('penny_alert_expected');
  expect(postsTo(CHANNEL)).toHaveLength(1);
  expect(app().api.violations).toEqual([]);
}, 90_000);

it('leaves a retracted anomaly out of the report', async () => {
  const report = await app().penny.core.reports.build('weekly', '2026-03-16');
  expect(report.anomalies).toEqual({ available: true, items: [] });
});
