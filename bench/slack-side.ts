/**
 * Slack's side of P1, run as a child process: the fake Web API, the fake response_url server and
 * the load generator. Signing requests and receiving answers then do not share an event loop with
 * the app being measured, as with the real Slack. The parent drives it over IPC.
 */
import { startFakeResponseUrl } from '../test/fakes/fake-response-url';
import { startFakeSlackApi } from '../test/fakes/fake-slack-api';
import { sendSlashCommand } from '../test/support/slack-requests';

export type SlackSideRequest =
  | { kind: 'burst'; base: string; secret: string; text: string; count: number; expectAnswers: boolean }
  | { kind: 'answers'; timeoutMs: number };

export type SlackSideReply =
  | { kind: 'ready'; apiUrl: string }
  | { kind: 'burst'; ms: number[]; statuses: number[] }
  | { kind: 'answers'; answered: number }
  | { kind: 'error'; message: string };

async function main(): Promise<void> {
  const api = await startFakeSlackApi();
  const responses = await startFakeResponseUrl();
  let pending: string[] = [];
  const reply = (m: SlackSideReply) => process.send!(m);

  const handle = async (msg: SlackSideRequest): Promise<SlackSideReply> => {
    if (msg.kind === 'answers') {
      await Promise.all(pending.map((u) => responses.waitForPost(u, msg.timeoutMs)));
      pending = [];
      return { kind: 'answers', answered: responses.posts.length };
    }
    // Requests that expect no answer get a URL that is never listened on.
    const urls = Array.from({ length: msg.count }, (_, i) => (msg.expectAnswers ? responses.newUrl() : `http://127.0.0.1:9/unused/${i}`));
    if (msg.expectAnswers) pending.push(...urls);
    const results = await Promise.all(urls.map((url) => sendSlashCommand(msg.base, msg.secret, { command: '/cost', text: msg.text, response_url: url })));
    return { kind: 'burst', ms: results.map((r) => r.ms), statuses: results.map((r) => r.status) };
  };

  process.on('message', (msg: SlackSideRequest) => {
    handle(msg).then(reply, (e: unknown) => reply({ kind: 'error', message: String(e) }));
  });
  process.on('disconnect', () => {
    void Promise.all([api.close(), responses.close()]).finally(() => process.exit(0));
  });
  reply({ kind: 'ready', apiUrl: api.url });
}

void main();
