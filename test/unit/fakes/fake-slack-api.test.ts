import { WebClient, LogLevel, type Logger, type WebAPIPlatformError, type WebClientOptions } from '@slack/web-api';
import { startFakeSlackApi, type FakeSlackApi } from '../../fakes/fake-slack-api';

// The WebClient logs Slack's `[ERROR] ...` response messages; the tests below provoke them on purpose.
const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, setLevel: () => {}, getLevel: () => LogLevel.ERROR, setName: () => {} };

// The real WebClient, pointed at the fake, so the wire format is the one production sends.
const clientFor = (api: FakeSlackApi, token?: string, extra: Partial<WebClientOptions> = {}) =>
  new WebClient(token, { slackApiUrl: api.url, retryConfig: { retries: 0 }, logger: quiet, ...extra });

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

async function platformError(promise: Promise<unknown>): Promise<WebAPIPlatformError['data']> {
  try {
    await promise;
  } catch (error) {
    return (error as WebAPIPlatformError).data;
  }
  throw new Error('expected the call to fail');
}

describe('fake Slack Web API', () => {
  let api: FakeSlackApi;
  let client: WebClient;

  beforeAll(async () => {
    api = await startFakeSlackApi();
    client = clientFor(api, 'xoxb-test');
  });
  afterEach(() => api.reset());
  afterAll(() => api.close());

  it('round-trips chat.postMessage, decoding form-encoded blocks back to objects', async () => {
    const blocks = [{ type: 'header', text: { type: 'plain_text', text: 'Costs' } }, section('*$12.34* today')];
    const first = await client.chat.postMessage({ channel: 'C1', text: 'Costs', blocks });
    const second = await client.chat.postMessage({ channel: 'C1', text: 'again' });

    expect(first).toMatchObject({ ok: true, channel: 'C1', message: { text: 'Costs', bot_id: 'B1', blocks } });
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    const [call] = api.callsTo('chat.postMessage');
    expect(call?.body.blocks).toEqual(blocks);
    expect(call?.token).toBe('xoxb-test');
    expect(api.violations).toEqual([]);
  });

  it('answers the other methods Penny uses with their documented shapes', async () => {
    await expect(client.auth.test()).resolves.toMatchObject({ ok: true, user_id: 'U1', bot_id: 'B1', team_id: 'T1', url: 'https://penny-test.slack.com/' });
    await expect(client.chat.postEphemeral({ channel: 'C1', user: 'U2', text: 'hi' })).resolves.toMatchObject({ ok: true, message_ts: expect.any(String) });
    await expect(client.chat.update({ channel: 'C1', ts: '1.000001', text: 'new' })).resolves.toMatchObject({ ok: true, channel: 'C1', ts: '1.000001', text: 'new' });
    const home = await client.views.publish({ user_id: 'U2', view: { type: 'home', blocks: [section('hi')] } });
    expect(home.view).toMatchObject({ id: expect.stringMatching(/^V/), type: 'home', blocks: [section('hi')], hash: expect.any(String) });
    const modal = await client.views.open({ trigger_id: 't', view: { type: 'modal', title: { type: 'plain_text', text: 'Budget' }, blocks: [] } });
    await expect(client.views.update({ view_id: modal.view?.id ?? '', view: { type: 'modal', title: { type: 'plain_text', text: 'Saved' }, blocks: [] } })).resolves.toMatchObject({ ok: true, view: { id: modal.view?.id } });
    await expect(client.conversations.info({ channel: 'C9' })).resolves.toMatchObject({ ok: true, channel: { id: 'C9', is_channel: true, is_member: true } });
  });

  it('runs files.uploadV2 through getUploadURLExternal, the upload URL and completeUploadExternal', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 7)]);
    const result = await client.files.uploadV2({ channel_id: 'C1', file: png, filename: 'costs.png', title: 'Costs', initial_comment: 'Chart' });

    expect(api.calls.map((c) => c.method)).toEqual(['files.getUploadURLExternal', 'files.completeUploadExternal']);
    const [getUrl] = api.callsTo('files.getUploadURLExternal');
    expect(getUrl?.body).toMatchObject({ filename: 'costs.png', length: String(png.length) });
    expect(getUrl?.response.upload_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/upload\/v1\/F/);
    expect(api.uploads).toEqual([expect.objectContaining({ fileId: getUrl?.response.file_id, filename: 'costs.png', size: png.length, declaredLength: png.length })]);
    expect(api.uploads[0]?.firstBytes.subarray(0, 4).toString('latin1')).toBe('\x89PNG');
    const [complete] = api.callsTo('files.completeUploadExternal');
    expect(complete?.body).toMatchObject({ channel_id: 'C1', initial_comment: 'Chart', files: [{ id: getUrl?.response.file_id, title: 'Costs' }] });
    // uploadV2 wraps each completeUploadExternal response in its own `files` array.
    expect(result).toMatchObject({ ok: true, files: [{ ok: true, files: [{ id: getUrl?.response.file_id, title: 'Costs' }] }] });
  });

  it('rejects messages that break Slack limits and records the violation', async () => {
    const tooMany = Array.from({ length: 51 }, (_, i) => section(`row ${i}`));
    await expect(platformError(client.chat.postMessage({ channel: 'C1', text: 'x', blocks: tooMany }))).resolves.toMatchObject({ error: 'invalid_blocks' });
    await expect(platformError(client.chat.postMessage({ channel: 'C1', text: 'x', blocks: [section('x'.repeat(3001))] }))).resolves.toMatchObject({ error: 'invalid_blocks' });
    await expect(platformError(client.chat.postMessage({ channel: 'C1', text: 'x', blocks: [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }] }))).resolves.toMatchObject({ error: 'invalid_blocks' });
    await expect(platformError(client.chat.postMessage({ channel: 'C1', text: 'x', blocks: [{ type: 'image', image_url: `https://x/${'a'.repeat(3000)}`, alt_text: 'chart' }] }))).resolves.toMatchObject({ error: 'invalid_blocks' });
    const bulky = Array.from({ length: 6 }, () => section('y'.repeat(2500)));
    await expect(platformError(client.chat.postMessage({ channel: 'C1', text: 'x', blocks: bulky }))).resolves.toMatchObject({ error: 'msg_blocks_too_long' });

    expect(api.violations.map((v) => v.pointer)).toEqual(['/blocks', '/blocks/0/text/text', '/blocks/0/text/text', '/blocks/0/image_url', '/blocks']);
    expect(api.callsTo('chat.postMessage').every((c) => c.response.ok === false)).toBe(true);
  });

  it('allows 100 blocks in a Home tab but not 101', async () => {
    const blocks = (n: number) => Array.from({ length: n }, (_, i) => section(`row ${i}`));
    await expect(client.views.publish({ user_id: 'U2', view: { type: 'home', blocks: blocks(100) } })).resolves.toMatchObject({ ok: true });
    await expect(platformError(client.views.publish({ user_id: 'U2', view: { type: 'home', blocks: blocks(101) } }))).resolves.toMatchObject({ error: 'invalid_arguments' });
  });

  it('refuses calls without a bearer token and unknown methods', async () => {
    const anonymous = clientFor(api);
    await expect(platformError(anonymous.chat.postMessage({ channel: 'C1', text: 'x' }))).resolves.toMatchObject({ error: 'not_authed' });
    await expect(platformError(client.apiCall('chat.nope'))).resolves.toMatchObject({ error: 'unknown_method' });
  });

  it('fails the next call on request, once', async () => {
    api.failNext('chat.postMessage', 'channel_not_found');
    await expect(platformError(client.chat.postMessage({ channel: 'C1', text: 'x' }))).resolves.toMatchObject({ error: 'channel_not_found' });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).resolves.toMatchObject({ ok: true });
  });

  it('fails only calls to the channel named, once', async () => {
    api.failNext('chat.postMessage', 'not_in_channel', { channel: 'CPRIVATE' });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).resolves.toMatchObject({ ok: true });
    await expect(platformError(client.chat.postMessage({ channel: 'CPRIVATE', text: 'x' }))).resolves.toMatchObject({ error: 'not_in_channel' });
    await expect(client.chat.postMessage({ channel: 'CPRIVATE', text: 'x' })).resolves.toMatchObject({ ok: true });
  });

  it('answers ratelimited with HTTP 429 and Retry-After', async () => {
    const limited = clientFor(api, 'xoxb-test', { rejectRateLimitedCalls: true });
    api.failNext('chat.postMessage', 'ratelimited', { retryAfterSec: 3 });
    await expect(limited.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({ code: 'slack_webapi_rate_limited_error', retryAfter: 3 });
  });

  it('waitFor resolves when a later call arrives, and with calls that already arrived', async () => {
    const waiting = api.waitFor('chat.postMessage', (c) => c.body.text === 'done', 2000);
    setTimeout(() => void client.chat.postMessage({ channel: 'C1', text: 'done' }), 50);
    await expect(waiting).resolves.toMatchObject({ body: { channel: 'C1', text: 'done' } });
    await expect(api.waitFor('chat.postMessage')).resolves.toMatchObject({ body: { text: 'done' } });
    await expect(api.waitFor('chat.update', undefined, 100)).rejects.toThrow(/No matching chat.update call within 100 ms/);
  });
});
