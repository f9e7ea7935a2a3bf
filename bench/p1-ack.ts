/**
 * P1: ack latency of 50 concurrent signed `/cost summary` requests into the real app on the
 * benchmark store (>= 1M records), against a no-op Bolt handler in the same run.
 */
import { App } from '@slack/bolt';
import type { Server } from 'node:http';
import { startPenny } from '../src/main';
import { startFakeResponseUrl } from '../test/fakes/fake-response-url';
import { startFakeSlackApi } from '../test/fakes/fake-slack-api';
import { baseUrlOf, sendSlashCommand } from '../test/support/slack-requests';
import { dbUri, percentile } from './bench-server';

const SECRET = 'bench-secret';

export interface P1Result {
  concurrency: number;
  rounds: number;
  penny: { p50: number; p99: number };
  noop: { p50: number; p99: number };
  ratioP99: number;
  answered: number;
}

export async function runP1(baseUri: string, concurrency = 50, rounds = 3): Promise<P1Result> {
  const api = await startFakeSlackApi();
  const responses = await startFakeResponseUrl();
  const penny = await startPenny(
    { MONGODB_URI: dbUri(baseUri, 'bench_store'), SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: api.url, PORT: '0', LOG_LEVEL: 'silent', PENNY_SECRETS_DIR: '/nonexistent' },
    { host: '127.0.0.1' },
  );
  const noop = new App({ token: 'xoxb-bench', signingSecret: SECRET, botId: 'B1', botUserId: 'U1', clientOptions: { slackApiUrl: api.url } });
  noop.command('/cost', async ({ ack }) => {
    await ack();
  });
  const noopServer = (await noop.start({ port: 0, host: '127.0.0.1' })) as Server;
  try {
    const urls: string[] = [];
    const burst = async (base: string, record: boolean) => {
      const results = await Promise.all(
        Array.from({ length: concurrency }, () => {
          const url = responses.newUrl();
          if (record) urls.push(url);
          return sendSlashCommand(base, SECRET, { command: '/cost', text: 'summary last month', response_url: url });
        }),
      );
      if (results.some((r) => r.status !== 200)) throw new Error('P1: a request was not acknowledged with 200');
      return results.map((r) => r.ms);
    };
    process.stderr.write(`P1: ${rounds} bursts of ${concurrency} concurrent /cost summary, real app and no-op…\n`);
    const pennyMs: number[] = [];
    const noopMs: number[] = [];
    await burst(baseUrlOf(noopServer), false); // warm-up
    for (let i = 0; i < rounds; i++) {
      pennyMs.push(...(await burst(baseUrlOf(penny.server!), true)));
      noopMs.push(...(await burst(baseUrlOf(noopServer), false)));
      await Promise.all(urls.splice(0).map((u) => responses.waitForPost(u, 120_000)));
    }
    const stat = (s: number[]) => ({ p50: percentile(s, 50), p99: percentile(s, 99) });
    return {
      concurrency, rounds,
      penny: stat(pennyMs), noop: stat(noopMs),
      ratioP99: percentile(pennyMs, 99) / percentile(noopMs, 99),
      answered: responses.posts.length,
    };
  } finally {
    await noop.stop();
    await penny.stop();
    await api.close();
    await responses.close();
  }
}
