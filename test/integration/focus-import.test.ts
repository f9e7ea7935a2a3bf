/**
 * The FOCUS sample (1,000 real anonymized rows) through the real reader into the real store.
 */
import { copyFileSync, createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Connection } from 'mongoose';
import type { GroupDim } from '../../src/domain/cost-query';
import { buildBreakdown } from '../../src/domain/cost-query';
import { fixedClock } from '../../src/ports/clock';
import { FocusImportService } from '../../src/services/focus-import';
import { FocusCsvReader } from '../../src/sources/focus/focus-csv-reader';
import { FileDaySpill } from '../../src/spill/file-day-spill';
import { MongoCostStore, serverUsesIndexes } from '../../src/store/mongo-cost-store';
import { oracleKeys, readFocusRows, sumBy, withinMicro, exact, type OracleRow } from '../support/focus-oracle';
import { dropTestDb, openTestDb } from '../support/mongo';
import { recordingLogger } from '../support/silent-logger';

const SAMPLE = resolve(__dirname, '../../data/focus_sample.csv');
const SEPTEMBER = { start: '2024-09-01', end: '2024-10-01' };

let conn: Connection;
let store: MongoCostStore;
let service: FocusImportService;
const tmp = mkdtempSync(join(tmpdir(), 'penny-focus-'));

const file = (path: string) => ({ name: path.split('/').pop()!, open: () => createReadStream(path) });

async function grouped(groupBy: GroupDim | undefined, metric: 'billed' | 'effective' | 'list' = 'billed') {
  const query = { range: SEPTEMBER, filters: {}, metric, groupBy };
  return buildBreakdown(query, await store.groupCosts(query)).currencies;
}

async function expectMatches(rows: OracleRow[]) {
  for (const [dim, key] of Object.entries(oracleKeys) as [GroupDim, (r: OracleRow) => string][]) {
    const expected = sumBy(rows, key);
    const [usd] = await grouped(dim);
    const actual = new Map(usd!.groups.map((g) => [g.key, g.amount]));
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [k, v] of expected) {
      if (!withinMicro(actual.get(k)!, v)) throw new Error(`${dim}=${k}: store ${actual.get(k)} nanos, CSV ${v} pico`);
    }
  }
}

beforeAll(async () => {
  conn = await openTestDb('focus');
});
afterAll(async () => {
  await dropTestDb(conn);
  rmSync(tmp, { recursive: true, force: true });
});
beforeEach(async () => {
  await conn.dropDatabase();
  store = new MongoCostStore(conn, { logger: recordingLogger() });
  await store.init();
  service = new FocusImportService({ store, reader: new FocusCsvReader(), spill: () => new FileDaySpill(), clock: fixedClock('2026-11-21T12:00:00Z'), logger: recordingLogger() });
});

