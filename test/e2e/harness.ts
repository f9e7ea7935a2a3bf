/**
 * Starts the real Penny app (Bolt over HTTP, real store on the test server, real scheduler)
 * against a fake Slack Web API and a fake response_url server, with a seeded store.
 */
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { startPenny, type Penny, type StartOptions } from '../../src/main';
import { fixedClock, type Clock } from '../../src/ports/clock';
import { DemoCostSource } from '../../src/sources/demo/demo-source';
import { syncSource } from '../../src/services/source-sync';
import { startFakeResponseUrl, type FakeResponseUrl } from '../fakes/fake-response-url';
import { startFakeSlackApi, type FakeSlackApi, type FakeSlackApiOptions } from '../fakes/fake-slack-api';
import { dropDatabaseAt, testDbUri } from '../support/mongo';
import { focusGroups, usd } from '../support/oracles';
import { baseUrlOf, sendSlashCommand, type SlackRequestOptions } from '../support/slack-requests';

export const SECRET = 'e2e-signing-secret';
export const NOW = '2024-10-02T12:00:00Z'; // "last month" is the FOCUS sample's September 2024
const SAMPLE = resolve(__dirname, '../../data/focus_sample.csv');

export interface E2E {
  api: FakeSlackApi;
  responses: FakeResponseUrl;
  penny: Penny;
  base: string;
  dbUri: string;
  /** Sends `/cost <text>` and waits for the answer posted to its response_url. */
  cost(text: string, opts?: SlackRequestOptions & { channel?: string }): Promise<{ status: number; ms: number; answer?: Record<string, unknown> }>;
  startAnother(): Promise<Penny>;
  stop(): Promise<void>;
}

export function pennyEnv(dbUri: string, api: FakeSlackApi, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    MONGODB_URI: dbUri, SLACK_BOT_TOKEN: 'xoxb-e2e-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: api.url,
    PORT: '0', LOG_LEVEL: 'silent', CHART_RENDERER: 'quickchart', PENNY_TIMEZONE: 'UTC', PENNY_SECRETS_DIR: '/nonexistent', ...extra,
  };
}

export async function startE2E(options: { clock?: Clock; env?: NodeJS.ProcessEnv; seed?: boolean; start?: StartOptions; slack?: FakeSlackApiOptions } = {}): Promise<E2E> {
  const api = await startFakeSlackApi(options.slack);
  const responses = await startFakeResponseUrl();
  const dbUri = testDbUri('e2e');
  const clock = options.clock ?? fixedClock(NOW);
  const others: Penny[] = [];
  const start = () => startPenny(pennyEnv(dbUri, api, options.env), { clock, host: '127.0.0.1', processEvery: '1 second', digestInterval: '2 seconds', reportInterval: '2 seconds', lockLifetimeMs: 2000, ...options.start });
  const penny = await start();
  if (options.seed !== false) await seed(penny);
  const base = baseUrlOf(penny.server!);
  return {
    api, responses, penny, base, dbUri,
    cost: async (text, opts = {}) => {
      const url = responses.newUrl();
      const res = await sendSlashCommand(base, SECRET, { command: '/cost', text, response_url: url, channel_id: opts.channel ?? 'C1' }, opts);
      if (res.status !== 200) return { status: res.status, ms: res.ms };
      const post = await responses.waitForPost(url, 20_000);
      return { status: res.status, ms: res.ms, answer: post.body as Record<string, unknown> };
    },
    startAnother: async () => {
      const p = await start();
      others.push(p);
      return p;
    },
    stop: async () => {
      for (const p of [...others, penny]) await p.stop().catch(() => undefined);
      await dropDatabaseAt(dbUri);
      await api.close();
      await responses.close();
    },
  };
}

/** The FOCUS sample (September 2024) and demo data for this month up to "now" (October 1). */
export async function seed(penny: Penny): Promise<void> {
  await penny.core.imports.import([{ name: 'focus_sample.csv', open: () => createReadStream(SAMPLE) }]);
  const today = penny.core.costs.today();
  const demo = new DemoCostSource(today);
  await syncSource(penny.core.store, demo, { start: `${today.slice(0, 7)}-01`, end: today });
}

/** All the text a message's blocks show, for asserting on numbers. */
export function blockText(message: unknown): string {
  return JSON.stringify(message).replace(/\\n/g, '\n');
}

/** Starts the app for this test file (beforeAll) and stops it after (afterAll); call at the top level. */
export function useE2E(options: Parameters<typeof startE2E>[0] = {}): () => E2E {
  let e2e: E2E | undefined;
  beforeAll(async () => {
    e2e = await startE2E(options);
  }, 120_000);
  afterAll(async () => {
    await e2e?.stop();
  });
  return () => {
    if (!e2e) throw new Error('The e2e app did not start (see beforeAll)');
    return e2e;
  };
}

/** The sample's biggest September group, formatted as the blocks show it (from the FOCUS oracle). */
export function topAmount(groupBy: 'service' | 'account'): string {
  return usd(focusGroups(groupBy)[0]!.amount);
}
