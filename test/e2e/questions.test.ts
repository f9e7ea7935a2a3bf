/**
 * Mentions and direct messages: the same text as `/cost`, answered through the Web API, once per
 * event even when Slack delivers it again.
 */
import { sendEvent, TEST_USER } from '../support/slack-requests';
import { blockText, SECRET, topAmount, useE2E } from './harness';

const app = useE2E();

const posts = (channel: string) => app().api.callsTo('chat.postMessage').filter((c) => c.body.channel === channel);

const topServiceSeptember = () => topAmount('service');

it('answers a mention in its thread with the numbers in the store, once even when Slack redelivers it', async () => {
  const e2e = app();
  const event = { type: 'app_mention', user: TEST_USER.id, text: '<@U1> top service 2024-09', ts: '1700000000.000100', channel: 'C5', event_ts: '1700000000.000100' };
  const first = await sendEvent(e2e.base, SECRET, event, { eventId: 'EvMENTION1' });
  expect(first.status).toBe(200);
  const post = await e2e.api.waitFor('chat.postMessage', (c) => c.body.channel === 'C5', 20_000);
  expect(post.body.thread_ts).toBe('1700000000.000100');
  expect(blockText(post.body)).toContain(await topServiceSeptember());

  const again = await sendEvent(e2e.base, SECRET, event, { eventId: 'EvMENTION1', headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
  expect(again.status).toBe(200);
  // A later mention with the same work is answered; by then (plus a margin) the redelivery would have been too.
  await sendEvent(e2e.base, SECRET, { ...event, ts: '1700000001.000100' }, { eventId: 'EvMENTION2' });
  await e2e.api.waitFor('chat.postMessage', (c) => c.body.channel === 'C5' && c.body.thread_ts === '1700000001.000100', 20_000);
  await new Promise((r) => setTimeout(r, 300));
  expect(posts('C5').filter((c) => c.body.thread_ts === '1700000000.000100')).toHaveLength(1);
});

it('answers a direct message in the conversation, skipping bot posts and edits', async () => {
  const e2e = app();
  const dm = { type: 'message', channel_type: 'im', channel: 'D9', user: TEST_USER.id, ts: '1700000100.000100', event_ts: '1700000100.000100' };
  await sendEvent(e2e.base, SECRET, { ...dm, text: 'summary 2024-09', bot_id: 'B1' }, { eventId: 'EvDMBOT' });
  await sendEvent(e2e.base, SECRET, { ...dm, subtype: 'message_changed', message: { text: 'x' } }, { eventId: 'EvDMEDIT' });
  await sendEvent(e2e.base, SECRET, { ...dm, text: 'cost top service 2024-09' }, { eventId: 'EvDM1' });
  const post = await e2e.api.waitFor('chat.postMessage', (c) => c.body.channel === 'D9', 20_000);
  expect(post.body.thread_ts).toBeUndefined();
  expect(blockText(post.body)).toContain(await topServiceSeptember());
  expect(posts('D9')).toHaveLength(1);
});

it('turns words it cannot read into help, not an error', async () => {
  const e2e = app();
  const dm = { type: 'message', channel_type: 'im', channel: 'D10', user: TEST_USER.id, text: 'what is the meaning of all this', ts: '1700000200.000100', event_ts: '1700000200.000100' };
  await sendEvent(e2e.base, SECRET, dm, { eventId: 'EvDMHELP' });
  const post = await e2e.api.waitFor('chat.postMessage', (c) => c.body.channel === 'D10', 20_000);
  expect(blockText(post.body)).toMatch(/\/cost/);
  expect(e2e.api.violations).toEqual([]);
});
