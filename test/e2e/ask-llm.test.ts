/**
 * The LLM path wired from settings: OPENAI_API_KEY, OPENAI_BASE_URL and OPENAI_MODEL point the
 * real app at a fake OpenAI-compatible server; a DM is answered in the model's words with the
 * store's numbers, and a model that fails leaves the offline answerer to answer.
 */
import { sendEvent, TEST_USER } from '../support/slack-requests';
import { focusTotal, usd } from '../support/oracles';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/fake-openai';
import { blockText, SECRET, startE2E, type E2E } from './harness';

let fake: FakeOpenAi;
let e2e: E2E;
beforeAll(async () => {
  fake = await startFakeOpenAi();
  e2e = await startE2E({ env: { OPENAI_API_KEY: 'sk-e2e-test', OPENAI_BASE_URL: fake.url, OPENAI_MODEL: 'fake-e2e-model' } });
}, 120_000);
afterAll(async () => {
  await e2e?.stop();
  await fake?.close();
});

const dm = (channel: string, text: string, ts: string) => ({ type: 'message', channel_type: 'im', channel, user: TEST_USER.id, text, ts, event_ts: ts });

it('answers a DM in the model\'s words, with the store\'s total and what was queried', async () => {
  const total = usd(focusTotal());
  fake.script({ toolCalls: [{ name: 'query_costs', arguments: { period: 'last month' } }] }, { content: `Last month (September 2024) you spent ${total}.` });
  await sendEvent(e2e.base, SECRET, dm('D30', 'how much did we burn last month?', '1700000600.000100'), { eventId: 'EvLLMDM1' });
  const post = await e2e.api.waitFor('chat.postMessage', (c) => c.body.channel === 'D30', 20_000);
  const text = blockText(post.body);
  expect(text).toContain(`Last month (September 2024) you spent ${total}.`);
  expect(text).toContain('Queried: September 2024');
  expect(text).toContain('Worded by an AI model');
  expect(fake.requests[0]).toMatchObject({ model: 'fake-e2e-model', authorization: 'Bearer sk-e2e-test' });
});

it('answers from the offline parser when the model is rate limited', async () => {
  fake.script({ status: 429 });
  await sendEvent(e2e.base, SECRET, dm('D31', 'what did we spend last month?', '1700000700.000100'), { eventId: 'EvLLMDM2' });
  const post = await e2e.api.waitFor('chat.postMessage', (c) => c.body.channel === 'D31', 20_000);
  expect(blockText(post.body)).toContain(usd(focusTotal()));
  expect(blockText(post.body)).not.toContain('Worded by an AI model');
});
