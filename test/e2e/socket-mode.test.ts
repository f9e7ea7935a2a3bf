/**
 * Socket Mode end to end: the real app, started with SLACK_APP_TOKEN, opens a WebSocket through
 * `apps.connections.open` to the fake Slack, which pushes envelopes the way Slack does. Every
 * envelope must be acked by id, and answers arrive where they would in HTTP mode.
 */
import { startPenny, type Penny } from '../../src/main';
import { fixedClock } from '../../src/ports/clock';
import { startFakeResponseUrl, type FakeResponseUrl } from '../fakes/fake-response-url';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api';
import { dropDatabaseAt, testDbUri } from '../support/mongo';
import { TEST_APP_ID, TEST_TEAM, TEST_USER } from '../support/slack-requests';
import { blockText, NOW, pennyEnv, seed, topAmount } from './harness';

let api: FakeSlackApi;
let responses: FakeResponseUrl;
let penny: Penny;
let dbUri: string | undefined;

beforeAll(async () => {
  api = await startFakeSlackApi();
  responses = await startFakeResponseUrl();
  dbUri = testDbUri('socket');
  penny = await startPenny(pennyEnv(dbUri, api, { SLACK_APP_TOKEN: 'xapp-1-A1-1-fakesocketmode' }), { clock: fixedClock(NOW), lockLifetimeMs: 2000 });
  await seed(penny);
  await api.socketMode.connected();
}, 120_000);
afterAll(async () => {
  await penny?.stop();
  if (dbUri) await dropDatabaseAt(dbUri);
  await api?.close();
  await responses?.close();
});

let seq = 0;
const envelopeId = () => `env-${++seq}`;

const topServiceSeptember = () => topAmount('service');

it('does not listen for HTTP in Socket Mode', () => {
  expect(penny.server).toBeUndefined();
  expect(api.callsTo('apps.connections.open')).toHaveLength(1);
});

it('serves the REST API on PORT in Socket Mode, on its own server', async () => {
  const address = penny.apiServer!.address() as { port: number };
  const res = await fetch(`http://127.0.0.1:${address.port}/api/v1/healthz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ ok: true, database: { up: true } });
  const costs = await fetch(`http://127.0.0.1:${address.port}/api/v1/costs/summary`);
  expect(costs.status).toBe(401);
});

it('acks a /cost envelope by id and answers through its response_url', async () => {
  const url = responses.newUrl();
  const id = envelopeId();
  api.socketMode.send({
    envelope_id: id, type: 'slash_commands', accepts_response_payload: true,
    payload: {
      token: 'legacy', team_id: TEST_TEAM.id, team_domain: TEST_TEAM.domain, channel_id: 'C1', channel_name: 'general', user_id: TEST_USER.id, user_name: TEST_USER.name,
      command: '/cost', text: 'top service 2024-09', api_app_id: TEST_APP_ID, is_enterprise_install: 'false', response_url: url, trigger_id: '1.2.abc',
    },
  });
  await api.socketMode.waitForAck(id);
  const post = await responses.waitForPost(url, 20_000);
  expect(post.body).toMatchObject({ response_type: 'ephemeral' });
  expect(blockText(post.body)).toContain(await topServiceSeptember());
});

it('acks an events_api envelope and publishes the Home tab', async () => {
  const id = envelopeId();
  api.socketMode.send({
    envelope_id: id, type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '',
    payload: {
      token: 'legacy', team_id: TEST_TEAM.id, api_app_id: TEST_APP_ID, type: 'event_callback', event_id: 'EvSOCKET1', event_time: 1727870400,
      event: { type: 'app_home_opened', user: TEST_USER.id, channel: 'D2', tab: 'home', event_ts: '1727870400.000100' },
      authorizations: [{ enterprise_id: null, team_id: TEST_TEAM.id, user_id: 'U1', is_bot: true, is_enterprise_install: false }],
    },
  });
  await api.socketMode.waitForAck(id);
  const publish = await api.waitFor('views.publish', (c) => c.body.user_id === TEST_USER.id, 20_000);
  expect((publish.body.view as { type: string }).type).toBe('home');
});

it('acks an interactive envelope and replaces the message a drill-down button was on', async () => {
  const url = responses.newUrl();
  const id = envelopeId();
  api.socketMode.send({
    envelope_id: id, type: 'interactive', accepts_response_payload: false,
    payload: {
      type: 'block_actions', team: { id: TEST_TEAM.id, domain: TEST_TEAM.domain }, user: { id: TEST_USER.id, username: TEST_USER.name, team_id: TEST_TEAM.id },
      api_app_id: TEST_APP_ID, token: 'legacy', trigger_id: '1.2.def', response_url: url, channel: { id: 'C1', name: 'general' },
      container: { type: 'message', message_ts: '1.1', channel_id: 'C1', is_ephemeral: true },
      actions: [{ type: 'button', action_id: 'penny_drill_service', block_id: 'penny_drill', value: 'top service 2024-09', action_ts: '1' }],
    },
  });
  await api.socketMode.waitForAck(id);
  const post = await responses.waitForPost(url, 20_000);
  expect(post.body).toMatchObject({ replace_original: true });
  expect(blockText(post.body)).toContain(await topServiceSeptember());
  expect(api.violations).toEqual([]);
});
