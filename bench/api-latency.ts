/**
 * API latency: GET /api/v1/costs/summary (last month by service) under 50 concurrent clients, through the
 * real app (HTTP mode: Bolt's custom routes, JWT, zod, JSON), next to the direct service call
 * (the same CostAnswers.breakdown and breakdownJson, 50 concurrent callers in-process) in the same
 * run, on the same store. Measured twice: with the query cache (the default) and without it.
 * The clients run in a child process (api-side.ts).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { breakdownJson } from '../src/answers/breakdown';
import { startPenny, type Penny } from '../src/main';
import { addDays } from '../src/domain/days';
import { DemoCostSource } from '../src/sources/demo/demo-source';
import { syncSource } from '../src/services/source-sync';
import { baseUrlOf } from '../test/support/slack-requests';
import { dbUri, percentile } from './bench-server';
import type { ApiSideReply, ApiSideRequest } from './api-side';

const PATH = '/api/v1/costs/summary?period=last%20month&groupBy=service';
const SECRET = 'bench-jwt-secret-that-is-long-enough-32';

interface Stat { p50: number; p95: number; requests: number }
/** `floor`: a bare node HTTP server in the app's process answering the same bytes, for the cost of HTTP itself. */
export interface P4Pair { api: Stat; direct: Stat; floor: Stat; ratioP95: number }
export interface ApiLatencyResult { store: string; records: string; clients: number; perClient: number; rounds: number; cached: P4Pair; uncached: P4Pair }
// perClient is for the cached runs; the uncached ones send a fifth as many (see runApiLatency).

const stat = (s: number[]): Stat => ({ p50: percentile(s, 50), p95: percentile(s, 95), requests: s.length });

export async function runApiLatency(baseUri: string, clients = 50, perClient = 20, rounds = 3): Promise<ApiLatencyResult> {
  const side = fork(join(__dirname, 'api-side.js'), { stdio: 'inherit' });
  const ready = await ask(side);
  if (ready.kind !== 'ready') throw new Error('API latency: the client side did not start');
  // The P2 store when it has data (a full run), else the demo's 13 months plus the FOCUS sample.
  const store = (await hasData(baseUri, ready.apiUrl)) ? 'bench_store' : 'bench_api';
  const start = (cache: string) => startPenny(
    { MONGODB_URI: dbUri(baseUri, store), SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: 'bench', SLACK_API_URL: ready.apiUrl, PORT: '0', LOG_LEVEL: 'silent', PENNY_SECRETS_DIR: '/nonexistent', PENNY_JWT_SECRET: SECRET, PENNY_QUERY_CACHE: cache },
    { host: '127.0.0.1' },
  );
  let penny = await start('500');
  try {
    if (store === 'bench_api') await seedDemo(penny);
    const records = (await penny.core.costs.coverage()).months.length;
    const cached = await measure(penny, side, clients, perClient, rounds);
    await penny.stop();
    penny = await start('0');
    // Every uncached request is a full query on the store: fewer of them tell the same.
    const uncached = await measure(penny, side, clients, Math.max(2, Math.floor(perClient / 5)), rounds);
    return { store, records: `${records} months`, clients, perClient, rounds, cached, uncached };
  } finally {
    side.disconnect();
    await penny.stop();
  }
}

async function measure(penny: Penny, side: ChildProcess, clients: number, perClient: number, rounds: number): Promise<P4Pair> {
  const token = await penny.core.tokens.issue({ role: 'viewer', subject: 'bench', ttlSeconds: 3600 });
  const url = `${baseUrlOf(penny.server!)}${PATH}`;
  const request = penny.core.answers.period('last month');
  const direct = async (): Promise<number[]> => {
    const ms: number[] = [];
    await Promise.all(Array.from({ length: clients }, async () => {
      for (let i = 0; i < perClient; i++) {
        const t = performance.now();
        JSON.stringify(breakdownJson(await penny.core.answers.breakdown({ period: request, groupBy: 'service', metric: 'billed' })));
        ms.push(performance.now() - t);
      }
    }));
    return ms;
  };
  const api = async (): Promise<number[]> => {
    const reply = await ask(side, { kind: 'load', url, token, clients, perClient });
    if (reply.kind !== 'load') throw new Error(`API latency: ${reply.kind === 'error' ? reply.message : 'unexpected reply'}`);
    if (reply.statuses.some((s) => s !== 200)) throw new Error(`API latency: a request failed (${reply.statuses.find((s) => s !== 200)})`);
    return reply.ms;
  };
  const body = JSON.stringify(breakdownJson(await penny.core.answers.breakdown({ period: request, groupBy: 'service', metric: 'billed' })));
  const bare: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(body);
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const floor = async (): Promise<number[]> => {
    const reply = await ask(side, { kind: 'load', url: `http://127.0.0.1:${(bare.address() as AddressInfo).port}${PATH}`, token, clients, perClient });
    if (reply.kind !== 'load') throw new Error('API latency: the floor load failed');
    return reply.ms;
  };
  process.stderr.write(`API latency: ${rounds} rounds of ${clients} clients × ${perClient} GET /costs/summary, and the direct call (cache ${penny.core.cacheStats() ? 'on' : 'off'})…\n`);
  await api();
  await direct();
  await floor();
  const apiMs: number[] = [];
  const directMs: number[] = [];
  const floorMs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    apiMs.push(...(await api()));
    directMs.push(...(await direct()));
    floorMs.push(...(await floor()));
  }
  await new Promise((resolve) => bare.close(resolve));
  return { api: stat(apiMs), direct: stat(directMs), floor: stat(floorMs), ratioP95: percentile(apiMs, 95) / percentile(directMs, 95) };
}

async function hasData(baseUri: string, apiUrl: string): Promise<boolean> {
  const probe = await startPenny({ MONGODB_URI: dbUri(baseUri, 'bench_store'), SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: 'bench', SLACK_API_URL: apiUrl, PORT: '0', LOG_LEVEL: 'silent', PENNY_SECRETS_DIR: '/nonexistent' }, { host: '127.0.0.1' });
  try {
    return (await probe.core.costs.coverage()).months.length > 0;
  } finally {
    await probe.stop();
  }
}

async function seedDemo(penny: Penny): Promise<void> {
  const today = penny.core.costs.today();
  if ((await penny.core.costs.coverage()).months.length > 0) return;
  process.stderr.write('API latency: loading 13 months of demo costs…\n');
  await syncSource(penny.core.store, new DemoCostSource(today), { start: addDays(today, -396), end: today });
}

function ask(side: ChildProcess, request?: ApiSideRequest): Promise<ApiSideReply> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`API latency: the client side exited (${code})`));
    side.once('exit', onExit);
    side.once('message', (m) => {
      side.off('exit', onExit);
      resolve(m as ApiSideReply);
    });
    if (request) side.send(request);
  });
}
