/**
 * Node http glue for the API: reads a request into an ApiRequest, runs it, writes the answer.
 * The same function serves Bolt's custom routes (HTTP mode) and the API's own server (Socket Mode).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '../domain/errors';
import type { Logger } from '../ports/logger';
import { errorResponse } from './errors';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface ApiRequest {
  method: string;
  /** The path as sent, e.g. /api/v1/costs/summary. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Parsed JSON body of POST and PUT; undefined when there is none. */
  body?: unknown;
}

export interface ApiResponse {
  status?: number;
  /** Sent as JSON unless `text` is given. */
  json?: unknown;
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

const BODY_LIMIT = 64 * 1024;

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > BODY_LIMIT) throw new AppError('QUERY_INVALID', `The request body is larger than ${BODY_LIMIT / 1024} KiB.`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError('QUERY_INVALID', 'The request body is not valid JSON. Send a JSON object with Content-Type: application/json.', { cause: error });
  }
}

export function writeResponse(res: ServerResponse, answer: ApiResponse): void {
  const status = answer.status ?? 200;
  if (status === 204) {
    res.writeHead(204, answer.headers);
    res.end();
    return;
  }
  const body = answer.text ?? JSON.stringify(answer.json ?? null);
  res.writeHead(status, {
    'content-type': answer.contentType ?? 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'no-store',
    ...answer.headers,
  });
  res.end(body);
}

/** Wraps a dispatcher as a node handler: errors become the API's error shape, never a stack. */
export function nodeHandler(dispatch: (request: ApiRequest) => Promise<ApiResponse>, logger: Logger): NodeHandler {
  return (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const method = (req.method ?? 'GET').toUpperCase();
      try {
        const body = method === 'POST' || method === 'PUT' ? await readJsonBody(req) : undefined;
        writeResponse(res, await dispatch({ method, path: url.pathname, query: url.searchParams, headers: req.headers, body }));
      } catch (error) {
        const { status, body } = errorResponse(error);
        if (status >= 500) logger.error({ err: error, method, path: url.pathname }, 'API request failed');
        else logger.debug({ code: body.error.code, method, path: url.pathname }, body.error.message);
        const headers = status === 401 ? { 'www-authenticate': 'Bearer realm="penny"' } : undefined;
        if (!res.headersSent) writeResponse(res, { status, json: body, headers });
        else res.end();
      }
    })();
  };
}
