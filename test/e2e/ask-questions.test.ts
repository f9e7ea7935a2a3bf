/**
 * Questions in people's words through the real Bolt app and the fake Slack API: a DM, an
 * @mention, a reply in the mention's thread that refines it, and `/cost <free text>`. The numbers
 * come from the independent FOCUS oracle; each answer says what was queried.
 */
import { sendEvent, TEST_USER } from '../support/slack-requests';
import { demoTotal, focusGroups, focusTotal, usd } from '../support/oracles';
import { blockText, SECRET, useE2E } from './harness';

const app = useE2E();

const posts = (channel: string) => app().api.callsTo('chat.postMessage').filter((c) => c.body.channel === channel);
const provider = (key: string) => focusGroups('provider').find((g) => g.key === key)!;

it('answers a direct message in people\'s words with the store\'s total and what was queried', async () => {
  const e2e = app();
  const dm = { type: 'message', channel_type: 'im', channel: 'D20', user: TEST_USER.id, text: 'what did we spend last month?', ts: '1700000300.000100', event_ts: '1700000300.000100' };
  await sendEvent(e2e.base, SECRET, dm, { eventId: 'EvASKDM1' });
  const post = await e2e.api.waitFor('chat.postMessage', (c) => c.body.channel === 'D20', 20_000);
  const text = blockText(post.body);
  expect(text).toContain(usd(focusTotal()));
  expect(text).toContain('Queried: September 2024');
  expect(text).toContain('Cost basis: billed cost');
  expect(post.body.thread_ts).toBeUndefined();

  // The DM conversation is one thread: the next message refines the question.
  await sendEvent(e2e.base, SECRET, { ...dm, text: 'only AWS', ts: '1700000301.000100', event_ts: '1700000301.000100' }, { eventId: 'EvASKDM2' });
  await e2e.api.waitFor('chat.postMessage', () => posts('D20').length === 2, 20_000);
  expect(blockText(posts('D20')[1]!.body)).toContain(usd(provider('aws').amount));
  expect(e2e.api.violations).toEqual([]);
});

it('answers a mention in its thread, and a reply in that thread refines it without a mention', async () => {
  const e2e = app();
  const mention = { type: 'app_mention', user: TEST_USER.id, text: '<@U1> which service cost the most last month?', ts: '1700000400.000100', channel: 'C20', event_ts: '1700000400.000100' };
  await sendEvent(e2e.base, SECRET, mention, { eventId: 'EvASKMENTION1' });
  const first = await e2e.api.waitFor('chat.postMessage', (c) => c.body.channel === 'C20', 20_000);
  expect(first.body.thread_ts).toBe('1700000400.000100');
  const top = focusGroups('service')[0]!;
  expect(blockText(first.body)).toContain(`${top.label}, at ${usd(top.amount)}`);

  const reply = { type: 'message', channel_type: 'channel', channel: 'C20', user: TEST_USER.id, text: 'break that down by provider', ts: '1700000401.000100', thread_ts: '1700000400.000100', event_ts: '1700000401.000100' };
  await sendEvent(e2e.base, SECRET, reply, { eventId: 'EvASKREPLY1' });
  await e2e.api.waitFor('chat.postMessage', () => posts('C20').length === 2, 20_000);
  const second = posts('C20')[1]!;
  expect(second.body.thread_ts).toBe('1700000400.000100');
  const byProvider = blockText(second.body);
  for (const g of focusGroups('provider')) expect(byProvider).toContain(usd(g.amount));
  expect(byProvider).toContain('by provider');

  await sendEvent(e2e.base, SECRET, { ...reply, text: 'and the month before?', ts: '1700000402.000100', event_ts: '1700000402.000100' }, { eventId: 'EvASKREPLY2' });
  await e2e.api.waitFor('chat.postMessage', () => posts('C20').length === 3, 20_000);
  expect(blockText(posts('C20')[2]!.body)).toContain('Queried: August 2024');
  expect(e2e.api.violations).toEqual([]);
});

