/**
 * The importing process is killed (SIGKILL) in the middle of an import while the server stays
 * up. Questions asked meanwhile must answer (from the records of a month left incomplete, and
 * say so), none may hang, and the next import must leave exactly the file's sums stored (and
 * remove the dead import's temporary files). A re-import of the unchanged file changes nothing.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { focusFile, type FocusFile } from './support/focus-file';
import { startFerretServer, type FerretServer } from './support/ferret-server';
import { childPids, isAlive, lastJson, runPenny, waitUntil } from './support/penny-cli';
import { waitForMonthsBegun } from './support/progress';
import { entries, readStored } from './support/stored';

let server: FerretServer;
let file: FocusFile;
/** The imports' TMPDIR, where they spill rows by day. */
const spills = mkdtempSync(join(tmpdir(), 'penny-faults-spill-'));

beforeAll(async () => {
  [server, file] = await Promise.all([startFerretServer(), focusFile(20_000)]);
}, 120_000);

afterAll(async () => {
  await server?.dispose();
  file?.dispose();
  rmSync(spills, { recursive: true, force: true });
});

it('answers questions after the importer dies, and the next import completes the sums exactly', async () => {
  const uri = server.uri('killed_importer');
  const env = { MONGODB_URI: uri, TMPDIR: spills };
  const first = runPenny(['import', file.path, '--json'], env);
  await waitUntil('the launcher has started its import process', 30_000, () => childPids(first.child.pid!).length > 0);
  const worker = childPids(first.child.pid!)[0]!;
  await waitForMonthsBegun(uri, 4);
  process.kill(worker, 'SIGKILL');
  const ended = await first.endsWithin(30_000);
  expect(ended.code).not.toBe(0);
  expect(isAlive(worker)).toBe(false);
  expect(readdirSync(spills)).toEqual([expect.stringMatching(new RegExp(`^penny-import-${worker}-`))]); // it could not clean up

  const midway = await readStored(uri, file);
  expect(midway.records).toBeLessThan(file.rows); // it really died mid-way
  expect(midway.dirtyMonths.length).toBeLessThanOrEqual(1); // finished months were closed as it went

  const cost = runPenny(['cost', '--from', file.firstDay, '--to', file.lastDay, '--by', 'month', '--json'], env);
  const answered = await cost.endsWithin(60_000);
  expect(answered.code).toBe(0);
  expect(lastJson(answered.stdout)).toHaveProperty('groups');
  if (midway.dirtyMonths.length > 0) expect(answered.stderr).toMatch(/answering from the records of a month whose rollups an interrupted write left incomplete/);

  const next = await runPenny(['import', file.path, '--json'], env).endsWithin(180_000);
  expect(next.code).toBe(0);
  expect(readdirSync(spills)).toEqual([]);
  const stored = await readStored(uri, file);
  expect(stored.records).toBe(file.rows);
  expect(entries(stored.byMonth)).toEqual(entries(file.byMonth));
  expect(entries(stored.byService)).toEqual(entries(file.byService));
  expect(stored.dirtyMonths).toEqual([]);

  const unchanged = await runPenny(['import', file.path, '--json'], env).endsWithin(120_000);
  expect(unchanged.code).toBe(0);
  expect(lastJson(unchanged.stdout)).toMatchObject({ records: file.rows, inserted: 0, replaced: 0, unchanged: file.rows });
  expect(entries((await readStored(uri, file)).byMonth)).toEqual(entries(file.byMonth));
}, 500_000);
