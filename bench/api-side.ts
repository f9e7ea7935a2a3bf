/**
 * The clients' side of P4, run as a child process: the fake Slack Web API the app starts against,
 * and the load generator (N concurrent clients, each sending its requests one after another over
 * a kept-alive connection). Clients do not share an event loop with the app being measured.
 */
import { Agent, request } from 'node:http';
import { startFakeSlackApi } from '../test/fakes/fake-slack-api';

export type ApiSideRequest = { kind: 'load'; url: string; token: string; clients: number; perClient: number };
export type ApiSideReply = { kind: 'ready'; apiUrl: string } | { kind: 'load'; ms: number[]; statuses: number[]; bytes: number } | { kind: 'error'; message: string };

function get(url: URL, token: string, agent: Agent): Promise<{ status: number; ms: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, bytes }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function load(msg: ApiSideRequest): Promise<ApiSideReply> {
  const url = new URL(msg.url);
  const agent = new Agent({ keepAlive: true, maxSockets: msg.clients });
  const ms: number[] = [];
  const statuses: number[] = [];
  let bytes = 0;
  await Promise.all(
    Array.from({ length: msg.clients }, async () => {
      for (let i = 0; i < msg.perClient; i++) {
        const r = await get(url, msg.token, agent);
        ms.push(r.ms);
        statuses.push(r.status);
        bytes = r.bytes;
      }
    }),
  );
  agent.destroy();
  return { kind: 'load', ms, statuses, bytes };
}

async function main(): Promise<void> {
  const api = await startFakeSlackApi();
  const reply = (m: ApiSideReply) => process.send!(m);
  process.on('message', (msg: ApiSideRequest) => {
    load(msg).then(reply, (e: unknown) => reply({ kind: 'error', message: String(e) }));
  });
  process.on('disconnect', () => void api.close().finally(() => process.exit(0)));
  reply({ kind: 'ready', apiUrl: api.url });
}

void main();