describe('importing the FOCUS sample', () => {
  it('gives exactly the decimal sums of the CSV per provider, service, region, sub-account, day and category', async () => {
    const summary = await service.import([file(SAMPLE)]);
    expect(summary).toMatchObject({ rows: 1000, imported: 1000, rejected: 0, errors: [], written: true });
    expect(summary.records).toBeLessThan(1000); // hourly rows folded into days
    const rows = readFocusRows(SAMPLE);
    await expectMatches(rows);
    const [total] = await grouped(undefined);
    expect(withinMicro(total!.total, [...sumBy(rows, () => '').values()][0]!)).toBe(true);
    for (const metric of ['effective', 'list'] as const) {
      const [t] = await grouped(undefined, metric);
      const column = metric === 'effective' ? 'EffectiveCost' : 'ListCost';
      expect(withinMicro(t!.total, rows.reduce((s, r) => s + exact(r[column]!), 0n))).toBe(true);
    }
  });

  it('changes nothing when the same file is imported again', async () => {
    await service.import([file(SAMPLE)]);
    const before = await grouped('account');
    const count = await conn.db!.collection('cost_records_2024_09').countDocuments();
    const again = await service.import([file(SAMPLE)]);
    expect(again).toMatchObject({ records: count, inserted: 0, replaced: 0, unchanged: count });
    expect(await grouped('account')).toEqual(before);
    expect(await conn.db!.collection('cost_records_2024_09').countDocuments()).toBe(count);
    expect(await conn.db!.collection('cost_daily_2024_09').countDocuments()).toBeGreaterThan(0);
    // Secondary indexes exist where the server can use them (MongoDB), and not on FerretDB v1.
    const indexes = (await conn.db!.collection('cost_records_2024_09').indexes()).map((i) => i.name);
    const ferret = 'ferretdbVersion' in (await conn.db!.admin().command({ buildInfo: 1 }));
    expect(await serverUsesIndexes(conn)).toBe(!ferret);
    if (ferret) expect(indexes).toEqual(['_id_']);
    else expect(indexes).toEqual(expect.arrayContaining(['day_1_service_1', 'resourceId_1_day_1']));
  });

  it("runs MongoDB's index path on any server when forced: indexes on every partition, the same exact sums", async () => {
    // On FerretDB the default skips them, so this is the one place the production path runs in CI.
    store = new MongoCostStore(conn, { logger: recordingLogger(), secondaryIndexes: true });
    await store.init();
    service = new FocusImportService({ store, reader: new FocusCsvReader(), spill: () => new FileDaySpill(), clock: fixedClock('2026-11-21T12:00:00Z'), logger: recordingLogger() });
    await service.import([file(SAMPLE)]);
    const names = async (c: string) => (await conn.db!.collection(c).indexes()).map((i) => i.name).sort();
    expect(await names('cost_records_2024_09')).toEqual(['_id_', 'day_1_service_1', 'resourceId_1_day_1']);
    expect(await names('cost_daily_2024_09')).toEqual(expect.arrayContaining(['_id_', 'day_1']));
    await expectMatches(readFocusRows(SAMPLE));
    // A re-import finds the indexes there already and changes nothing.
    const again = await service.import([file(SAMPLE)]);
    expect(again).toMatchObject({ inserted: 0, replaced: 0 });
    expect(await names('cost_records_2024_09')).toEqual(['_id_', 'day_1_service_1', 'resourceId_1_day_1']);
  });

  it('reads gzip and tolerates unknown extra columns (FOCUS 1.1/1.2 exports)', async () => {
    const text = readFileSync(SAMPLE, 'utf8').split('\n');
    const widened = text.map((line, i) => (line === '' ? line : `${line},${i === 0 ? '"x_CustomColumn","ServiceSubcategory"' : '"anything","Other (Compute)"'}`));
    const path = join(tmp, 'widened.csv.gz');
    writeFileSync(path, gzipSync(widened.join('\n')));
    const summary = await service.import([file(path)]);
    expect(summary).toMatchObject({ rows: 1000, rejected: 0 });
    await expectMatches(readFocusRows(SAMPLE));
  });

  it('loses only corrupted lines, and names them with their line numbers', async () => {
    const lines = readFileSync(SAMPLE, 'utf8').split('\n');
    const corrupt = new Map<number, (l: string) => string>([
      [5, (l) => l.replace(/^NULL,[0-9.]+,/, 'NULL,12,5O,')], // bad number (and one column too many)
      [10, (l) => l.replace(/("Usage-Based","[^"]+",)"[^"]+"/, '$1"2024-09-31 25:00:00"')], // bad date
      [20, (l) => l.split(',').slice(0, 30).join(',')], // truncated line
      [30, (l) => l.replace('NULL,', 'NULL,"0.5"x,')], // broken quote
      [40, (l) => l.replace(/^NULL,[0-9.]+,/, 'NULL,abc,')], // not a number
    ]);
    const broken = lines.map((l, i) => corrupt.get(i + 1)?.(l) ?? l);
    const path = join(tmp, 'corrupted.csv');
    writeFileSync(path, broken.join('\n'));
    const summary = await service.import([file(path)]);
    expect(summary.rejected).toBe(5);
    expect(summary.imported).toBe(995);
    expect(summary.errors.map((e) => e.line)).toEqual([5, 10, 20, 30, 40]);
    expect(summary.errors[0]!.message).toMatch(/expected 44 columns, found 45/);
    expect(summary.errors[2]!.message).toMatch(/expected 44 columns, found \d+/);
    expect(summary.errors[3]!.message).toMatch(/quote/);
    expect(summary.errors[1]!.message).toBe('ChargePeriodStart "2024-09-31 25:00:00" is not a date');
    expect(summary.errors[4]!.message).toBe('BilledCost "abc" is not a number');
    const good = readFocusRows(SAMPLE).filter((_, i) => !corrupt.has(i + 2));
    await expectMatches(good);
  });

  it('writes nothing in strict mode when a line is rejected', async () => {
    const path = join(tmp, 'strict.csv');
    const lines = readFileSync(SAMPLE, 'utf8').split('\n');
    lines[3] = lines[3]!.replace(/^NULL,[0-9.]+,/, 'NULL,abc,');
    writeFileSync(path, lines.join('\n'));
    const summary = await service.import([file(path)], { strict: true });
    expect(summary).toMatchObject({ rejected: 1, written: false, records: 0 });
    expect(await grouped(undefined)).toEqual([]);
  });

  it('refuses a file that is not FOCUS, and keeps what was stored', async () => {
    await service.import([file(SAMPLE)]);
    const before = await grouped('service');
    const path = join(tmp, 'not-focus.csv');
    writeFileSync(path, 'date,amount\n2024-09-01,5\n');
    await expect(service.import([file(path)])).rejects.toThrow(/not-focus.csv does not look like a FOCUS file: its header lacks BilledCost/);
    const gz = join(tmp, 'fake.csv.gz');
    copyFileSync(SAMPLE, gz);
    await expect(service.import([file(gz)])).rejects.toThrow(/ends in \.gz but is not gzip data/);
    expect(await grouped('service')).toEqual(before);
  });
});
