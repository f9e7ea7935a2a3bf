/**
 * The Slack app while its database is killed and restarted, then frozen (accepting connections
 * but answering nothing) and thawed. Every request is acknowledged at once and gets a clear
 * answer; /healthz follows the database; the day's digest, due while the server was down, goes
 * out exactly once after it is back; and the app needs no restart.
 */
import type { Clock } from '../../src/ports/clock';
import { TRY_AGAIN_MESSAGE } from '../../src/domain/errors';
import { startPenny, type Penny } from '../../src/main';
import { blockText, pennyEnv, SECRET, seed } from '../e2e/harness';
import { startFakeResponseUrl, type FakeResponseUrl } from '../fakes/fake-response-url';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api';
import { baseUrlOf, sendEvent, sendSlashCommand, TEST_USER } from '../support/slack-requests';
import { startFerretServer, type FerretServer } from './support/ferret-server';
import { waitUntil } from './support/penny-cli';

const LIMITS = { PENNY_DB_CONNECT_TIMEOUT_MS: '2000', PENNY_DB_QUERY_TIMEOUT_MS: '3000', PENNY_DB_WRITE_TIMEOUT_MS: '15000', PENNY_WRITE_LEASE_MS: '3000' };
const DIGEST_CHANNEL = 'CDIGEST';
const SLACK_ACK_MS = 3000;

let server: FerretServer;
let api: FakeSlackApi;
let responses: FakeResponseUrl;
let penny: Penny;
let base: string;
let now = new Date('2024-10-02T08:59:00Z');
const clock: Clock = { now: () => new Date(now) };

beforeAll(async () => {
  [server, api, responses] = await Promise.all([startFerretServer(), startFakeSlackApi(), startFakeResponseUrl()]);
  penny = await startPenny(pennyEnv(server.uri('slack_faults'), api, LIMITS), { clock, host: '127.0.0.1', processEvery: '1 second', digestInterval: '2 seconds', lockLifetimeMs: 2000 });
  base = baseUrlOf(penny.server!);
  await seed(penny);
  await penny.core.digests.upsert({ channel: DIGEST_CHANNEL, time: '09:00', timeZone: 'UTC', providers: [], enabled: true, createdBy: TEST_USER.id, updatedAt: now });
}, 180_000);

afterAll(async () => {
  await penny?.stop().catch(() => undefined);
  await server?.dispose();
  await api?.close();
  await responses?.close();
});

async function cost(text: string): Promise<{ ackMs: number; answer: string }> {
  const url = responses.newUrl();
  const res = await sendSlashCommand(base, SECRET, { command: '/cost', text, response_url: url });
  expect(res.status).toBe(200);
  const post = await responses.waitForPost(url, 30_000);
  return { ackMs: res.ms, answer: blockText(post.body) };
}

async function health(): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${base}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const digestPosts = () => api.callsTo('chat.postMessage').filter((c) => c.body.channel === DIGEST_CHANNEL);

it('answers while the server is dead, reconnects by itself, and sends the due digest once after', async () => {
  expect(await health()).toMatchObject({ status: 200, body: { ok: true, database: { up: true } } });
  expect((await cost('summary 2024-09')).answer).toContain('$');

  await server.kill();
  await waitUntil('/healthz says the database is down', 15_000, async () => (await health()).status === 503);
  expect((await health()).body).toMatchObject({ ok: false, database: { up: false } });

  const during = await cost('summary 2024-09');
  expect(during.ackMs).toBeLessThan(SLACK_ACK_MS);
  expect(during.answer).toContain(TRY_AGAIN_MESSAGE);
  await sendEvent(base, SECRET, { type: 'app_mention', user: TEST_USER.id, text: '<@U1> summary 2024-09', ts: '1700000000.000200', channel: 'CMENTION', event_ts: '1700000000.000200' });
  const mention = await api.waitFor('chat.postMessage', (c) => c.body.channel === 'CMENTION', 30_000);
  expect(blockText(mention.body)).toContain(TRY_AGAIN_MESSAGE);

  now = new Date('2024-10-02T09:00:30Z'); // the digest falls due while the server is down
  await new Promise((r) => setTimeout(r, 5_000));
  expect(digestPosts()).toHaveLength(0);

  await server.restart();
  await waitUntil('/healthz says the database is up again', 30_000, async () => (await health()).status === 200);
  await api.waitFor('chat.postMessage', (c) => c.body.channel === DIGEST_CHANNEL, 60_000);
  await new Promise((r) => setTimeout(r, 6_000)); // three more dispatch ticks
  expect(digestPosts()).toHaveLength(1);
  expect((await cost('summary 2024-09')).answer).not.toContain(TRY_AGAIN_MESSAGE);
}, 240_000);

it('answers while the server accepts connections but never replies, and recovers when it does', async () => {
  server.freeze();
  try {
    await waitUntil('/healthz says the database is down', 15_000, async () => (await health()).status === 503);
    const during = await cost('summary 2024-09');
    expect(during.ackMs).toBeLessThan(SLACK_ACK_MS);
    expect(during.answer).toContain(TRY_AGAIN_MESSAGE);
  } finally {
    server.thaw();
  }
  await waitUntil('/healthz says the database is up again', 30_000, async () => (await health()).status === 200);
  expect((await cost('summary 2024-09')).answer).not.toContain(TRY_AGAIN_MESSAGE);
  expect(digestPosts()).toHaveLength(1);
}, 180_000);