it('leaves alone replies in threads it did not answer, and answers a reply that mentions it once', async () => {
  const e2e = app();
  const chatter = { type: 'message', channel_type: 'channel', channel: 'C21', user: TEST_USER.id, text: 'and the month before?', ts: '1700000501.000100', thread_ts: '1700000500.000100', event_ts: '1700000501.000100' };
  await sendEvent(e2e.base, SECRET, chatter, { eventId: 'EvASKCHATTER' });
  const mentioned = { type: 'app_mention', user: TEST_USER.id, text: '<@U1> what did Oracle cost last month?', ts: '1700000502.000100', thread_ts: '1700000500.000100', channel: 'C21', event_ts: '1700000502.000100' };
  await sendEvent(e2e.base, SECRET, { ...chatter, text: mentioned.text, ts: mentioned.ts, event_ts: mentioned.ts }, { eventId: 'EvASKDUPMSG' });
  await sendEvent(e2e.base, SECRET, mentioned, { eventId: 'EvASKDUPMENTION' });
  const post = await e2e.api.waitFor('chat.postMessage', (c) => c.body.channel === 'C21', 20_000);
  expect(blockText(post.body)).toContain(usd(provider('oci').amount));
  // Each event was answered or dropped by now; a margin lets a wrong second answer show up.
  await new Promise((r) => setTimeout(r, 300));
  expect(posts('C21')).toHaveLength(1);
});

it('/cost <free text> is asked, and words it cannot read get the reason and questions it can answer', async () => {
  const e2e = app();
  const ec2 = focusGroups('service').find((g) => g.key === 'Amazon Elastic Compute Cloud')!;
  const asked = await e2e.cost('what did EC2 cost us last month?');
  expect(blockText(asked.answer)).toContain(usd(ec2.amount));
  const declined = await e2e.cost('what did the flux capacitor cost last month?');
  expect(blockText(declined.answer)).toMatch(/I don't know/);
  expect(blockText(declined.answer)).toContain('Questions I can answer');
});

it('answers budget and forecast questions from the watchdog: how to set a budget, then the one set, by its name', async () => {
  const e2e = app();
  const dm = { type: 'message', channel_type: 'im', channel: 'D30', user: TEST_USER.id, text: 'are we over budget?', ts: '1700000600.000100', event_ts: '1700000600.000100' };
  await sendEvent(e2e.base, SECRET, dm, { eventId: 'EvASKBUDGET1' });
  const none = await e2e.api.waitFor('chat.postMessage', (c) => c.body.channel === 'D30', 20_000);
  expect(blockText(none.body)).toContain('No budgets are set yet, so none can be over. Set one with `/cost budget` in Slack');

  await e2e.penny.core.watchdog.budgets.set({ name: 'cloud-wide', scope: { kind: 'total' }, period: 'month', amount: 10_000_000_000_000n }, 'U1');
  const mention = { type: 'app_mention', user: TEST_USER.id, text: '<@U1> how is the cloud-wide budget doing?', ts: '1700000700.000100', channel: 'C30', event_ts: '1700000700.000100' };
  await sendEvent(e2e.base, SECRET, mention, { eventId: 'EvASKBUDGET2' });
  const named = await e2e.api.waitFor('chat.postMessage', (c) => c.body.channel === 'C30', 20_000);
  // Today is October 2: October so far is the 1st, the demo company's day the harness seeds (the sample is September's).
  const spent = await demoTotal('2024-10-02', { start: '2024-10-01', end: '2024-10-02' });
  const percent = ((Number(spent) / 1e9 / 10_000) * 100).toFixed(0);
  expect(blockText(named.body)).toContain(`• cloud-wide (total, monthly, 2024-10-01 to 2024-10-31): ${usd(spent)} of $10,000.00 spent (${percent}%)`);

  const forecast = await e2e.cost('what will we spend this month?');
  expect(blockText(forecast.answer)).toContain('Forecast of costs for October 2024');
  expect(blockText(forecast.answer)).toContain(`Spent so far: ${usd(spent)} (2024-10-01 to 2024-10-01)`);
  expect(e2e.api.violations).toEqual([]);
});
