/**
 * P1: ack latency of 50 concurrent signed `/cost summary` requests into the real app on the
 * benchmark store (>= 1M records), against a no-op Bolt handler in the same run. Slack's side
 * (load, fake Web API, response_url) runs in a child process; see slack-side.ts.
 */
import { App } from '@slack/bolt';
import { fork, type ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { startPenny } from '../src/main';
import { baseUrlOf } from '../test/support/slack-requests';
import { dbUri, percentile } from './bench-server';
import { p99RatioSpread, type RatioSpread } from './p1-stats';
import type { SlackSideReply, SlackSideRequest } from './slack-side';

const SECRET = 'bench-secret';
const TEXT = 'summary last month';

export interface P1Result {
  concurrency: number;
  rounds: number;
  penny: { p50: number; p99: number };
  noop: { p50: number; p99: number };
  ratioP99: number;
  /** How far the ratio moves over resampled rounds, and on each half of the rounds. */
  spread: RatioSpread;
  answered: number;
}

export async function runP1(baseUri: string, concurrency = 50, rounds = 160): Promise<P1Result> {
  const side = fork(join(__dirname, 'slack-side.js'), { stdio: 'inherit' });
  const ready = await ask(side);
  if (ready.kind !== 'ready') throw new Error('P1: the Slack side did not start');
  const penny = await startPenny(
    { MONGODB_URI: dbUri(baseUri, 'bench_store'), SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: ready.apiUrl, PORT: '0', LOG_LEVEL: 'silent', PENNY_SECRETS_DIR: '/nonexistent' },
    { host: '127.0.0.1' },
  );
  const noop = new App({ token: 'xoxb-bench', signingSecret: SECRET, botId: 'B1', botUserId: 'U1', clientOptions: { slackApiUrl: ready.apiUrl } });
  noop.command('/cost', async ({ ack }) => {
    await ack();
  });
  const noopServer = (await noop.start({ port: 0, host: '127.0.0.1' })) as Server;
  try {
    const burst = async (server: Server, expectAnswers: boolean) => {
      const result = await ask(side, { kind: 'burst', base: baseUrlOf(server), secret: SECRET, text: TEXT, count: concurrency, expectAnswers });
      if (result.kind !== 'burst') throw new Error(`P1: ${result.kind === 'error' ? result.message : 'unexpected reply'}`);
      if (result.statuses.some((s) => s !== 200)) throw new Error('P1: a request was not acknowledged with 200');
      return result.ms;
    };
    process.stderr.write(`P1: ${rounds} interleaved rounds of ${concurrency} concurrent /cost summary, real app and no-op…\n`);
    const pennyMs: number[][] = [];
    const noopMs: number[][] = [];
    const answers = async () => {
      const reply = await ask(side, { kind: 'answers', timeoutMs: 120_000 });
      if (reply.kind !== 'answers') throw new Error(`P1: ${reply.kind === 'error' ? reply.message : 'unexpected reply'}`);
      return reply.answered;
    };
    // One unmeasured burst each, so both are measured warm.
    await burst(noopServer, false);
    await burst(penny.server!, true);
    const warmUp = await answers();
    let answered = 0;
    // Interleaved rounds, so a slow spell of the machine falls on both sides alike.
    for (let i = 0; i < rounds; i++) {
      pennyMs.push(await burst(penny.server!, true));
      // The answers finish before the no-op burst, so the baseline runs on an idle process.
      answered = (await answers()) - warmUp;
      noopMs.push(await burst(noopServer, false));
    }
    const stat = (s: number[]) => ({ p50: percentile(s, 50), p99: percentile(s, 99) });
    const spread = p99RatioSpread(pennyMs, noopMs);
    return { concurrency, rounds, penny: stat(pennyMs.flat()), noop: stat(noopMs.flat()), ratioP99: spread.ratio, spread, answered };
  } finally {
    side.disconnect();
    await noop.stop();
    await penny.stop();
  }
}

function ask(side: ChildProcess, request?: SlackSideRequest): Promise<SlackSideReply> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`P1: the Slack side exited (${code})`));
    side.once('exit', onExit);
    side.once('message', (m) => {
      side.off('exit', onExit);
      resolve(m as SlackSideReply);
    });
    if (request) side.send(request);
  });
}
