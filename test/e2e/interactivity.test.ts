/**
 * App Home, drill-down buttons, the digest settings modal and exactly-once digests, through
 * signed requests into the running app and what it posted to the fake Slack Web API.
 */
import { demoTotal, focusGroups, usd } from '../support/oracles';
import { sendBlockAction, sendEvent, sendViewSubmission, TEST_USER } from '../support/slack-requests';
import { blockText, NOW, SECRET, useE2E } from './harness';

/** The e2e seed: demo clouds for October up to today, the FOCUS sample for September. */
const TODAY = NOW.slice(0, 10);
const demoOctober = () => demoTotal(TODAY, { start: '2024-10-01', end: TODAY });

const app = useE2E();

it('publishes the App Home dashboard with month-to-date numbers from the store', async () => {
  app().api.reset();
  const res = await sendEvent(app().base, SECRET, { type: 'app_home_opened', user: TEST_USER.id, channel: 'D2', tab: 'home', event_ts: '1' });
  expect(res.status).toBe(200);
  const publish = await app().api.waitFor('views.publish', undefined, 20_000);
  expect(publish.body.user_id).toBe(TEST_USER.id);
  const view = publish.body.view as { type: string; blocks: unknown[] };
  expect(view.type).toBe('home');
  expect(view.blocks.length).toBeLessThanOrEqual(100);
  expect(blockText(view)).toContain(`*October to date*\n${usd(await demoOctober())}`);
  expect(blockText(view)).toMatch(/penny_run_summary/);
  expect(app().api.violations).toEqual([]);
});

it('a drill-down button replaces the message in place with the answer it names', async () => {
  const url = app().responses.newUrl();
  const res = await sendBlockAction(app().base, SECRET, {
    response_url: url,
    channel: { id: 'C1', name: 'costs' },
    container: { type: 'message', message_ts: '1.1', channel_id: 'C1', is_ephemeral: true },
    actions: [{ type: 'button', action_id: 'penny_drill_account', block_id: 'penny_drill', value: 'top account 2024-09', action_ts: '1' }],
  });
  expect(res.status).toBe(200);
  const post = await app().responses.waitForPost(url, 20_000);
  expect(post.body).toMatchObject({ replace_original: true });
  const top = focusGroups('account')[0]!;
  expect(blockText(post.body)).toContain(`1. ${top.label} \`${top.key}\` — *${usd(top.amount)}*`);
});

it('the digest settings modal shows errors in place, then saves valid settings', async () => {
  const view = (values: Record<string, unknown>) => ({ type: 'view_submission', view: { id: 'V1', callback_id: 'penny_digest_settings', private_metadata: 'C7', state: { values } } });
  const bad = await sendViewSubmission(app().base, SECRET, view({ time: { time_input: { type: 'timepicker', selected_time: null } }, tz: { tz_input: { type: 'static_select', selected_option: null } }, scope: { scope_input: { type: 'multi_static_select', selected_options: [] } } }));
  expect(bad.status).toBe(200);
  expect(bad.json).toMatchObject({ response_action: 'errors' });
  expect(Object.keys((bad.json as { errors: object }).errors)).toEqual(expect.arrayContaining(['time', 'tz']));

  const good = await sendViewSubmission(app().base, SECRET, view({
    time: { time_input: { type: 'timepicker', selected_time: '08:30' } },
    tz: { tz_input: { type: 'static_select', selected_option: { value: 'Europe/Berlin', text: { type: 'plain_text', text: 'Berlin' } } } },
    scope: { scope_input: { type: 'multi_static_select', selected_options: [{ value: 'aws', text: { type: 'plain_text', text: 'AWS' } }] } },
  }));
  expect(good.status).toBe(200);
  await app().api.waitFor('chat.postEphemeral', (c) => c.body.channel === 'C7', 20_000);
  const saved = await app().penny.core.digests.get('C7');
  expect(saved).toMatchObject({ time: '08:30', timeZone: 'Europe/Berlin', providers: ['aws'], enabled: true });
});

it('/cost digest on subscribes the channel and a second app instance never sends it twice', async () => {
  const other = await app().startAnother();
  try {
    // 11:00 UTC on the test clock: a 09:00 UTC digest is due now.
    const { answer } = await app().cost('digest on 09:00 UTC', { channel: 'CDIGEST' });
    expect(blockText(answer)).toMatch(/09:00/);
    const post = await app().api.waitFor('chat.postMessage', (c) => c.body.channel === 'CDIGEST', 30_000);
    // Yesterday is October 1, the only demo day loaded: its total is the demo's October so far.
    expect(blockText(post.body)).toContain(`Daily cost digest for Tue, Oct 1: ${usd(await demoOctober())}`);
    // Both instances keep ticking every second; give them several chances to double-send.
    await new Promise((r) => setTimeout(r, 6000));
    expect(app().api.callsTo('chat.postMessage').filter((c) => c.body.channel === 'CDIGEST')).toHaveLength(1);
  } finally {
    await other.stop();
  }
}, 60_000);
