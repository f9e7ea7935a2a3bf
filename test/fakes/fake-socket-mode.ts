/**
 * Slack's Socket Mode end, for the fake Web API's HTTP server: `apps.connections.open` hands out
 * `ws://…/socket-mode`, and this answers the WebSocket upgrade (RFC 6455, just what Slack's
 * client uses: unfragmented text frames, ping/pong, close). On connect it sends Slack's `hello`;
 * tests push envelopes with `send` and await the app's acks (`{ envelope_id, payload? }`).
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { createRecordedLog } from './recorded-log';

export const SOCKET_MODE_PATH = '/socket-mode';
const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OP = { text: 0x1, close: 0x8, ping: 0x9, pong: 0xa } as const;

export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export interface FakeSocketMode {
  /** Resolves once an app has connected and been sent `hello`. */
  connected(timeoutMs?: number): Promise<void>;
  /** Sends an envelope to every connected app. */
  send(envelope: Record<string, unknown>): void;
  waitForAck(envelopeId: string, timeoutMs?: number): Promise<SocketAck>;
  close(): void;
}

function frame(opcode: number, payload: Buffer): Buffer {
  const len = payload.length;
  const head = len < 126 ? Buffer.from([0x80 | opcode, len]) : len < 65536 ? Buffer.from([0x80 | opcode, 126, len >> 8, len & 0xff]) : Buffer.alloc(10);
  if (len >= 65536) {
    head[0] = 0x80 | opcode;
    head[1] = 127;
    head.writeBigUInt64BE(BigInt(len), 2);
  }
  return Buffer.concat([head, payload]);
}

/** One complete client frame from the front of `buf` (clients always mask), or undefined. */
function readFrame(buf: Buffer): { opcode: number; payload: Buffer; size: number } | undefined {
  if (buf.length < 2) return undefined;
  const opcode = buf[0]! & 0x0f;
  let len = buf[1]! & 0x7f;
  let offset = 2;
  if (len === 126) {
    if (buf.length < 4) return undefined;
    len = buf.readUInt16BE(2);
    offset = 4;
  } else if (len === 127) {
    if (buf.length < 10) return undefined;
    len = Number(buf.readBigUInt64BE(2));
    offset = 10;
  }
  const masked = (buf[1]! & 0x80) !== 0;
  const start = offset + (masked ? 4 : 0);
  if (buf.length < start + len) return undefined;
  const payload = Buffer.from(buf.subarray(start, start + len));
  if (masked) for (let i = 0; i < len; i++) payload[i]! ^= buf[offset + (i % 4)]!;
  return { opcode, payload, size: start + len };
}

export function attachSocketMode(server: Server, appId: string): FakeSocketMode {
  const sockets = new Set<Duplex>();
  const acks = createRecordedLog<SocketAck>();
  const hellos = createRecordedLog<true>();
  const sendJson = (socket: Duplex, value: unknown) => socket.write(frame(OP.text, Buffer.from(JSON.stringify(value))));

  server.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
    const key = req.headers['sec-websocket-key'];
    if (!req.url?.startsWith(SOCKET_MODE_PATH) || typeof key !== 'string') {
      socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    const accept = createHash('sha1').update(key + WS_GUID).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => sockets.delete(socket));
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      for (let f = readFrame(pending); f; f = readFrame(pending)) {
        pending = pending.subarray(f.size);
        if (f.opcode === OP.ping) socket.write(frame(OP.pong, f.payload));
        else if (f.opcode === OP.close) socket.end(frame(OP.close, Buffer.alloc(0)));
        else if (f.opcode === OP.text) {
          const message = JSON.parse(f.payload.toString('utf8')) as SocketAck;
          if (typeof message.envelope_id === 'string') acks.add(message);
        }
      }
    });
    sendJson(socket, { type: 'hello', num_connections: 1, debug_info: { host: 'fake-socket-mode', approximate_connection_time: 18060 }, connection_info: { app_id: appId } });
    hellos.add(true);
  });

  return {
    connected: (timeoutMs = 10_000) => hellos.waitFor(() => true, timeoutMs, () => `No Socket Mode connection within ${timeoutMs} ms`).then(() => undefined),
    send: (envelope) => sockets.forEach((s) => sendJson(s, envelope)),
    waitForAck: (envelopeId, timeoutMs = 5000) =>
      acks.waitFor((a) => a.envelope_id === envelopeId, timeoutMs, () => `No ack for envelope ${envelopeId} within ${timeoutMs} ms; got ${acks.entries.map((a) => a.envelope_id).join(', ')}`),
    close: () => sockets.forEach((s) => s.destroy()),
  };
}
