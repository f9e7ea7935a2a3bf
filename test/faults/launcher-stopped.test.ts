/**
 * Stopping `penny import` from outside: SIGINT or SIGTERM to the launcher (a terminal, a
 * supervisor, `docker stop`), or SIGKILL to it (`timeout -s KILL`, an OOM killer). The import
 * process must stop cleanly and give its lease back; no orphan may go on writing.
 */
import { focusFile, type FocusFile } from './support/focus-file';
import { startFerretServer, type FerretServer } from './support/ferret-server';
import { childPids, isAlive, runPenny, waitUntil } from './support/penny-cli';
import { waitForMonthsBegun } from './support/progress';
import { readBookkeeping } from './support/stored';

let server: FerretServer;
let file: FocusFile;

beforeAll(async () => {
  [server, file] = await Promise.all([startFerretServer(), focusFile(20_000)]);
}, 120_000);

afterAll(async () => {
  await server?.dispose();
  file?.dispose();
});

it.each([
  ['SIGKILL', undefined],
  ['SIGTERM', 143],
  ['SIGINT', 130],
] as const)('%s to the launcher stops the import process cleanly, lease released', async (signal, launcherExit) => {
  const uri = server.uri(`stopped_${signal.toLowerCase()}`);
  const run = runPenny(['import', file.path], { MONGODB_URI: uri });
  await waitUntil('the launcher has started its import process', 30_000, () => childPids(run.child.pid!).length > 0);
  const worker = childPids(run.child.pid!)[0]!;
  await waitForMonthsBegun(uri, 3);
  run.child.kill(signal);

  const ended = await run.endsWithin(60_000);
  if (launcherExit !== undefined) {
    expect(ended.code).toBe(launcherExit);
    expect(ended.stderr).toContain(`penny: The import was stopped by ${signal} before it finished. Run the same import again to finish it: what is already stored is kept and skipped.`);
  }
  await waitUntil(`the import process (pid ${worker}) has exited`, 30_000, () => !isAlive(worker));
  const exitedAt = new Date();

  const stored = await readBookkeeping(uri);
  expect(stored.records).toBeLessThan(file.rows); // it was stopped mid-way, not finished
  // Given back, or (on a loaded machine, with the tests' 3 s lease) lapsed before a heartbeat
  // renewed it, when the writer must not release what may be another's. Either way nobody waits
  // on it; a writer that kept renewing and never released would hold it past its exit.
  const lease = stored.lease!;
  const leaseLog = ended.stderr.split('\n').filter((line) => /lease/i.test(line));
  expect({ givenBack: lease.released || lease.expiresAt.getTime() <= exitedAt.getTime(), lease, leaseLog }).toMatchObject({ givenBack: true });
  const after = stored.records;
  await new Promise((r) => setTimeout(r, 1_000));
  expect((await readBookkeeping(uri)).records).toBe(after); // nothing writes on
}, 180_000);
