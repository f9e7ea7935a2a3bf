/**
 * A MongoDB that accepts connections but never answers: every path must end with the time
 * limit's sentence, never hang. First a TCP server that stays silent from the start, then a real
 * server frozen (SIGSTOP) in the middle of an import.
 */
import { startPenny } from '../../src/main';
import { pennyEnv } from '../e2e/harness';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api';
import { focusFile, type FocusFile } from './support/focus-file';
import { startFerretServer, type FerretServer } from './support/ferret-server';
import { lastJson, runPenny } from './support/penny-cli';
import { waitForMonthsBegun } from './support/progress';
import { startSilentServer } from './support/silent-server';
import { entries, readStored } from './support/stored';

let silent: Awaited<ReturnType<typeof startSilentServer>>;
let server: FerretServer;
let file: FocusFile;
let api: FakeSlackApi;

beforeAll(async () => {
  [silent, server, file, api] = await Promise.all([startSilentServer(), startFerretServer(), focusFile(20_000), startFakeSlackApi()]);
}, 120_000);

afterAll(async () => {
  await silent?.close();
  await server?.dispose();
  await api?.close();
  file?.dispose();
});

const silentUri = () => `mongodb://127.0.0.1:${silent.port}/silent`;
const silentNoAnswer = () => `MongoDB did not answer within 3 s: no server answered at ${silentUri()}.`;

describe('a server that never answers', () => {
  it.each([
    ['penny import', ['import', 'FILE', '--json']],
    ['penny cost', ['cost', 'last month', '--json']],
  ])('%s ends with the time limit, as one sentence and a JSON error', async (_name, args) => {
    const run = runPenny(args.map((a) => (a === 'FILE' ? file.path : a)), { MONGODB_URI: silentUri() });
    const ended = await run.endsWithin(60_000);
    expect(ended.code).toBe(1);
    expect(ended.stderr.trim()).toBe(`penny: ${silentNoAnswer()}`);
    expect(lastJson(ended.stdout)).toEqual({ error: { code: 'DB_UNAVAILABLE', message: silentNoAnswer() } });
    expect(silent.connections()).toBeGreaterThan(0); // it did try this server
  });

  it('the Slack app does not start, and says why', async () => {
    const env = pennyEnv(silentUri(), api, { PENNY_DB_CONNECT_TIMEOUT_MS: '3000' });
    await expect(startPenny(env, { host: '127.0.0.1' })).rejects.toThrow(silentNoAnswer());
  });
});

describe('a server that stops answering in the middle of an import', () => {
  it('ends the import with the time limit and how to resume; after it answers again, the import completes exactly', async () => {
    const uri = server.uri('frozen');
    const first = runPenny(['import', file.path, '--json'], { MONGODB_URI: uri });
    await waitForMonthsBegun(uri, 3);
    server.freeze();
    let ended;
    try {
      ended = await first.endsWithin(120_000);
    } finally {
      server.thaw();
    }
    expect(ended.code).toBe(1);
    const error = lastJson(ended.stdout).error as { code: string; message: string };
    expect(error.code).toMatch(/^DB_(TIMEOUT|UNAVAILABLE)$/);
    expect(error.message).toMatch(/^MongoDB did not answer within \d+ s: .* Run the same import again to finish it/);

    const again = await runPenny(['import', file.path, '--json'], { MONGODB_URI: uri }).endsWithin(180_000);
    expect(again.code).toBe(0);
    const stored = await readStored(uri, file);
    expect(stored.records).toBe(file.rows);
    expect(entries(stored.byMonth)).toEqual(entries(file.byMonth));
    expect(stored.dirtyMonths).toEqual([]);
  }, 400_000);
});
