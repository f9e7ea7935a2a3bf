/**
 * The database server is killed (SIGKILL) in the middle of `penny import`, then restarted, and
 * the same import is run again. The first import must end with a sentence naming the cause and
 * how to resume; the second must finish, and what is stored must equal the oracle's decimal sums
 * of the file (not a figure from the code under test).
 */
import { focusFile, type FocusFile } from './support/focus-file';
import { startFerretServer, type FerretServer } from './support/ferret-server';
import { lastJson, runPenny } from './support/penny-cli';
import { waitForMonthsBegun } from './support/progress';
import { entries, readStored } from './support/stored';

let server: FerretServer;
let file: FocusFile;

beforeAll(async () => {
  [server, file] = await Promise.all([startFerretServer(), focusFile(20_000)]);
}, 120_000);

afterAll(async () => {
  await server?.dispose();
  file?.dispose();
});

it('ends the import with the cause when the server dies, and the import run again after a restart stores exactly the file', async () => {
  const uri = server.uri('killed_server');
  const first = runPenny(['import', file.path, '--json'], { MONGODB_URI: uri });
  await waitForMonthsBegun(uri, 3);
  await server.kill();

  const ended = await first.endsWithin(90_000);
  expect(ended.code).toBe(1);
  const error = lastJson(ended.stdout).error as { code: string; message: string };
  expect(['DB_UNAVAILABLE', 'DB_TIMEOUT']).toContain(error.code);
  expect(error.message).toMatch(/MongoDB/);
  expect(error.message).toMatch(/Run the same import again/);
  expect(ended.stderr).toContain(`penny: ${error.message}`);

  await server.restart();
  // The recovery run gets the product's default time limits: the tests' short ones exist to make
  // the fault show fast, and on a loaded CI host a just-restarted server can take longer than them.
  const again = runPenny(['import', file.path, '--json'], { MONGODB_URI: uri, PENNY_DB_CONNECT_TIMEOUT_MS: '10000', PENNY_DB_QUERY_TIMEOUT_MS: '30000', PENNY_DB_WRITE_TIMEOUT_MS: '120000' });
  const done = await again.endsWithin(180_000);
  // On failure, the end of stderr says why (it holds the import's log lines).
  expect({ code: done.code, why: done.code === 0 ? '' : done.stderr.slice(-3000) }).toEqual({ code: 0, why: '' });
  expect(lastJson(done.stdout)).toMatchObject({ rows: file.rows, imported: file.rows, rejected: 0, records: file.rows, written: true });
  // The dead import's lease may still be running when the second starts: it says so, once.
  expect(done.stderr.match(/waiting for an import \(started \d\d:\d\d UTC on host .+, pid \d+\) to finish/g)?.length ?? 0).toBeLessThanOrEqual(1);

  const stored = await readStored(uri, file);
  expect(stored.records).toBe(file.rows);
  expect(entries(stored.byMonth)).toEqual(entries(file.byMonth));
  expect(entries(stored.byService)).toEqual(entries(file.byService));
  expect(stored.dirtyMonths).toEqual([]);
  expect(stored.lease).toMatchObject({ released: true });
}, 400_000);
