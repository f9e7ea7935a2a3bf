/**
 * What the three cloud fakes share: an HTTP(S) server on 127.0.0.1, a log of the requests each
 * answered (with the days each asked for), and faults injected on the requests they match.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export type FaultKind = 'throttle' | 'server-error' | 'timeout' | 'malformed' | 'expired-credential';

export interface FakeRequest {
  from: string; // first day asked for
  to: string; // day after the last
  /** 1 for the first page of a query, 2 for the page after, … */
  page: number;
  /** What the fake understood the request to be (a query name, a grouping). */
  kind: string;
}

export interface FaultRule {
  kind: FaultKind;
  /** How many matching requests get the fault (Infinity: all of them). */
  times: number;
  match?: (req: FakeRequest) => boolean;
}

export interface FakeControl {
  readonly requests: FakeRequest[];
  /** Requests answered with a fault, in order. */
  readonly faulted: { kind: FaultKind; req: FakeRequest }[];
  inject(rule: FaultRule): void;
  /** Groups (or rows) per page. */
  pageSize: number;
  /** How long a 'timeout' fault holds its answer. */
  timeoutDelayMs: number;
}

export class FaultBook implements FakeControl {
  readonly requests: FakeRequest[] = [];
  readonly faulted: { kind: FaultKind; req: FakeRequest }[] = [];
  pageSize = 5;
  timeoutDelayMs = 3000;
  private rules: FaultRule[] = [];

  inject(rule: FaultRule): void {
    this.rules.push({ ...rule });
  }

  /** Logs the request and returns the fault it gets, if any. */
  take(req: FakeRequest): FaultKind | undefined {
    this.requests.push(req);
    const rule = this.rules.find((r) => r.times > 0 && (!r.match || r.match(req)));
    if (!rule) return undefined;
    rule.times -= 1;
    this.faulted.push({ kind: rule.kind, req });
    return rule.kind;
  }
}

export interface RunningFake {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => Promise<void> | void;

export async function startFake(handler: Handler, tls?: { key: string; cert: string }): Promise<RunningFake> {
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      Promise.resolve(handler(req, Buffer.concat(chunks).toString('utf8'), res)).catch((error: unknown) => {
        if (!res.headersSent) send(res, 500, { message: `fake failed: ${(error as Error).message}` });
      });
    });
  };
  const server = tls ? createHttpsServer(tls, listener) : createHttpServer(listener);
  // Longer than any pause between a client's requests: a socket the server closes while the
  // client reuses it looks like a hung request (benchmarks pause for seconds between chains).
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    server,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Holds the answer past the client's timeout (the client gives up and retries). */
export async function hold(res: ServerResponse, ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  if (!res.destroyed) res.destroy();
}

/** Answer pages of a list: items [offset, offset + size) and whether more follow. */
export function pageOf<T>(items: T[], offset: number, size: number): { items: T[]; next?: number } {
  const slice = items.slice(offset, offset + size);
  return { items: slice, next: offset + size < items.length ? offset + size : undefined };
}
