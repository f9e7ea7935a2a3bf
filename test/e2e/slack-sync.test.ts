/**
 * `/cost sync` through the real Bolt app: admins only; the sync posts one message to the channel,
 * updates it, and ends with the result. The AWS SDK talks to the local Cost Explorer fake, reached
 * only through AWS_ENDPOINT_URL_COST_EXPLORER; expected totals are exact sums of the fake's rows.
 */
import { Readable } from 'node:stream';
import { run } from '../../src/cli/main';
import { addDays } from '../../src/domain/days';
import { nanosToDecimalString } from '../../src/domain/money';
import { FakeAwsCostExplorer } from '../fakes/fake-aws-ce';
import { generateRows, nanosOf } from '../fakes/fake-cost-rows';
import { sendSlashCommand, TEST_USER } from '../support/slack-requests';
import { blockText, NOW, SECRET, useE2E } from './harness';

const ADMIN = 'UADMIN1';
const TODAY = NOW.slice(0, 10);
const fake = new FakeAwsCostExplorer();

beforeAll(async () => {
  await fake.start();
  fake.pageSize = 40;
  fake.rows = generateRows({
    from: addDays(TODAY, -10), days: 10, accounts: [{ id: '111111111111', name: 'prod-core' }],
    services: ['Amazon Elastic Compute Cloud - Compute', 'AWS Lambda'], regions: ['us-east-1'], extras: ['credit'], distinctEffective: true,
  });
  Object.assign(process.env, { AWS_ENDPOINT_URL_COST_EXPLORER: fake.url, AWS_ACCESS_KEY_ID: fake.accessKeyId, AWS_SECRET_ACCESS_KEY: 'test-secret', AWS_REGION: 'us-east-1' });
});
afterAll(() => fake.close());

const app = useE2E({ seed: false, env: { PENNY_SOURCES: 'aws', PENNY_BACKFILL_DAYS: '5', PENNY_ADMINS: ADMIN } });

async function slash(user: string, text: string) {
  const url = app().responses.newUrl();
  const res = await sendSlashCommand(app().base, SECRET, { command: '/cost', text, response_url: url, channel_id: 'CSYNC', user_id: user }, {});
  expect(res.status).toBe(200);
  return (await app().responses.waitForPost(url, 20_000)).body as Record<string, unknown>;
}

it('refuses someone who is not an admin, privately and politely, and syncs nothing', async () => {
  const answer = await slash(TEST_USER.id, 'sync');
  expect(answer.response_type).toBe('ephemeral');
  expect(blockText(answer)).toMatch(/Running a sync is for Penny admins/i);
  expect(fake.requests).toHaveLength(0);
});

it('an admin starts it; one message in the channel shows the run and ends with its result', async () => {
  const answer = await slash(ADMIN, 'sync aws');
  expect(answer.response_type).toBe('ephemeral');
  expect(String(answer.text)).toMatch(/Sync started/);
  const posted = await app().api.waitFor('chat.postMessage', (c) => c.body.channel === 'CSYNC', 20_000);
  expect(blockText(posted.body)).toMatch(/Syncing cloud costs/);
  const done = await app().api.waitFor('chat.update', (c) => c.body.channel === 'CSYNC' && /Cloud sync finished/.test(JSON.stringify(c.body)), 60_000);
  const from = addDays(TODAY, -5);
  const to = addDays(TODAY, -1);
  expect(blockText(done.body)).toContain(`AWS: synced ${from} to ${to}`);
  expect(blockText(done.body)).toMatch(new RegExp(`API requests: ${fake.requests.length} today`));
  expect(app().api.callsTo('chat.postMessage').filter((c) => c.body.channel === 'CSYNC')).toHaveLength(1);

  // The store now holds exactly the fake's billed costs for those days.
  const out: string[] = [];
  const code = await run(['cost', '--from', from, '--to', to, '--json'], {
    out: (t) => void out.push(t), err: () => undefined, isTTY: false, env: { MONGODB_URI: app().dbUri }, exit: () => undefined, stdin: Readable.from([]), stdinIsTTY: false,
  });
  expect(code).toBe(0);
  const expected = fake.rows.filter((r) => r.day >= from && r.day <= to).reduce((sum, r) => sum + nanosOf(r.billed), 0n);
  expect(JSON.parse(out.join('')).total).toBe(nanosToDecimalString(expected));
});

it('names a source that is not enabled', async () => {
  expect(blockText(await slash(ADMIN, 'sync gcp'))).toMatch(/gcp is not in PENNY_SOURCES/);
});
