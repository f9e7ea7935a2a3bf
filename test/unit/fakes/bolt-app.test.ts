import { createHmac } from 'node:crypto';
import type { Server } from 'node:http';
import { App, LogLevel } from '@slack/bolt';
import { startFakeSlackApi, type FakeSlackApi } from '../../fakes/fake-slack-api';
import { startFakeResponseUrl, type FakeResponseUrl } from '../../fakes/fake-response-url';
import { baseUrlOf, sendBlockAction, sendEvent, sendSlashCommand, sendUrlVerification, sendViewSubmission, signSlackRequest } from '../../support/slack-requests';

const SECRET = 'test-signing-secret';

// A real Bolt App on its HTTP receiver, talking to the fakes: the setup the e2e tests build on.
describe('real Bolt app against the fakes', () => {
  let api: FakeSlackApi;
  let responses: FakeResponseUrl;
  let app: App;
  let base: string;
  const mentions: string[] = [];

  beforeAll(async () => {
    api = await startFakeSlackApi();
    responses = await startFakeResponseUrl();
    // botId + botUserId stop Bolt calling auth.test from its constructor.
    app = new App({
      token: 'xoxb-test',
      signingSecret: SECRET,
      botId: 'B1',
      botUserId: 'U1',
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: api.url, retryConfig: { retries: 0 } },
    });
    app.command('/penny', async ({ ack, respond, client, command }) => {
      await ack();
      await respond({ response_type: 'ephemeral', text: `Looking up ${command.text}` });
      await client.chat.postMessage({ channel: command.channel_id, text: `Costs for ${command.text}` });
    });
    app.event('app_mention', async ({ event }) => void mentions.push(event.text));
    app.action('refresh', async ({ ack, respond }) => {
      await ack();
      await respond({ replace_original: true, text: 'Refreshed' });
    });
    app.view('budget', async ({ ack, view }) => {
      const amount = view.state.values.amount?.value?.value ?? '';
      await ack(Number(amount) > 0 ? undefined : { response_action: 'errors', errors: { amount: 'Enter a positive amount' } });
    });
    // app.start returns the node:http Server it listens on (port 0 picks a free one).
    const server: Server = await app.start({ port: 0, host: '127.0.0.1' });
    base = baseUrlOf(server);
  });
  afterAll(async () => {
    await app.stop();
    await api.close();
    await responses.close();
  });

  it('signs like Slack: v0= + HMAC-SHA256 of v0:ts:body', () => {
    const expected = createHmac('sha256', 's').update('v0:1700000000:a=b').digest('hex');
    expect(signSlackRequest('s', 'a=b', 1_700_000_000)).toEqual({ 'x-slack-request-timestamp': '1700000000', 'x-slack-signature': `v0=${expected}` });
  });

  it('acks a signed slash command quickly and responds through response_url', async () => {
    const responseUrl = responses.newUrl();
    const res = await sendSlashCommand(base, SECRET, { command: '/penny', text: 'aws', response_url: responseUrl });

    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    await expect(responses.waitForPost(responseUrl)).resolves.toMatchObject({ status: 200, body: { text: 'Looking up aws', response_type: 'ephemeral' } });
    await expect(api.waitFor('chat.postMessage', (c) => c.body.text === 'Costs for aws')).resolves.toMatchObject({ body: { channel: 'C1' }, token: 'xoxb-test' });
    expect(api.violations).toEqual([]);
  });

  it('rejects a forged signature and a stale timestamp with 401', async () => {
    const forged = await sendSlashCommand(base, SECRET, { command: '/penny' }, { forgeSignature: `v0=${'0'.repeat(64)}` });
    const wrongSecret = await sendSlashCommand(base, 'not-the-secret', { command: '/penny' });
    const stale = await sendSlashCommand(base, SECRET, { command: '/penny' }, { stale: true });
    expect([forged.status, wrongSecret.status, stale.status]).toEqual([401, 401, 401]);
  });

  it('delivers events and answers url_verification', async () => {
    const res = await sendEvent(base, SECRET, { type: 'app_mention', user: 'U2', text: '<@U1> costs', channel: 'C1', ts: '1700000000.000100', event_ts: '1700000000.000100' });
    expect(res.status).toBe(200);
    await waitUntil(() => mentions.includes('<@U1> costs'));
    const challenge = await sendUrlVerification(base, SECRET, 'abc123');
    expect(challenge).toMatchObject({ status: 200, json: { challenge: 'abc123' } });
  });

  it('routes block actions and view submissions', async () => {
    const responseUrl = responses.newUrl();
    const action = await sendBlockAction(base, SECRET, {
      actions: [{ type: 'button', action_id: 'refresh', block_id: 'b1', value: 'v', action_ts: '1700000000.1' }],
      channel: { id: 'C1', name: 'general' },
      message: { ts: '1700000000.000100', text: 'old' },
      response_url: responseUrl,
    });
    expect(action.status).toBe(200);
    await expect(responses.waitForPost(responseUrl)).resolves.toMatchObject({ body: { replace_original: true, text: 'Refreshed' } });

    const view = (amount: string) => ({ id: 'V1', callback_id: 'budget', type: 'modal', state: { values: { amount: { value: { type: 'plain_text_input', value: amount } } } } });
    await expect(sendViewSubmission(base, SECRET, { view: view('100') })).resolves.toMatchObject({ status: 200, body: '' });
    await expect(sendViewSubmission(base, SECRET, { view: view('-5') })).resolves.toMatchObject({ status: 200, json: { response_action: 'errors' } });
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
