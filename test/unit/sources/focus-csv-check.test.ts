/**
 * The FOCUS reader's check: it reads only the start of a file and refuses, naming the file,
 * anything that is not a FOCUS CSV. read() refuses the same files before handing out a row.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import type { CostRowSink, ImportInput } from '../../../src/ports/cost-file-reader';
import { FocusCsvReader } from '../../../src/sources/focus/focus-csv-reader';

const SAMPLE = readFileSync(resolve(__dirname, '../../../data/focus_sample.csv'));
const reader = new FocusCsvReader();

function input(name: string, bytes: Buffer): ImportInput & { chunksRead: () => number } {
  let read = 0;
  const chunks = Array.from({ length: Math.ceil(bytes.length / 1024) }, (_, i) => bytes.subarray(i * 1024, (i + 1) * 1024));
  return {
    name,
    open: () => Readable.from((function* () {
      for (const c of chunks) {
        read += 1;
        yield c;
      }
    })()),
    chunksRead: () => read,
  };
}

const ELF = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x0a, 0x41]);

describe('FocusCsvReader.check', () => {
  it('accepts a FOCUS CSV, plain or gzip, reading only its start', async () => {
    const plain = input('sample.csv', SAMPLE);
    await expect(reader.check(plain)).resolves.toBeUndefined();
    expect(plain.chunksRead()).toBeLessThan(5);
    await expect(reader.check(input('sample.csv.gz', gzipSync(SAMPLE)))).resolves.toBeUndefined();
  });

  it.each([
    ['/bin/ls', ELF, '/bin/ls does not look like a FOCUS file: it is binary data, not CSV text.'],
    ['export.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('BilledCost', 'utf16le')]), 'export.csv does not look like a FOCUS file: it is UTF-16 text; save it as UTF-8 CSV.'],
    ['notes.csv', Buffer.from('date,amount\n2024-09-01,5\n'), 'notes.csv does not look like a FOCUS file: its header lacks BilledCost, BillingCurrency, ChargePeriodStart, ChargeCategory, ProviderName.'],
    ['empty.csv', Buffer.alloc(0), 'empty.csv does not look like a FOCUS file: it is empty.'],
    ['zipped.csv.gz', gzipSync(ELF), 'zipped.csv.gz does not look like a FOCUS file: it is binary data, not CSV text.'],
    ['fake.csv.gz', SAMPLE, 'fake.csv.gz ends in .gz but is not gzip data.'],
  ])('refuses %s with a sentence that names it', async (name, bytes, message) => {
    await expect(reader.check(input(name, bytes))).rejects.toThrow(message);
  });

  it('read() refuses a binary file before handing out any row', async () => {
    const rows: unknown[] = [];
    const sink: CostRowSink = { row: (...r) => void rows.push(r), reject: (...r) => void rows.push(r), warn: () => undefined, bytes: () => undefined };
    await expect(reader.read(input('/bin/ls', Buffer.concat([ELF, SAMPLE])), sink)).rejects.toThrow('/bin/ls does not look like a FOCUS file: it is binary data');
    expect(rows).toEqual([]);
  });
});
