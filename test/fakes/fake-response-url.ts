/**
 * A local stand-in for Slack's response_url endpoint. Bolt's `respond()` POSTs JSON there with no
 * auth header, so tests hand the app a URL from here and read back what it said. It enforces the
 * rule that makes response_url a scarce resource: at most 5 uses per URL (the 6th gets 404 used_url),
 * and checks message blocks with the same limits as the Web API fake.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { messageProblems } from './fake-slack-api';
import { createRecordedLog } from './recorded-log';

export const RESPONSE_URL_MAX_USES = 5;

export interface RecordedPost {
  url: string;
  body: Record<string, unknown>;
  at: number;
  /** HTTP status the fake answered; 200 when the post was accepted. */
  status: number;
  /** Slack's error text for a refused post (`used_url`, `expired_url`, `invalid_blocks`, ...). */
  error?: string;
}

export interface FakeResponseUrl {
  /** A fresh response_url, good for 5 accepted posts. */
  newUrl(): string;
  readonly posts: readonly RecordedPost[];
  postsTo(url: string): RecordedPost[];
  /** Resolves with the first post to `url` matching `predicate`, already received or still to come. */
  waitForPost(url: string, timeoutMs?: number, predicate?: (post: RecordedPost) => boolean): Promise<RecordedPost>;
  /** Makes `url` behave as if its 30 minutes had passed. */
  expire(url: string): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export async function startFakeResponseUrl(): Promise<FakeResponseUrl> {
  const log = createRecordedLog<RecordedPost>();
  const posts = log.entries;
  const uses = new Map<string, number>();
  const expired = new Set<string>();
  let seq = 0;
  let base = '';

  // Decides the answer the way Slack would; only accepted posts count as a use.
  const answer = (url: string, body: Record<string, unknown> | undefined): { status: number; error?: string } => {
    const used = uses.get(url);
    if (used === undefined) return { status: 404, error: 'no_service' };
    if (expired.has(url)) return { status: 404, error: 'expired_url' };
    if (used >= RESPONSE_URL_MAX_USES) return { status: 404, error: 'used_url' };
    if (!body) return { status: 400, error: 'invalid_payload' };
    const problem = messageProblems(body)[0];
    if (problem) return { status: 400, error: problem.error };
    uses.set(url, used + 1);
    return { status: 200 };
  };

  const server: Server = createServer((req, res) => {
    void readBody(req).then((text) => {
      const url = `${base}${req.url ?? '/'}`;
      const body = parseJson(text);
      const { status, error } = req.method === 'POST' ? answer(url, body) : { status: 405, error: 'method_not_allowed' };
      log.add({ url, body: body ?? { raw: text }, at: Date.now(), status, ...(error ? { error } : {}) });
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(error ?? 'ok');
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const postsTo = (url: string) => posts.filter((p) => p.url === url);

  return {
    posts,
    postsTo,
    newUrl() {
      seq += 1;
      const url = `${base}/commands/T1/${seq}/${Math.random().toString(36).slice(2, 14)}`;
      uses.set(url, 0);
      return url;
    },
    waitForPost(url, timeoutMs = 5000, predicate = () => true) {
      return log.waitFor((p) => p.url === url && predicate(p), timeoutMs, () => `No matching post to ${url} within ${timeoutMs} ms; got ${postsTo(url).length}`);
    },
    expire(url) {
      expired.add(url);
    },
    close() {
      return new Promise((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
