/**
 * The app picks Socket Mode when SLACK_APP_TOKEN is set and HTTP otherwise, and refuses a bad
 * bot token at start with a clear message.
 */
import { SocketModeReceiver, HTTPReceiver } from '@slack/bolt';
import { createSlackApp } from '../../src/slack/app';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api';
import { recordingLogger } from '../support/silent-logger';

let api: FakeSlackApi;
beforeAll(async () => {
  api = await startFakeSlackApi();
});
afterAll(async () => {
  await api.close();
});

const quiet = { ...recordingLogger(), setLevel: () => undefined, getLevel: () => 'error' as never, setName: () => undefined };
const deps = {} as never; // listeners are only registered, never called, in these tests

function config(over: Record<string, unknown>) {
  return { botToken: 'xoxb-test', port: 0, mode: 'http' as const, chartRenderer: 'quickchart' as const, apiUrl: api.url, ...over };
}

it('uses Socket Mode with an app token', async () => {
  const slack = await createSlackApp(config({ mode: 'socket', appToken: 'xapp-1' }), quiet, deps);
  expect((slack.app as unknown as { receiver: unknown }).receiver).toBeInstanceOf(SocketModeReceiver);
});

it('uses the HTTP receiver with a signing secret', async () => {
  const slack = await createSlackApp(config({ signingSecret: 's' }), quiet, deps);
  expect((slack.app as unknown as { receiver: unknown }).receiver).toBeInstanceOf(HTTPReceiver);
});

it('stops with a clear message when Slack refuses the bot token', async () => {
  api.failNext('auth.test', 'invalid_auth');
  await expect(createSlackApp(config({ signingSecret: 's' }), quiet, deps)).rejects.toThrow('Slack refused SLACK_BOT_TOKEN (invalid_auth)');
});
